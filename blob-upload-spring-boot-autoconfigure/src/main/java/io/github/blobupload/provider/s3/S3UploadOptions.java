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

package io.github.blobupload.provider.s3;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the S3 provider writes objects. Built with {@link #builder()}: each setter
 * validates its argument and throws {@link IllegalArgumentException} naming the setting
 * and the bad value; {@link Builder#build()} checks the settings against each other.
 */
public final class S3UploadOptions {

	/** The smallest part S3 accepts (except for the last one): 5 MiB. */
	public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

	/** The largest part this provider sends, as one array: 2 GiB less one byte. */
	public static final long MAX_PART_SIZE = Integer.MAX_VALUE;

	/** Default size above which blobs are sent as a multipart upload: 16 MiB. */
	public static final long DEFAULT_MULTIPART_THRESHOLD = 16L * 1024 * 1024;

	/** Default part size: 8 MiB. */
	public static final long DEFAULT_PART_SIZE = 8L * 1024 * 1024;

	/** The longest validity of a SigV4 presigned URL: 7 days. */
	public static final Duration MAX_SIGNED_URL_EXPIRY = Duration.ofDays(7);

	/** The {@code x-amz-server-side-encryption} value for SSE-S3. */
	public static final String AES256 = "AES256";

	/** The {@code x-amz-server-side-encryption} value for SSE-KMS. */
	public static final String AWS_KMS = "aws:kms";

	private final long multipartThreshold;

	private final long partSize;

	private final @Nullable String serverSideEncryption;

	private final @Nullable String kmsKeyId;

	private final @Nullable Duration signedUrlExpiry;

	private S3UploadOptions(Builder builder) {
		this.multipartThreshold = builder.multipartThreshold;
		this.partSize = builder.partSize;
		this.serverSideEncryption = builder.serverSideEncryption;
		this.kmsKeyId = builder.kmsKeyId;
		this.signedUrlExpiry = builder.signedUrlExpiry;
	}

	/**
	 * Returns a builder holding the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the default options: bucket-default encryption, multipart above 16 MiB, no
	 * signed URLs.
	 * @return the defaults
	 */
	public static S3UploadOptions defaults() {
		return builder().build();
	}

	/**
	 * Returns the size in bytes above which blobs are sent as a multipart upload.
	 * @return the threshold, at least {@link #MIN_PART_SIZE}
	 */
	public long multipartThreshold() {
		return this.multipartThreshold;
	}

	/**
	 * Returns the size in bytes of each part of a multipart upload.
	 * @return the part size, between {@link #MIN_PART_SIZE} and {@link #MAX_PART_SIZE}
	 */
	public long partSize() {
		return this.partSize;
	}

	/**
	 * Returns the {@code x-amz-server-side-encryption} value sent with each object.
	 * @return {@code AES256}, {@code aws:kms}, or {@code null} for the bucket's default
	 */
	public @Nullable String serverSideEncryption() {
		return this.serverSideEncryption;
	}

	/**
	 * Returns the KMS key for {@code aws:kms} encryption.
	 * @return the key id or ARN, or {@code null} for the AWS managed key
	 */
	public @Nullable String kmsKeyId() {
		return this.kmsKeyId;
	}

	/**
	 * Returns how long recorded presigned URLs stay valid.
	 * @return the expiry, or {@code null} to record {@code s3://} URIs
	 */
	public @Nullable Duration signedUrlExpiry() {
		return this.signedUrlExpiry;
	}

	@Override
	public String toString() {
		return "S3UploadOptions[multipartThreshold=" + this.multipartThreshold + ", partSize=" + this.partSize
				+ ", serverSideEncryption=" + this.serverSideEncryption + ", kmsKeyId=" + this.kmsKeyId
				+ ", signedUrlExpiry=" + this.signedUrlExpiry + "]";
	}

	/** Builds {@link S3UploadOptions}. */
	public static final class Builder {

		private long multipartThreshold = DEFAULT_MULTIPART_THRESHOLD;

		private long partSize = DEFAULT_PART_SIZE;

		private @Nullable String serverSideEncryption;

		private @Nullable String kmsKeyId;

		private @Nullable Duration signedUrlExpiry;

		private Builder() {
		}

		/**
		 * Sets the size above which blobs are sent as a multipart upload (default 16
		 * MiB).
		 * @param bytes at least {@link #MIN_PART_SIZE}
		 * @return this builder
		 */
		public Builder multipartThreshold(long bytes) {
			check(bytes >= MIN_PART_SIZE, "multipartThreshold must be at least 5MB (" + MIN_PART_SIZE
					+ " bytes, the smallest part S3 accepts) but was " + bytes + " bytes");
			this.multipartThreshold = bytes;
			return this;
		}

		/**
		 * Sets the size of each part of a multipart upload (default 8 MiB).
		 * @param bytes between {@link #MIN_PART_SIZE} and {@link #MAX_PART_SIZE}
		 * @return this builder
		 */
		public Builder partSize(long bytes) {
			check(bytes >= MIN_PART_SIZE && bytes <= MAX_PART_SIZE, "partSize must be at least 5MB (" + MIN_PART_SIZE
					+ " bytes, the smallest part S3 accepts) and " + "less than 2GB but was " + bytes + " bytes");
			this.partSize = bytes;
			return this;
		}

		/**
		 * Sets the {@code x-amz-server-side-encryption} value sent with each object
		 * (default none: the bucket's default encryption applies).
		 * @param serverSideEncryption {@code AES256}, {@code aws:kms}, or {@code null}
		 * @return this builder
		 */
		public Builder serverSideEncryption(@Nullable String serverSideEncryption) {
			this.serverSideEncryption = blankToNull(serverSideEncryption);
			return this;
		}

		/**
		 * Sets the KMS key for {@code aws:kms} encryption (default none: the AWS managed
		 * key).
		 * @param kmsKeyId a key id or ARN, or {@code null}
		 * @return this builder
		 */
		public Builder kmsKeyId(@Nullable String kmsKeyId) {
			this.kmsKeyId = blankToNull(kmsKeyId);
			return this;
		}

		/**
		 * Sets how long recorded presigned URLs stay valid (default none: {@code s3://}
		 * URIs are recorded).
		 * @param expiry positive and at most {@link #MAX_SIGNED_URL_EXPIRY}, or
		 * {@code null}
		 * @return this builder
		 */
		public Builder signedUrlExpiry(@Nullable Duration expiry) {
			check(expiry == null
					|| (!expiry.isNegative() && !expiry.isZero() && expiry.compareTo(MAX_SIGNED_URL_EXPIRY) <= 0),
					"signedUrlExpiry must be positive and at most 7 days (the longest an S3 presigned URL is valid) "
							+ "but was " + expiry);
			this.signedUrlExpiry = expiry;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws IllegalArgumentException if a KMS key is set without {@code aws:kms}
		 * encryption; the message starts with the setting to change
		 */
		public S3UploadOptions build() {
			check(this.kmsKeyId == null || AWS_KMS.equals(this.serverSideEncryption),
					"kmsKeyId is used only with serverSideEncryption " + AWS_KMS + " but serverSideEncryption was "
							+ this.serverSideEncryption);
			return new S3UploadOptions(this);
		}

		private static @Nullable String blankToNull(@Nullable String value) {
			return (value == null || value.isBlank()) ? null : value.strip();
		}

		private static void check(boolean condition, String message) {
			if (!condition) {
				throw new IllegalArgumentException(message);
			}
		}

	}

}
