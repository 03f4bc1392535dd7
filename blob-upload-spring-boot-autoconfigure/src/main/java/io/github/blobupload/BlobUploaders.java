package io.github.blobupload;

import java.util.Objects;

import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.internal.RateLimitedLogger;
import org.slf4j.LoggerFactory;

/**
 * Factory methods for {@link BlobUploader} implementations.
 */
public final class BlobUploaders {

	private static final BlobUploader DISABLED = (blob) -> BlobUploader.NOT_UPLOADED;

	private BlobUploaders() {
	}

	/**
	 * Wraps a provider in the asynchronous upload engine with default options.
	 * @param uploader the provider
	 * @return a started uploader; shut it down when done
	 * @see #fromSimpleBlobUploader(SimpleBlobUploader, AsyncUploadOptions)
	 */
	public static ManagedBlobUploader fromSimpleBlobUploader(SimpleBlobUploader uploader) {
		return fromSimpleBlobUploader(uploader, AsyncUploadOptions.defaults());
	}

	/**
	 * Wraps a provider in the asynchronous upload engine: a queue bounded in blobs and in
	 * bytes, worker threads, retries with exponential backoff and jitter, a timeout per
	 * attempt, deduplication of recently uploaded destinations, and counted refusals.
	 * @param uploader the provider
	 * @param options the engine settings
	 * @return a started uploader; shut it down when done
	 */
	public static ManagedBlobUploader fromSimpleBlobUploader(SimpleBlobUploader uploader, AsyncUploadOptions options) {
		return new AsyncBlobUploader(Objects.requireNonNull(uploader, "uploader must not be null"),
				Objects.requireNonNull(options, "options must not be null"));
	}

	/**
	 * Returns an uploader that uploads nothing and returns
	 * {@link BlobUploader#NOT_UPLOADED} silently, for when uploading is switched off.
	 * @return the disabled uploader
	 */
	public static BlobUploader disabled() {
		return DISABLED;
	}

	/**
	 * Returns an uploader that uploads nothing, returns {@link BlobUploader#NOT_UPLOADED},
	 * and logs a warning with the reason the first time it is used (then at most once per
	 * interval, with the number of blobs discarded meanwhile).
	 * @param reason why nothing is configured, and how to fix it
	 * @return the uploader
	 */
	public static BlobUploader notConfigured(String reason) {
		Objects.requireNonNull(reason, "reason must not be null");
		RateLimitedLogger log = new RateLimitedLogger(LoggerFactory.getLogger(BlobUploaders.class),
				AsyncUploadOptions.DEFAULT_LOG_INTERVAL);
		return (blob) -> {
			log.warn(() -> "Blob not uploaded: " + reason);
			return BlobUploader.NOT_UPLOADED;
		};
	}

}
