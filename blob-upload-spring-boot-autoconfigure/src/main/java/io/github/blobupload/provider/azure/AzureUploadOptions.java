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

package io.github.blobupload.provider.azure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * How the Azure provider writes blobs. Built with {@link #builder()}: each setter
 * validates its argument and throws {@link IllegalArgumentException} naming the setting
 * and the bad value.
 */
public final class AzureUploadOptions {

	/** Default size above which blobs are staged as blocks: 16 MiB. */
	public static final long DEFAULT_BLOCK_UPLOAD_THRESHOLD = 16L * 1024 * 1024;

	/** Default block size: 8 MiB. */
	public static final long DEFAULT_BLOCK_SIZE = 8L * 1024 * 1024;

	/** The largest blob Azure accepts in one request: 5000 MiB. */
	public static final long MAX_SINGLE_UPLOAD_SIZE = 5000L * 1024 * 1024;

	/** The largest block this provider stages, as one array: 2 GiB less one byte. */
	public static final long MAX_BLOCK_SIZE = Integer.MAX_VALUE;

	private final long blockUploadThreshold;

	private final long blockSize;

	private final @Nullable String encryptionScope;

	private final @Nullable Duration signedUrlExpiry;

	private final @Nullable String publicEndpoint;

	private AzureUploadOptions(Builder builder) {
		this.blockUploadThreshold = builder.blockUploadThreshold;
		this.blockSize = builder.blockSize;
		this.encryptionScope = builder.encryptionScope;
		this.signedUrlExpiry = builder.signedUrlExpiry;
		this.publicEndpoint = builder.publicEndpoint;
	}

	/**
	 * Returns a builder holding the defaults.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the default options: container-default encryption, blocks above 16 MiB, no
	 * signed URLs.
	 * @return the defaults
	 */
	public static AzureUploadOptions defaults() {
		return builder().build();
	}

	/**
	 * Returns the size in bytes above which blobs are staged as blocks and committed as a
	 * block list; smaller ones are sent in one request.
	 * @return the threshold, between 1 and {@link #MAX_SINGLE_UPLOAD_SIZE}
	 */
	public long blockUploadThreshold() {
		return this.blockUploadThreshold;
	}

	/**
	 * Returns the size in bytes of each staged block.
	 * @return the block size, between 1 and {@link #MAX_BLOCK_SIZE}
	 */
	public long blockSize() {
		return this.blockSize;
	}

	/**
	 * Returns the encryption scope blobs are written with.
	 * @return the scope, or {@code null} for the container's default
	 */
	public @Nullable String encryptionScope() {
		return this.encryptionScope;
	}

	/**
	 * Returns how long recorded SAS URLs stay valid.
	 * @return the expiry, or {@code null} to record {@code azblob://} URIs
	 */
	public @Nullable Duration signedUrlExpiry() {
		return this.signedUrlExpiry;
	}

	/**
	 * Returns the blob service endpoint that SAS URLs point at, in place of the client's.
	 * @return the endpoint, without a trailing {@code /}, or {@code null} for the
	 * client's
	 */
	public @Nullable String publicEndpoint() {
		return this.publicEndpoint;
	}

	@Override
	public String toString() {
		return "AzureUploadOptions[blockUploadThreshold=" + this.blockUploadThreshold + ", blockSize=" + this.blockSize
				+ ", encryptionScope=" + this.encryptionScope + ", signedUrlExpiry=" + this.signedUrlExpiry + "]";
	}

	/** Builds {@link AzureUploadOptions}. */
	public static final class Builder {

		private long blockUploadThreshold = DEFAULT_BLOCK_UPLOAD_THRESHOLD;

		private long blockSize = DEFAULT_BLOCK_SIZE;

		private @Nullable String encryptionScope;

		private @Nullable Duration signedUrlExpiry;

		private @Nullable String publicEndpoint;

		private Builder() {
		}

		/**
		 * Sets the size above which blobs are staged as blocks (default 16 MiB).
		 * @param bytes between 1 and {@link #MAX_SINGLE_UPLOAD_SIZE}
		 * @return this builder
		 */
		public Builder blockUploadThreshold(long bytes) {
			check(bytes >= 1 && bytes <= MAX_SINGLE_UPLOAD_SIZE,
					"blockUploadThreshold must be at least 1 byte and at most 5000MB (" + MAX_SINGLE_UPLOAD_SIZE
							+ " bytes, the largest blob Azure accepts in one request) but was " + bytes + " bytes");
			this.blockUploadThreshold = bytes;
			return this;
		}

		/**
		 * Sets the size of each staged block (default 8 MiB).
		 * @param bytes between 1 and {@link #MAX_BLOCK_SIZE}
		 * @return this builder
		 */
		public Builder blockSize(long bytes) {
			check(bytes >= 1 && bytes <= MAX_BLOCK_SIZE,
					"blockSize must be at least 1 byte and less than 2GB but was " + bytes + " bytes");
			this.blockSize = bytes;
			return this;
		}

		/**
		 * Sets the encryption scope to write blobs with (default none: the container's
		 * default).
		 * @param encryptionScope the scope, or {@code null}
		 * @return this builder
		 */
		public Builder encryptionScope(@Nullable String encryptionScope) {
			this.encryptionScope = (encryptionScope == null || encryptionScope.isBlank()) ? null
					: encryptionScope.strip();
			return this;
		}

		/**
		 * Sets how long recorded SAS URLs stay valid (default none: {@code azblob://}
		 * URIs are recorded).
		 * @param expiry a positive duration, or {@code null}
		 * @return this builder
		 */
		public Builder signedUrlExpiry(@Nullable Duration expiry) {
			check(expiry == null || (!expiry.isNegative() && !expiry.isZero()),
					"signedUrlExpiry must be a positive duration but was " + expiry);
			this.signedUrlExpiry = expiry;
			return this;
		}

		/**
		 * Sets the blob service endpoint that SAS URLs (recorded ones and the viewer's
		 * redirects) point at, when browsers reach the store by another name than the
		 * application (default none: the client's endpoint). A SAS does not sign the
		 * host, so only the URL changes.
		 * @param endpoint an {@code http} or {@code https} URL such as
		 * {@code https://media.example.com/devstoreaccount1}, or {@code null}
		 * @return this builder
		 */
		public Builder publicEndpoint(@Nullable String endpoint) {
			String stripped = (endpoint == null || endpoint.isBlank()) ? null : endpoint.strip();
			check(stripped == null || stripped.startsWith("https://") || stripped.startsWith("http://"),
					"publicEndpoint must be an http or https URL but was " + endpoint);
			this.publicEndpoint = (stripped != null && stripped.endsWith("/"))
					? stripped.substring(0, stripped.length() - 1) : stripped;
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 */
		public AzureUploadOptions build() {
			return new AzureUploadOptions(this);
		}

		private static void check(boolean condition, String message) {
			if (!condition) {
				throw new IllegalArgumentException(message);
			}
		}

	}

}
