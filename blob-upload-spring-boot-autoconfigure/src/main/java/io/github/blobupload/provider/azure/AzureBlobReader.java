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
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRange;
import com.azure.storage.blob.models.BlobStorageException;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlobInputStreamOptions;
import com.azure.storage.blob.sas.BlobSasPermission;
import com.azure.storage.blob.sas.BlobServiceSasSignatureValues;
import com.azure.storage.blob.specialized.BlobClientBase;
import com.azure.storage.blob.specialized.BlobInputStream;
import io.github.blobupload.BlobUrlSigner;
import io.github.blobupload.ByteRange;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.provider.internal.ByteRanges;
import io.github.blobupload.provider.internal.KeyedBlobReader;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.ObjectMetadata;
import io.github.blobupload.provider.internal.RecordedUris;
import org.jspecify.annotations.Nullable;

/**
 * Reads back the blobs of one {@link AzureBlobUploader}, through its container client: a
 * {@link BlobInputStream} per open (chunked ranged downloads, pinned to the blob's ETag
 * so a blob replaced meanwhile fails rather than mixing versions); {@code listBlobs} by
 * prefix for listing.
 */
final class AzureBlobReader extends KeyedBlobReader implements BlobUrlSigner {

	private final String container;

	private final LazyClient<BlobContainerClient> client;

	private final @Nullable String publicEndpoint;

	AzureBlobReader(String container, RecordedUris uris, LazyClient<BlobContainerClient> client,
			@Nullable String publicEndpoint) {
		super(uris);
		this.container = container;
		this.client = client;
		this.publicEndpoint = publicEndpoint;
	}

	@Override
	public Optional<BlobUrlSigner> urlSigner() {
		return Optional.of(this);
	}

	/**
	 * Signs a read-only service SAS with {@code rsct} and {@code rscd}, computed locally
	 * with the account key.
	 */
	@Override
	public Optional<URI> signedGet(String uri, Duration expiry, String contentType, String contentDisposition)
			throws IOException {
		Optional<String> key = readableKey(uri);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		BlobContainerClient container = client();
		try {
			String sas = container.getBlobClient(key.get())
				.generateSas(new BlobServiceSasSignatureValues(OffsetDateTime.now().plus(expiry),
						new BlobSasPermission().setReadPermission(true))
					.setContentType(contentType)
					.setContentDisposition(contentDisposition));
			// The key holds only safe characters; getBlobUrl() would encode its slashes.
			return Optional.of(URI.create(containerUrl(container) + "/" + key.get() + "?" + sas));
		}
		catch (RuntimeException ex) {
			// Never the message: it could hold a part of the signature.
			throw new IOException("Cannot sign a SAS for container '" + this.container + "': " + ex.getClass().getName()
					+ " (a client without the account key cannot sign)");
		}
	}

	@Override
	public String origin() throws IOException {
		URI container = URI.create(containerUrl(client()));
		return container.getScheme() + "://" + container.getRawAuthority();
	}

	/**
	 * Returns the container's URL as browsers reach it: the public endpoint in place of
	 * the client's account URL, when one is set.
	 * @param container the container client
	 * @return the URL, without a trailing {@code /}
	 */
	String containerUrl(BlobContainerClient container) {
		String url = container.getBlobContainerUrl();
		if (this.publicEndpoint == null) {
			return url;
		}
		String accountUrl = container.getAccountUrl();
		return url.startsWith(accountUrl) ? this.publicEndpoint + url.substring(accountUrl.length())
				: this.publicEndpoint + "/" + this.container;
	}

	@Override
	protected Optional<StoredBlob> open(String uri, String key, @Nullable ByteRange range) throws IOException {
		BlobClientBase blob = client().getBlobClient(key);
		BlobInputStreamOptions options = new BlobInputStreamOptions();
		if (range != null) {
			options.setRange(new BlobRange(range.first(),
					(range.last() == Long.MAX_VALUE) ? null : range.last() - range.first() + 1));
		}
		BlobInputStream stream;
		try {
			stream = blob.openInputStream(options);
		}
		catch (BlobStorageException ex) {
			if (ex.getStatusCode() == 404) {
				return Optional.empty();
			}
			if (ex.getStatusCode() == 416 && range != null) {
				BlobProperties properties = properties(blob, uri);
				if (properties == null) {
					return Optional.empty();
				}
				ByteRanges.clip(uri, range, properties.getBlobSize());
			}
			throw failure("Reading " + uri, ex);
		}
		catch (RuntimeException ex) {
			throw failure("Reading " + uri, ex);
		}
		BlobProperties properties = stream.getProperties();
		long size = properties.getBlobSize();
		ByteRange served = null;
		if (range != null) {
			try {
				served = ByteRanges.clip(uri, range, size);
			}
			catch (RuntimeException ex) {
				stream.close();
				throw ex;
			}
		}
		String contentType = (properties.getContentType() != null) ? properties.getContentType()
				: "application/octet-stream";
		return Optional.of(new StoredBlob(uri, contentType, size, properties.getETag(),
				ObjectMetadata.toLabels((properties.getMetadata() != null) ? properties.getMetadata() : Map.of()),
				served, stream));
	}

	private @Nullable BlobProperties properties(BlobClientBase blob, String uri) throws IOException {
		try {
			return blob.getProperties();
		}
		catch (BlobStorageException ex) {
			if (ex.getStatusCode() == 404) {
				return null;
			}
			throw failure("Reading " + uri, ex);
		}
		catch (RuntimeException ex) {
			throw failure("Reading " + uri, ex);
		}
	}

	@Override
	protected void listKeys(String uriPrefix, String keyPrefix, int limit, Predicate<String> more) throws IOException {
		try {
			ListBlobsOptions options = new ListBlobsOptions().setPrefix(keyPrefix)
				.setMaxResultsPerPage(Math.min(limit, 5000));
			for (BlobItem item : client().listBlobs(options, null)) {
				if (!more.test(item.getName())) {
					break;
				}
			}
		}
		catch (BlobStorageException ex) {
			if (ex.getStatusCode() == 404) {
				return;
			}
			throw failure("Listing " + uriPrefix, ex);
		}
		catch (RuntimeException ex) {
			throw failure("Listing " + uriPrefix, ex);
		}
	}

	private BlobContainerClient client() throws IOException {
		try {
			return this.client.get();
		}
		catch (RuntimeException ex) {
			throw new IOException(
					"Cannot create the Azure Blob client for container '" + this.container + "': " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Builds the exception for a failed request: Azure's status and error code, never the
	 * request (its URL could carry a SAS).
	 */
	static IOException failure(String what, RuntimeException ex) {
		if (ex instanceof BlobStorageException storage) {
			return new IOException(what + " failed; Azure answered " + storage.getStatusCode()
					+ ((storage.getErrorCode() != null) ? " " + storage.getErrorCode() : ""), ex);
		}
		if (ex instanceof UncheckedIOException unchecked) {
			return unchecked.getCause();
		}
		return new IOException(what + " failed: " + ex.getMessage(), ex);
	}

}
