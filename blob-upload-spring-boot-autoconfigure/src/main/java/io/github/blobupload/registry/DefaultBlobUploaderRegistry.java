/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.blobupload.registry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.BlobUploaders;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import org.jspecify.annotations.Nullable;

/**
 * A {@link BlobUploaderRegistry} over a fixed set of uploaders, one per use case plus a
 * default. It owns the {@link ManagedBlobUploader managed} ones: {@link #close()} shuts
 * them down. Use-case names are compared in their {@link UseCases#normalize normalised}
 * form.
 */
public final class DefaultBlobUploaderRegistry implements BlobUploaderRegistry, AutoCloseable {

	/** How long {@link #close()} keeps uploading unless the builder says otherwise. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = AsyncBlobUploaderBuilder.DEFAULT_SHUTDOWN_TIMEOUT;

	private final BlobUploader defaultUploader;

	private final Map<String, BlobUploader> useCases;

	private final Map<String, BlobUploader> byCompactName = new HashMap<>();

	private final Map<String, String> destinations;

	private final Duration shutdownTimeout;

	private final AtomicBoolean closed = new AtomicBoolean();

	private final CompletableFuture<Boolean> shutdownResult = new CompletableFuture<>();

	private DefaultBlobUploaderRegistry(Builder builder) {
		this.defaultUploader = (builder.defaultUploader != null) ? builder.defaultUploader
				: BlobUploaders.notConfigured(builder.notConfiguredReason);
		this.useCases = Collections.unmodifiableMap(new LinkedHashMap<>(builder.useCases));
		this.useCases.forEach((name, uploader) -> this.byCompactName.put(UseCases.compact(name), uploader));
		this.destinations = Collections.unmodifiableMap(new LinkedHashMap<>(builder.destinations));
		this.shutdownTimeout = builder.shutdownTimeout;
	}

	/**
	 * Returns a new builder.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public BlobUploader getBlobUploader(@Nullable String useCase) {
		if (useCase == null) {
			return this.defaultUploader;
		}
		return this.byCompactName.getOrDefault(UseCases.compact(useCase), this.defaultUploader);
	}

	/**
	 * Returns every use case with its uploader and where it writes (as given to the
	 * builder, credentials removed), the default one first.
	 * @return an unmodifiable list
	 */
	@Override
	public List<BlobDestination> destinations() {
		List<BlobDestination> all = new ArrayList<>(this.useCases.size() + 1);
		all.add(new BlobDestination(DEFAULT_USE_CASE, this.destinations.get(DEFAULT_USE_CASE), this.defaultUploader));
		this.useCases.forEach(
				(useCase, uploader) -> all.add(new BlobDestination(useCase, this.destinations.get(useCase), uploader)));
		return Collections.unmodifiableList(all);
	}

	@Override
	public boolean flush(Duration timeout) {
		return BlobUploaders.flushAll(managed(), timeout);
	}

	/**
	 * Shuts every uploader down, all at the same time: each keeps uploading for up to the
	 * timeout, then counts what it has not finished as dropped and reports it in one log
	 * line (naming the time it took and this timeout). Only the first call has an effect;
	 * a later call waits for it and returns its result.
	 * @param timeout how long to keep uploading, for all uploaders together
	 * @return {@code true} if everything accepted was finished in time
	 */
	public boolean shutdown(Duration timeout) {
		if (!this.closed.compareAndSet(false, true)) {
			return this.shutdownResult.join();
		}
		boolean finished = false;
		try {
			finished = shutdownAll(timeout);
			return finished;
		}
		finally {
			this.shutdownResult.complete(finished);
		}
	}

	private boolean shutdownAll(Duration timeout) {
		List<ManagedBlobUploader> uploaders = new ArrayList<>(managed());
		if (uploaders.size() == 1) {
			return uploaders.get(0).shutdown(timeout);
		}
		// One thread per uploader: shut down one after the other, the later ones would
		// get only what the earlier ones left of the timeout, and report that instead.
		List<CompletableFuture<Boolean>> results = new ArrayList<>();
		for (ManagedBlobUploader uploader : uploaders) {
			CompletableFuture<Boolean> result = new CompletableFuture<>();
			Thread thread = new Thread(() -> {
				try {
					result.complete(uploader.shutdown(timeout));
				}
				catch (Throwable ex) {
					result.completeExceptionally(ex);
				}
			}, "blob-upload-" + uploader.name() + "-shutdown");
			thread.setDaemon(true);
			thread.start();
			results.add(result);
		}
		boolean finished = true;
		for (CompletableFuture<Boolean> result : results) {
			try {
				finished &= result.join();
			}
			catch (CompletionException ex) {
				finished = false;
			}
		}
		return finished;
	}

	/**
	 * Shuts down with the configured shutdown timeout.
	 * @see #shutdown(Duration)
	 */
	@Override
	public void close() {
		shutdown(this.shutdownTimeout);
	}

	private Set<ManagedBlobUploader> managed() {
		Set<ManagedBlobUploader> managed = Collections.newSetFromMap(new IdentityHashMap<>());
		for (BlobDestination destination : destinations()) {
			if (destination.uploader() instanceof ManagedBlobUploader managedUploader) {
				managed.add(managedUploader);
			}
		}
		return managed;
	}

	/** Builds a {@link DefaultBlobUploaderRegistry}. */
	public static final class Builder {

		private @Nullable BlobUploader defaultUploader;

		private String notConfiguredReason = "no default blob uploader is configured";

		private final Map<String, BlobUploader> useCases = new LinkedHashMap<>();

		private final Map<String, String> destinations = new LinkedHashMap<>();

		private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

		private Builder() {
		}

		/**
		 * Sets the uploader for use cases that have none of their own.
		 * @param uploader the uploader
		 * @return this builder
		 */
		public Builder defaultUploader(BlobUploader uploader) {
			this.defaultUploader = Objects.requireNonNull(uploader, "uploader must not be null");
			return this;
		}

		/**
		 * Sets what the fallback uploader logs when no default uploader is set.
		 * @param reason why nothing is configured, and how to fix it
		 * @return this builder
		 */
		public Builder notConfiguredReason(String reason) {
			this.notConfiguredReason = Objects.requireNonNull(reason, "reason must not be null");
			return this;
		}

		/**
		 * Sets the uploader of a use case.
		 * @param useCase the use-case name; normalised with {@link UseCases#normalize}
		 * @param uploader the uploader
		 * @return this builder
		 * @throws IllegalArgumentException if the name is blank, is the default use case,
		 * is longer than {@value UseCases#MAX_LENGTH} characters once normalised, or
		 * normalises to a name already set
		 */
		public Builder useCase(String useCase, BlobUploader uploader) {
			String key = UseCases.normalize(useCase);
			if (key.isEmpty() || key.equals(DEFAULT_USE_CASE) || key.length() > UseCases.MAX_LENGTH) {
				// Starts with the argument's name, as every builder message does, so that
				// the
				// auto-configuration can say "It cannot name a use case ..." of a
				// property.
				throw new IllegalArgumentException("useCase cannot name a use case ('" + abbreviate(useCase)
						+ "'): it must contain a letter or digit, must not be '" + DEFAULT_USE_CASE
						+ "' and must be at most " + UseCases.MAX_LENGTH + " characters once normalised to letters, "
						+ "digits and '-' (it names the use case's folder)"
						+ ((key.length() > UseCases.MAX_LENGTH) ? ", but it has " + key.length() : ""));
			}
			if (this.useCases.keySet()
				.stream()
				.anyMatch((name) -> UseCases.compact(name).equals(UseCases.compact(key)))) {
				throw new IllegalArgumentException("use case '" + useCase + "' is set twice (as '" + key + "')");
			}
			this.useCases.put(key, Objects.requireNonNull(uploader, "uploader must not be null"));
			return this;
		}

		/**
		 * Records where a use case writes, for health details. Any user information
		 * ({@code user:password@}) in the prefix is removed.
		 * @param useCase the use-case name, or
		 * {@value BlobUploaderRegistry#DEFAULT_USE_CASE}
		 * @param uriPrefix the URI prefix
		 * @return this builder
		 */
		public Builder destination(String useCase, String uriPrefix) {
			String key = DEFAULT_USE_CASE.equals(useCase) ? DEFAULT_USE_CASE : UseCases.normalize(useCase);
			this.destinations.put(key, BlobDestination.withoutCredentials(uriPrefix));
			return this;
		}

		/**
		 * Sets how long {@link DefaultBlobUploaderRegistry#close()} keeps uploading.
		 * @param shutdownTimeout zero or positive
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
			if (shutdownTimeout == null || shutdownTimeout.isNegative()) {
				throw new IllegalArgumentException("shutdownTimeout must not be negative but was " + shutdownTimeout);
			}
			this.shutdownTimeout = shutdownTimeout;
			return this;
		}

		private static String abbreviate(String name) {
			return (name.length() > UseCases.MAX_LENGTH) ? name.substring(0, UseCases.MAX_LENGTH) + "..." : name;
		}

		/**
		 * Builds the registry.
		 * @return the registry
		 */
		public DefaultBlobUploaderRegistry build() {
			return new DefaultBlobUploaderRegistry(this);
		}

	}

}
