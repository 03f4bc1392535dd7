package io.github.blobupload.provider.azure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the Azure provider writes blobs.
 *
 * @param blockUploadThreshold blobs larger than this many bytes are staged as blocks and
 * committed as a block list; smaller ones are sent in one request
 * @param blockSize the size of each staged block
 * @param encryptionScope the encryption scope to write with, or {@code null} for the
 * container's default
 * @param signedUrlExpiry how long recorded SAS URLs stay valid, or {@code null} to record
 * {@code azblob://} URIs
 */
public record AzureUploadOptions(long blockUploadThreshold, long blockSize, @Nullable String encryptionScope,
		@Nullable Duration signedUrlExpiry) {

	/** Default size above which blobs are staged as blocks: 16 MiB. */
	public static final long DEFAULT_BLOCK_UPLOAD_THRESHOLD = 16L * 1024 * 1024;

	/** Default block size: 8 MiB. */
	public static final long DEFAULT_BLOCK_SIZE = 8L * 1024 * 1024;

	/** The largest blob Azure accepts in one request: 5000 MiB. */
	public static final long MAX_SINGLE_UPLOAD_SIZE = 5000L * 1024 * 1024;

	/**
	 * Validates the options.
	 * @throws IllegalArgumentException if a size or the expiry is out of range
	 */
	public AzureUploadOptions {
		if (blockUploadThreshold < 1 || blockUploadThreshold > MAX_SINGLE_UPLOAD_SIZE) {
			throw new IllegalArgumentException("blockUploadThreshold must be between 1 and " + MAX_SINGLE_UPLOAD_SIZE
					+ " bytes but was " + blockUploadThreshold);
		}
		if (blockSize < 1 || blockSize > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(
					"blockSize must be between 1 and " + Integer.MAX_VALUE + " bytes but was " + blockSize);
		}
		if (signedUrlExpiry != null && (signedUrlExpiry.isNegative() || signedUrlExpiry.isZero())) {
			throw new IllegalArgumentException("signedUrlExpiry must be positive but was " + signedUrlExpiry);
		}
	}

	/**
	 * Returns the default options: container-default encryption, blocks above 16 MiB, no
	 * signed URLs.
	 * @return the defaults
	 */
	public static AzureUploadOptions defaults() {
		return new AzureUploadOptions(DEFAULT_BLOCK_UPLOAD_THRESHOLD, DEFAULT_BLOCK_SIZE, null, null);
	}

}
