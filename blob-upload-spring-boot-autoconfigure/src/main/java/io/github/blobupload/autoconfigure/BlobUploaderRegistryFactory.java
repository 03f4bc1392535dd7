package io.github.blobupload.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.github.blobupload.AsyncUploadOptions;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploaders;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.SimpleBlobUploaderDecorator;
import io.github.blobupload.provider.UriPrefixes;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.registry.UseCases;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.util.unit.DataSize;

/**
 * Builds the {@link DefaultBlobUploaderRegistry} from {@link BlobUploadProperties}:
 * validates every setting (naming the property and the bad value), picks the provider
 * for each prefix by its scheme, applies the {@link SimpleBlobUploaderDecorator}s to each
 * provider's uploader, and starts one upload engine per destination.
 */
final class BlobUploaderRegistryFactory {

	private static final Logger logger = LoggerFactory.getLogger(BlobUploaderRegistryFactory.class);

	private static final String PREFIX = "blob.upload.";

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
		this.naming = naming;
		this.listener = listener;
		this.decorators = List.copyOf(decorators);
	}

	DefaultBlobUploaderRegistry create() {
		AsyncUploadOptions options = validatedOptions();
		DefaultBlobUploaderRegistry.Builder registry = DefaultBlobUploaderRegistry.builder()
			.shutdownTimeout(this.properties.getShutdownTimeout());
		if (!this.properties.isEnabled()) {
			return registry.defaultUploader(BlobUploaders.disabled()).build();
		}
		String defaultPrefix = defaultPrefix();
		Map<String, String> destinations = new LinkedHashMap<>();
		Map<String, SimpleBlobUploader> simpleUploaders = new LinkedHashMap<>();
		simpleUploaders.put(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE,
				createUploader(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE, PREFIX + "uri-prefix", defaultPrefix));
		destinations.put(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE, defaultPrefix);
		for (Map.Entry<String, BlobUploadProperties.UseCase> entry : this.properties.getUseCases().entrySet()) {
			String name = UseCases.normalize(entry.getKey());
			String property = PREFIX + "use-cases." + entry.getKey();
			if (name.isEmpty() || name.equals(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE)) {
				throw new InvalidConfigurationPropertyValueException(property, entry.getKey(),
						"A use-case name must contain a letter or digit and must not be 'default'.");
			}
			if (name.length() > UseCases.MAX_LENGTH) {
				throw new InvalidConfigurationPropertyValueException(property, entry.getKey(),
						"A use-case name must be at most " + UseCases.MAX_LENGTH + " characters once normalised to "
								+ "letters, digits and '-' (it names the use case's folder), but it has "
								+ name.length() + ".");
			}
			if (simpleUploaders.containsKey(name)) {
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
		destinations.forEach(registry::destination);
		simpleUploaders.forEach((name, simple) -> {
			if (name.equals(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE)) {
				registry.defaultUploader(BlobUploaders.fromSimpleBlobUploader(simple, options.toBuilder().name(name).build()));
			}
			else {
				registry.useCase(name, (simple != null)
						? BlobUploaders.fromSimpleBlobUploader(simple, options.toBuilder().name(name).build())
						: BlobUploaders.disabled());
			}
		});
		logger.warn("Blob upload is enabled: content given to blob uploaders (prompt and response images, documents, "
				+ "audio) is copied to {}. Make sure that storage is access-controlled.", destinations.entrySet()
			.stream()
			.map((destination) -> destination.getKey() + " -> " + destination.getValue())
			.collect(Collectors.joining(", ")));
		return registry.build();
	}

	private String defaultPrefix() {
		String prefix = this.properties.getUriPrefix();
		if (prefix != null && !prefix.isBlank()) {
			return prefix.strip();
		}
		logger.warn("blob.upload.uri-prefix is not set: blobs are written to the folder {}. Set blob.upload.uri-prefix "
				+ "(or BLOB_UPLOAD_URI_PREFIX) to a file:, s3://, gs:// or azblob:// prefix.",
				Path.of("blob-uploads").toAbsolutePath());
		return BlobUploadProperties.DEFAULT_URI_PREFIX;
	}

	private SimpleBlobUploader createUploader(String useCase, String property, String prefix) {
		String scheme = UriPrefixes.scheme(prefix);
		if (scheme == null) {
			throw new InvalidConfigurationPropertyValueException(property, prefix,
					"A URI prefix must start with a scheme that selects the storage, such as file:///var/lib/app/blobs, "
							+ "s3://bucket/prefix, gs://bucket/prefix or azblob://account/container/prefix.");
		}
		BlobStorageProvider provider = this.providers.get(scheme);
		if (provider == null) {
			String dependency = UriPrefixes.dependencyFor(scheme);
			throw new InvalidConfigurationPropertyValueException(property, prefix,
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
			throw new InvalidConfigurationPropertyValueException(property, prefix, ex.getMessage());
		}
		for (SimpleBlobUploaderDecorator decorator : this.decorators) {
			uploader = decorator.decorate(useCase, prefix, uploader);
		}
		return uploader;
	}

	private AsyncUploadOptions validatedOptions() {
		BlobUploadProperties p = this.properties;
		long maxBlob = positiveBytes("max-blob-size", p.getMaxBlobSize());
		long maxQueueBytes = positiveBytes("queue.max-bytes", p.getQueue().getMaxBytes());
		if (maxQueueBytes < maxBlob) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "queue.max-bytes", p.getQueue().getMaxBytes(),
					"It must not be smaller than blob.upload.max-blob-size (" + p.getMaxBlobSize()
							+ "), or the largest blobs could never be queued.");
		}
		atLeast("queue.max-size", p.getQueue().getMaxSize(), 1);
		atLeast("worker.threads", p.getWorker().getThreads(), 1);
		atLeast("retry.max-attempts", p.getRetry().getMaxAttempts(), 1);
		atLeast("dedupe-cache-size", p.getDedupeCacheSize(), 0);
		positive("worker.upload-timeout", p.getWorker().getUploadTimeout());
		positive("retry.initial-backoff", p.getRetry().getInitialBackoff());
		positive("retry.max-backoff", p.getRetry().getMaxBackoff());
		positive("log-interval", p.getLogInterval());
		if (p.getRetry().getMaxBackoff().compareTo(p.getRetry().getInitialBackoff()) < 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "retry.max-backoff",
					p.getRetry().getMaxBackoff(), "It must not be shorter than blob.upload.retry.initial-backoff ("
							+ p.getRetry().getInitialBackoff() + ").");
		}
		if (p.getShutdownTimeout() == null || p.getShutdownTimeout().isNegative()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "shutdown-timeout", p.getShutdownTimeout(),
					"It must not be negative.");
		}
		return AsyncUploadOptions.builder()
			.maxBlobBytes(maxBlob)
			.maxQueueBytes(maxQueueBytes)
			.maxQueueSize(p.getQueue().getMaxSize())
			.workers(p.getWorker().getThreads())
			.uploadTimeout(p.getWorker().getUploadTimeout())
			.maxAttempts(p.getRetry().getMaxAttempts())
			.initialBackoff(p.getRetry().getInitialBackoff())
			.maxBackoff(p.getRetry().getMaxBackoff())
			.dedupeCacheSize(p.getDedupeCacheSize())
			.shutdownTimeout(p.getShutdownTimeout())
			.logInterval(p.getLogInterval())
			.listener(this.listener)
			.build();
	}

	private static long positiveBytes(String name, @Nullable DataSize size) {
		if (size == null || size.toBytes() <= 0) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, size, "It must be a positive size.");
		}
		return size.toBytes();
	}

	private static void atLeast(String name, int value, int min) {
		if (value < min) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, value,
					"It must be at least " + min + ".");
		}
	}

	private static void positive(String name, @Nullable Duration duration) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, duration,
					"It must be a positive duration.");
		}
	}

	private static String stripTrailingSlash(String prefix) {
		return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
	}

}
