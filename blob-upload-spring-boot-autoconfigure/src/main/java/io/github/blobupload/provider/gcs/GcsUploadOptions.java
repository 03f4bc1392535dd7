package io.github.blobupload.provider.gcs;

import org.jspecify.annotations.Nullable;

/**
 * How {@link GcsBlobUploader} writes objects.
 *
 * @param kmsKeyName the Cloud KMS key that encrypts the objects, or {@code null} for the
 * bucket's default encryption
 * @param resumableThreshold the smallest blob, in bytes, sent with a resumable upload
 * rather than a single request; at least 1
 */
public record GcsUploadOptions(@Nullable String kmsKeyName, long resumableThreshold) {

	/** Default smallest blob sent with a resumable upload (8 MiB). */
	public static final long DEFAULT_RESUMABLE_THRESHOLD = 8L * 1024 * 1024;

	/**
	 * Validates the options.
	 * @param kmsKeyName the KMS key name or {@code null}
	 * @param resumableThreshold the threshold in bytes
	 */
	public GcsUploadOptions {
		if (resumableThreshold < 1) {
			throw new IllegalArgumentException("resumableThreshold must be at least 1 byte but was " + resumableThreshold);
		}
		if (kmsKeyName != null && kmsKeyName.isBlank()) {
			kmsKeyName = null;
		}
	}

	/**
	 * Returns the defaults: bucket encryption, resumable uploads from 8 MiB.
	 * @return the default options
	 */
	public static GcsUploadOptions defaults() {
		return new GcsUploadOptions(null, DEFAULT_RESUMABLE_THRESHOLD);
	}

}
