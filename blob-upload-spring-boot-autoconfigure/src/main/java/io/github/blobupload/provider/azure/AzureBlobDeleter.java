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

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.azure.core.util.Context;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.DeleteSnapshotsOptionType;
import io.github.blobupload.BlobReader;
import io.github.blobupload.provider.internal.KeyedBlobDeleter;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.RecordedUris;

/**
 * Deletes the blobs of one {@link AzureBlobUploader}: {@code deleteIfExists} (with the
 * blob's snapshots, if any), which tells whether the blob was there; the modification
 * time is the blob's {@code Last-Modified} property. Its client may be one for erasure
 * only (a role with {@code blobs/delete} and {@code blobs/read}), while the uploader's
 * stays write-only.
 * <p>
 * With blob soft delete or versioning on for the account, a deleted blob stays
 * recoverable, which {@link #residualCopies()} says: the client cannot tell without
 * account-level rights.
 */
final class AzureBlobDeleter extends KeyedBlobDeleter {

	private final String container;

	private final LazyClient<BlobContainerClient> client;

	private final AzureBlobReader reader;

	AzureBlobDeleter(String container, RecordedUris uris, LazyClient<BlobContainerClient> client) {
		super(uris);
		this.container = container;
		this.client = client;
		this.reader = new AzureBlobReader(container, uris, client, null);
	}

	/**
	 * Returns a reader through the deleter's client ({@code blobs/read}).
	 */
	@Override
	public Optional<BlobReader> blobReader() {
		return Optional.of(this.reader);
	}

	@Override
	protected boolean delete(String uri, String key) throws IOException {
		BlobContainerClient container = client();
		try {
			return container.getBlobClient(key)
				.deleteIfExistsWithResponse(DeleteSnapshotsOptionType.INCLUDE, null, null, Context.NONE)
				.getValue();
		}
		catch (RuntimeException ex) {
			throw AzureBlobReader.failure("Deleting " + uri, ex);
		}
	}

	@Override
	protected Optional<Instant> lastModified(String uri, String key) throws IOException {
		BlobContainerClient container = client();
		BlobProperties properties;
		try {
			properties = container.getBlobClient(key).getProperties();
		}
		catch (BlobStorageException ex) {
			if (ex.getStatusCode() == 404) {
				return Optional.empty();
			}
			throw AzureBlobReader.failure("Reading " + uri, ex);
		}
		catch (RuntimeException ex) {
			throw AzureBlobReader.failure("Reading " + uri, ex);
		}
		if (properties.getLastModified() == null) {
			// Present but of unknown age: never report it old enough to delete.
			throw new IOException("Reading " + uri + " failed; Azure gave no Last-Modified time");
		}
		return Optional.of(properties.getLastModified().toInstant());
	}

	/**
	 * Says that soft delete or versioning, when on, keep deleted blobs recoverable.
	 */
	@Override
	public List<String> residualCopies() {
		return List.of("Azure container " + this.container + ": with blob soft delete or versioning on for the "
				+ "storage account, deleted blobs stay recoverable for its retention (soft delete) or as previous "
				+ "versions until a lifecycle rule deletes them");
	}

	private BlobContainerClient client() throws IOException {
		try {
			return this.client.get();
		}
		catch (RuntimeException ex) {
			throw new IOException("Cannot create the Azure Blob client for erasure in container '" + this.container
					+ "': " + ex.getMessage(), ex);
		}
	}

}
