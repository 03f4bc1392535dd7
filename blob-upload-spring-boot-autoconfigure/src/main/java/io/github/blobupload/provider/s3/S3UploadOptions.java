package io.github.blobupload.provider.s3;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the S3 provider writes objects.
 *
 * @param multipartThreshold blobs larger than this many bytes are sent as a multipart
 * upload; at least {@link #MIN_PART_SIZE}
 * @param partSize the size of each part of a multipart upload; at least
 * {@link #MIN_PART_SIZE}
 * @param serverSideEncryption the {@code x-amz-server-side-encryption} value
 * ({@code AES256}, {@code aws:kms}), or {@code null} for the bucket's default
 * @param kmsKeyId the KMS key for {@code aws:kms}, or {@code null} for the AWS managed key
 * @param signedUrlExpiry how long recorded presigned URLs stay valid, or {@code null} to
 * record {@code s3://} URIs
 */
public record S3UploadOptions(long multipartThreshold, long partSize, @Nullable String serverSideEncryption,
		@Nullable String kmsKeyId, @Nullable Duration signedUrlExpiry) {

	/** The smallest part S3 accepts (except for the last one): 5 MiB. */
	public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

	/** Default size above which blobs are sent as a multipart upload: 16 MiB. */
	public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;

	/** Default part size: 8 MiB. */
	public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

	/** The longest validity of a SigV4 presigned URL: 7 days. */
	public static final Duration MAX_SIGNED_URL_EXPIRY = Duration.ofDays(7);

	/**
	 * Validates the options.
	 * @throws IllegalArgumentException if a size or the expiry is out of range
	 */
	public S3UploadOptions {
		if (multipartThreshold < MIN_PART_SIZE) {
			throw new IllegalArgumentException(
					"multipartThreshold must be at least " + MIN_PART_SIZE + " bytes but was " + multipartThreshold);
		}
		if (partSize < MIN_PART_SIZE || partSize > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("partSize must be between " + MIN_PART_SIZE + " and "
					+ Integer.MAX_VALUE + " bytes but was " + partSize);
		}
		if (signedUrlExpiry != null && (signedUrlExpiry.isNegative() || signedUrlExpiry.isZero()
				|| signedUrlExpiry.compareTo(MAX_SIGNED_URL_EXPIRY) > 0)) {
			throw new IllegalArgumentException(
					"signedUrlExpiry must be positive and at most 7 days but was " + signedUrlExpiry);
		}
	}

	/**
	 * Returns the default options: bucket-default encryption, multipart above 16 MiB,
	 * no signed URLs.
	 * @return the defaults
	 */
	public static S3UploadOptions defaults() {
		return new S3UploadOptions(DEFAULT_MULTIPART_THRESHOLD, DEFAULT_PART_SIZE, null, null, null);
	}

}
