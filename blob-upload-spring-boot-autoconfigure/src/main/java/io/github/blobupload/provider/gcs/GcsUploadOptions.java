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

package io.github.blobupload.provider.gcs;

import org.jspecify.annotations.Nullable;

/**
 * How the Google Cloud Storage provider writes objects. Built with {@link #builder()}:
 * each setter validates its argument and throws {@link IllegalArgumentException} naming
 * the setting and the bad value.
 */
public final class GcsUploadOptions {

	/** Default smallest blob sent with a resumable upload: 8 MiB. */
	public static final long DEFAULT_RESUMABLE_THRESHOLD = 8L * 1024 * 1024;

	private final @Nullable String kmsKeyName;

	private final long resumableThreshold;

	private GcsUploadOptions(Builder builder) {
		this.kmsKeyName = builder.kmsKeyName;
		this.resumableThreshold = builder.resumableThreshold;
	}

	/**
	 * Returns a builder holding the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the default options: the bucket's encryption, resumable uploads from 8 MiB.
	 * @return the defaults
	 */
	public static GcsUploadOptions defaults() {
		return builder().build();
	}

	/**
	 * Returns the Cloud KMS key that encrypts the objects.
	 * @return the key name, or {@code null} for the bucket's default encryption
	 */
	public @Nullable String kmsKeyName() {
		return this.kmsKeyName;
	}

	/**
	 * Returns the smallest blob, in bytes, sent with a resumable upload rather than a
	 * single request.
	 * @return the threshold, at least 1
	 */
	public long resumableThreshold() {
		return this.resumableThreshold;
	}

	@Override
	public String toString() {
		return "GcsUploadOptions[kmsKeyName=" + this.kmsKeyName + ", resumableThreshold=" + this.resumableThreshold
				+ "]";
	}

	/** Builds {@link GcsUploadOptions}. */
	public static final class Builder {

		private @Nullable String kmsKeyName;

		private long resumableThreshold = DEFAULT_RESUMABLE_THRESHOLD;

		private Builder() {
		}

		/**
		 * Sets the Cloud KMS key that encrypts the objects (default none: the bucket's
		 * default encryption).
		 * @param kmsKeyName a key name such as
		 * {@code projects/P/locations/L/keyRings/R/cryptoKeys/K}, or {@code null}
		 * @return this builder
		 */
		public Builder kmsKeyName(@Nullable String kmsKeyName) {
			this.kmsKeyName = (kmsKeyName == null || kmsKeyName.isBlank()) ? null : kmsKeyName.strip();
			return this;
		}

		/**
		 * Sets the smallest blob sent with a resumable upload (default 8 MiB).
		 * @param bytes at least 1
		 * @return this builder
		 */
		public Builder resumableThreshold(long bytes) {
			if (bytes < 1) {
				throw new IllegalArgumentException(
						"resumableThreshold must be at least 1 byte but was " + bytes + " bytes");
			}
			this.resumableThreshold = bytes;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public GcsUploadOptions build() {
			return new GcsUploadOptions(this);
		}

	}

}
