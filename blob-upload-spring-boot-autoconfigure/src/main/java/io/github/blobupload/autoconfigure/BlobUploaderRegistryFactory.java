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

package io.github.blobupload.autoconfigure;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaders;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.SimpleBlobUploaderDecorator;
import io.github.blobupload.provider.internal.UriPrefixes;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.registry.UseCases;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;

import static io.github.blobupload.autoconfigure.BuilderArguments.format;
import static io.github.blobupload.autoconfigure.BuilderArguments.invalid;
import static io.github.blobupload.autoconfigure.BuilderArguments.set;

/**
 * Builds the {@link DefaultBlobUploaderRegistry} from {@link BlobUploadProperties}:
 * validates every setting (naming the property and the bad value), picks the provider for
 * each prefix by its scheme, applies the {@link SimpleBlobUploaderDecorator}s to each
 * provider's uploader, and starts one upload engine per destination.
 */
final class BlobUploaderRegistryFactory {

	private static final Logger logger = LoggerFactory.getLogger(BlobUploaderRegistryFactory.class);

	private static final String PREFIX = "blob.upload.";

	/** Storage for the builder that only validates the settings; never uploaded to. */
	private static final SimpleBlobUploader NO_STORAGE = new SimpleBlobUploader() {

		@Override
		public String generateDestinationUri(Blob blob) {
			throw new UnsupportedOperationException();
		}

		@Override
		public void uploadSync(String uri, Blob blob) {
			throw new UnsupportedOperationException();
		}

	};

	private final BlobUploadProperties properties;

	private final Map<String, BlobStorageProvider> providers;

	private final BlobNamingStrategy naming;

	private final BlobUploadListener listener;

	private final List<SimpleBlobUploaderDecorator> decorators;

	BlobUploaderRegistryFactory(BlobUploadProperties properties, List<BlobStorageProvider> providers,
			BlobNamingStrategy naming, BlobUploadListener listener, List<SimpleBlobUploaderDecorator> decorators) {
		this.properties = properties;
		this.providers = new TreeMap<>();
		for (BlobStorageProvider provider : providers) {
			this.providers.putIfAbsent(provider.scheme(), provider);
		}
		// A producer may ask for an object name (BlobLabels.OBJECT_NAME), as the GenAI
		// reference files do; every other blob is named by the configured strategy.
		this.naming = BlobNamingStrategies.requestedNameOr(naming);
		this.listener = listener;
		this.decorators = List.copyOf(decorators);
	}

	/**
	 * Builds the registry.
	 * @param knownUseCases the use cases the integrations on the class path upload under
	 * @return the registry, its uploaders started
	 */
	DefaultBlobUploaderRegistry create(List<KnownUseCases> knownUseCases) {
		// Validate the engine settings even when uploading is off, so that a mistake
		// shows at once rather than when uploading is switched on.
		configure(AsyncBlobUploader.builder(NO_STORAGE));
		DefaultBlobUploaderRegistry.Builder registry = DefaultBlobUploaderRegistry.builder()
			.shutdownTimeout(this.properties.getShutdownTimeout());
		if (!this.properties.isEnabled()) {
			String ignoredPrefix = this.properties.isUriPrefixSet() ? " blob.upload.uri-prefix is set ("
					+ BlobDestination.withoutCredentials(this.properties.getUriPrefix())
					+ ") but is not used while uploading is off." : "";
			logger.info(
					"Blob upload is off: nothing is uploaded and every uploader returns {}.{} Set "
							+ "blob.upload.enabled=true (BLOB_UPLOAD_ENABLED=true) to upload.",
					BlobUploader.NOT_UPLOADED, ignoredPrefix);
			return registry.defaultUploader(BlobUploaders.disabled()).build();
		}
		String defaultPrefix = defaultPrefix();
		Map<String, String> destinations = new LinkedHashMap<>();
		Map<String, SimpleBlobUploader> simpleUploaders = new LinkedHashMap<>();
		simpleUploaders.put(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE,
				createUploader(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE, PREFIX + "uri-prefix", defaultPrefix));
		destinations.put(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE, defaultPrefix);
		for (Map.Entry<String, BlobUploadProperties.UseCase> entry : this.properties.getUseCases().entrySet()) {
			String normalized = UseCases.normalize(entry.getKey());
			String property = PREFIX + "use-cases." + entry.getKey();
			if (normalized.isEmpty() || normalized.equals(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE)) {
				throw new InvalidConfigurationPropertyValueException(property, entry.getKey(),
						"A use-case name must contain a letter or digit and must not be 'default'.");
			}
			if (normalized.length() > UseCases.MAX_LENGTH) {
				throw new InvalidConfigurationPropertyValueException(property, entry.getKey(),
						"A use-case name must be at most " + UseCases.MAX_LENGTH + " characters once normalised to "
								+ "letters, digits and '-' (it names the use case's folder), but it has "
								+ normalized.length() + ".");
			}
			String name = canonical(normalized, property, knownUseCases);
			if (simpleUploaders.keySet()
				.stream()
				.anyMatch((other) -> UseCases.compact(other).equals(UseCases.compact(name)))) {
				throw new InvalidConfigurationPropertyValueException(property, entry.getKey(),
						"The use case '" + name + "' is configured twice under different spellings.");
			}
			BlobUploadProperties.UseCase useCase = entry.getValue();
			if (!useCase.isEnabled()) {
				simpleUploaders.put(name, null);
				destinations.put(name, "disabled");
				continue;
			}
			String prefix = (useCase.getUriPrefix() != null) ? useCase.getUriPrefix()
					: stripTrailingSlash(defaultPrefix) + "/" + name;
			simpleUploaders.put(name, createUploader(name, property + ".uri-prefix", prefix));
			destinations.put(name, prefix);
		}
		for (KnownUseCases useCases : knownUseCases) {
			for (KnownUseCases.Destination destination : useCases.destinations()) {
				String name = UseCases.normalize(destination.useCase());
				if (simpleUploaders.keySet()
					.stream()
					.noneMatch((other) -> UseCases.compact(other).equals(UseCases.compact(name)))) {
					simpleUploaders.put(name, createUploader(name, destination.property(), destination.uriPrefix()));
					destinations.put(name, destination.uriPrefix());
				}
			}
		}
		destinations.forEach(registry::destination);
		simpleUploaders.forEach((name, simple) -> {
			if (name.equals(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE)) {
				registry.defaultUploader(createEngine(name, simple));
			}
			else {
				registry.useCase(name, (simple != null) ? createEngine(name, simple) : BlobUploaders.disabled());
			}
		});
		logger.warn(
				"Blob upload is enabled: content given to blob uploaders (prompt and response images, documents, "
						+ "audio) is copied to {}. Make sure that storage is access-controlled.",
				destinations.entrySet()
					.stream()
					.map((destination) -> destination.getKey() + " -> " + destination.getValue())
					.collect(Collectors.joining(", ")));
		return registry.build();
	}

	/**
	 * Returns the known use case a configured name stands for, in its folder form, so
	 * that every spelling of it writes to one folder; warns when the name matches no
	 * known use case (a typo routes nothing).
	 */
	private static String canonical(String name, String property, List<KnownUseCases> knownUseCases) {
		if (knownUseCases.isEmpty()) {
			return name;
		}
		List<String> known = new ArrayList<>();
		for (KnownUseCases useCases : knownUseCases) {
			for (String useCase : useCases.names()) {
				if (UseCases.compact(useCase).equals(UseCases.compact(name))) {
					return UseCases.normalize(useCase);
				}
				known.add(useCase + " (" + useCases.integration() + ")");
			}
		}
		logger.warn(
				"{} names the use case '{}', which no integration uploads under: only code that asks the registry "
						+ "for '{}' itself will use it. Known use cases: {}. Check the spelling.",
				property, name, name, String.join(", ", known));
		return name;
	}

	private String defaultPrefix() {
		String prefix = this.properties.getUriPrefix();
		if (!this.properties.isUriPrefixSet()) {
			logger.warn("blob.upload.uri-prefix is not set: blobs are written to the folder {}. Set "
					+ "blob.upload.uri-prefix (or BLOB_UPLOAD_URI_PREFIX) to a file:, s3://, gs:// or azblob:// prefix.",
					Path.of(prefix.substring(prefix.indexOf(':') + 1)).toAbsolutePath());
		}
		return prefix;
	}

	private SimpleBlobUploader createUploader(String useCase, String property, String prefix) {
		if (!BlobDestination.withoutCredentials(prefix).equals(prefix)) {
			// Refused before any provider sees it, so that no message can repeat it.
			throw invalid(property, prefix,
					"A URI prefix must not hold credentials (user information or a query string such as a SAS "
							+ "token): each provider takes its credentials from its standard chain or from the "
							+ "application's own client bean.");
		}
		String scheme = UriPrefixes.scheme(prefix);
		if (scheme == null) {
			throw invalid(property, prefix,
					"A URI prefix must start with a scheme that selects the storage, such as file:///var/lib/app/blobs, "
							+ "s3://bucket/prefix, gs://bucket/prefix or azblob://account/container/prefix.");
		}
		BlobStorageProvider provider = this.providers.get(scheme);
		if (provider == null) {
			String dependency = UriPrefixes.dependencyFor(scheme);
			String shapeProblem = UriPrefixes.shapeProblem(prefix);
			if (shapeProblem != null) {
				// Said before the missing dependency, so that one restart fixes both.
				throw invalid(property, prefix, shapeProblem + ". To use " + scheme + ": also add " + dependency + ".");
			}
			throw invalid(property, prefix,
					"No storage provider serves the scheme '" + scheme + ":'. Schemes available: "
							+ this.providers.keySet().stream().map((s) -> s + ":").collect(Collectors.joining(", "))
							+ "." + ((dependency != null) ? " To use " + scheme + ": add " + dependency + "."
									: " Declare a BlobStorageProvider bean for it."));
		}
		SimpleBlobUploader uploader;
		try {
			uploader = provider.createUploader(prefix, this.naming);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(property, prefix, String.valueOf(ex.getMessage()));
		}
		for (SimpleBlobUploaderDecorator decorator : this.decorators) {
			uploader = decorator.decorate(useCase, prefix, uploader);
		}
		return uploader;
	}

	/**
	 * Applies the engine properties to a builder. Each setting is validated by the
	 * builder, and so are the settings against each other; the builder's
	 * {@link IllegalArgumentException} becomes an
	 * {@link InvalidConfigurationPropertyValueException} naming the property and value.
	 */
	private AsyncBlobUploaderBuilder configure(AsyncBlobUploaderBuilder builder) {
		BlobUploadProperties p = this.properties;
		set(PREFIX + "max-blob-size", p.getMaxBlobSize(), (size) -> builder.maxBlobBytes(size.toBytes()));
		set(PREFIX + "queue.max-bytes", p.getQueue().getMaxBytes(), (size) -> builder.maxQueueBytes(size.toBytes()));
		set(PREFIX + "queue.max-size", p.getQueue().getMaxSize(), builder::maxQueueSize);
		set(PREFIX + "worker.threads", p.getWorker().getThreads(), builder::workers);
		set(PREFIX + "worker.upload-timeout", p.getWorker().getUploadTimeout(), builder::uploadTimeout);
		set(PREFIX + "retry.max-attempts", p.getRetry().getMaxAttempts(), builder::maxAttempts);
		set(PREFIX + "retry.initial-backoff", p.getRetry().getInitialBackoff(), builder::initialBackoff);
		set(PREFIX + "retry.max-backoff", p.getRetry().getMaxBackoff(), builder::maxBackoff);
		set(PREFIX + "dedupe-cache-size", p.getDedupeCacheSize(), builder::dedupeCacheSize);
		set(PREFIX + "shutdown-timeout", p.getShutdownTimeout(), builder::shutdownTimeout);
		set(PREFIX + "log-interval", p.getLogInterval(), builder::logInterval);
		set(PREFIX + "retry.max-age", p.getRetry().getMaxAge(), builder::maxAge);
		set(PREFIX + "retry.max-parked-backoff", p.getRetry().getMaxParkedBackoff(), builder::maxParkedBackoff);
		if (p.getSpool().isEnabled()) {
			set(PREFIX + "spool.max-bytes", p.getSpool().getMaxBytes(),
					(size) -> builder.spoolMaxBytes(size.toBytes()));
			builder.spoolFsync(p.getSpool().isFsync()).spoolDirectory(spoolDirectory());
		}
		try {
			builder.validate();
		}
		catch (IllegalArgumentException ex) {
			// The builder's message starts with the setting to change.
			if (String.valueOf(ex.getMessage()).startsWith("spoolMaxBytes")) {
				throw invalid(PREFIX + "spool.max-bytes", p.getSpool().getMaxBytes(), "It must not be smaller than "
						+ PREFIX + "max-blob-size (" + format(p.getMaxBlobSize()) + ") plus 1KB of header.");
			}
			if (String.valueOf(ex.getMessage()).startsWith("maxBackoff")) {
				throw invalid(PREFIX + "retry.max-backoff", p.getRetry().getMaxBackoff(), "It must not be shorter than "
						+ PREFIX + "retry.initial-backoff (" + format(p.getRetry().getInitialBackoff()) + ").");
			}
			throw invalid(PREFIX + "queue.max-bytes", p.getQueue().getMaxBytes(),
					"It must not be smaller than " + PREFIX + "max-blob-size (" + format(p.getMaxBlobSize())
							+ "), or the largest blobs could never be queued.");
		}
		return builder.listener(this.listener);
	}

	private AsyncBlobUploader createEngine(String name, SimpleBlobUploader simple) {
		AsyncBlobUploaderBuilder builder = configure(AsyncBlobUploader.builder(simple)).name(name);
		if (this.properties.getSpool().isEnabled()) {
			// Each use case replays its own folder, with its own uploader.
			builder.spoolDirectory(spoolDirectory().resolve(name));
		}
		return builder.build();
	}

	private Path spoolDirectory() {
		String directory = this.properties.getSpool().getDirectory();
		return (directory != null && !directory.isBlank()) ? Path.of(directory)
				: Path.of(System.getProperty("java.io.tmpdir"), "blob-upload-spool");
	}

	private static String stripTrailingSlash(String prefix) {
		return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
	}

}
