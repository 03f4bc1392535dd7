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

package io.github.blobupload.autoconfigure.storage;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the {@code azblob://} provider ({@code blob.upload.azure.*}), which
 * needs com.azure:azure-storage-blob. Used only when the application has no
 * BlobServiceClient bean of its own; the client is built on first upload from these
 * settings.
 */
@ConfigurationProperties("blob.upload.azure")
public class BlobUploadAzureProperties {

	/**
	 * Blob service endpoint, such as http://127.0.0.1:10000/devstoreaccount1 for Azurite.
	 * Defaults to https://ACCOUNT.blob.core.windows.net for the account named in the
	 * prefix, or the endpoint of the connection string.
	 */
	private @Nullable String endpoint;

	/**
	 * Blob service endpoint that SAS URLs (recorded signed URLs and the viewer's
	 * redirects) point at, when browsers reach the store by another name than the
	 * application, such as https://media.example.com/devstoreaccount1. Defaults to the
	 * client's endpoint.
	 */
	private @Nullable String publicEndpoint;

	/**
	 * Storage connection string (account name and key, or a SAS). When not set, the
	 * client authenticates with Microsoft Entra ID through DefaultAzureCredential, which
	 * needs com.azure:azure-identity.
	 */
	private @Nullable String connectionString;

	/** Encryption scope to write blobs with. Defaults to the container's default. */
	private @Nullable String encryptionScope;

	/**
	 * Blobs larger than this are staged as blocks rather than sent in one request; at
	 * most 5000MB.
	 */
	private DataSize blockUploadThreshold = DataSize.ofMegabytes(16);

	/** Size of each staged block; less than 2GB. */
	private DataSize blockSize = DataSize.ofMegabytes(8);

	public @Nullable String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable String endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable String getPublicEndpoint() {
		return this.publicEndpoint;
	}

	public void setPublicEndpoint(@Nullable String publicEndpoint) {
		this.publicEndpoint = publicEndpoint;
	}

	public @Nullable String getConnectionString() {
		return this.connectionString;
	}

	public void setConnectionString(@Nullable String connectionString) {
		this.connectionString = connectionString;
	}

	public @Nullable String getEncryptionScope() {
		return this.encryptionScope;
	}

	public void setEncryptionScope(@Nullable String encryptionScope) {
		this.encryptionScope = encryptionScope;
	}

	public DataSize getBlockUploadThreshold() {
		return this.blockUploadThreshold;
	}

	public void setBlockUploadThreshold(DataSize blockUploadThreshold) {
		this.blockUploadThreshold = blockUploadThreshold;
	}

	public DataSize getBlockSize() {
		return this.blockSize;
	}

	public void setBlockSize(DataSize blockSize) {
		this.blockSize = blockSize;
	}

}
