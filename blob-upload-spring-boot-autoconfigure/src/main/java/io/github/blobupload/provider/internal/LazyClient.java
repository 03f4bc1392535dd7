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

package io.github.blobupload.provider.internal;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import io.github.blobupload.PermanentUploadException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A storage client obtained on first use rather than at startup: the application's own
 * client when it has one, otherwise one built by a factory. A build that fails is not
 * remembered, so the next use tries again. Only a client this class built is closed by
 * {@link #close()}; the application's own client is left alone.
 *
 * @param <T> the client type
 */
public final class LazyClient<T> implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(LazyClient.class);

	private final String description;

	private final Supplier<@Nullable T> existing;

	private final Supplier<T> factory;

	private final Object lock = new Object();

	private volatile @Nullable T client;

	private volatile boolean owned;

	private volatile @Nullable CompletableFuture<T> background;

	private volatile boolean closed;

	private LazyClient(String description, Supplier<@Nullable T> existing, Supplier<T> factory) {
		this.description = Objects.requireNonNull(description, "description must not be null");
		this.existing = Objects.requireNonNull(existing, "existing must not be null");
		this.factory = Objects.requireNonNull(factory, "factory must not be null");
	}

	/**
	 * Creates a lazy client.
	 * @param <T> the client type
	 * @param description what the client is, for log and error messages, such as
	 * {@code "S3 client"}
	 * @param existing gives the application's own client, or {@code null} when it has
	 * none; called on first use
	 * @param factory builds a client when the application has none; called on first use
	 * @return the lazy client
	 */
	public static <T> LazyClient<T> of(String description, Supplier<@Nullable T> existing, Supplier<T> factory) {
		return new LazyClient<>(description, existing, factory);
	}

	/**
	 * Creates a lazy client around a client that already exists; it is never closed.
	 * @param <T> the client type
	 * @param description what the client is
	 * @param client the client
	 * @return the lazy client
	 */
	public static <T> LazyClient<T> ofInstance(String description, T client) {
		Objects.requireNonNull(client, "client must not be null");
		return new LazyClient<>(description, () -> client, () -> client);
	}

	/**
	 * Returns the client, obtaining it first if needed. May block while a client is
	 * built, so call it from upload workers, not from the caller's thread.
	 * @return the client
	 * @throws RuntimeException whatever the factory threw; the next call tries again
	 * @throws IllegalStateException if this lazy client has been closed
	 */
	public T get() {
		T current = this.client;
		if (current != null) {
			return current;
		}
		synchronized (this.lock) {
			if (this.closed) {
				throw new IllegalStateException("The " + this.description + " has been closed");
			}
			current = this.client;
			if (current == null) {
				current = this.existing.get();
				boolean built = false;
				if (current == null) {
					current = Objects.requireNonNull(this.factory.get(), "the factory returned null");
					built = true;
				}
				this.owned = built;
				this.client = current;
			}
			return current;
		}
	}

	/**
	 * Returns the client for an upload, obtaining it first if needed. A client that
	 * cannot be obtained fails the upload permanently: retrying the upload would not
	 * build it (the next upload tries again).
	 * @param destination where the upload goes, for the message, such as
	 * {@code gs://my-bucket}
	 * @return the client
	 * @throws PermanentUploadException if the client cannot be obtained; the message
	 * names the client, the destination and why
	 */
	public T getForUpload(String destination) throws PermanentUploadException {
		try {
			return get();
		}
		catch (RuntimeException ex) {
			throw new PermanentUploadException(
					"Cannot create the " + this.description + " for " + destination + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Returns the client if it has been obtained already, without blocking.
	 * @return the client, or {@code null} if not obtained yet
	 */
	public @Nullable T getIfReady() {
		return this.client;
	}

	/**
	 * Obtains the client on a background thread, once; later calls return the same future
	 * unless that attempt failed, in which case a new attempt starts.
	 * @return a future completed with the client, or exceptionally with the failure
	 */
	public CompletableFuture<T> initializeInBackground() {
		synchronized (this.lock) {
			CompletableFuture<T> future = this.background;
			if (future == null || future.isCompletedExceptionally()) {
				future = new CompletableFuture<>();
				CompletableFuture<T> result = future;
				Thread thread = new Thread(() -> {
					try {
						result.complete(get());
					}
					catch (Throwable ex) {
						result.completeExceptionally(ex);
					}
				}, "blob-upload-init-" + this.description.replace(' ', '-'));
				thread.setDaemon(true);
				thread.start();
				this.background = future;
			}
			return future;
		}
	}

	/**
	 * Returns whether the client in use was built by this class (rather than being the
	 * application's own).
	 * @return whether the client is owned; {@code false} before it is obtained
	 */
	public boolean isOwned() {
		return this.owned;
	}

	/**
	 * Closes the client if this class built it and it is {@link AutoCloseable}. Later
	 * calls to {@link #get()} fail.
	 */
	@Override
	public void close() {
		T current;
		synchronized (this.lock) {
			this.closed = true;
			current = this.client;
			this.client = null;
		}
		if (current instanceof AutoCloseable closeable && this.owned) {
			try {
				closeable.close();
			}
			catch (Exception ex) {
				logger.debug("Closing the {} failed", this.description, ex);
			}
		}
	}

	@Override
	public String toString() {
		return "LazyClient[" + this.description + "]";
	}

}
