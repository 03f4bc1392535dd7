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

import java.io.IOException;
import java.net.URI;
import java.nio.channels.Channels;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import com.google.cloud.ReadChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.StorageException;
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
 * Reads back the objects of one {@link GcsBlobUploader}, through its client: the object's
 * metadata, then a {@link ReadChannel} pinned to its generation, positioned and limited
 * to the range; {@code list} by prefix for listing.
 */
final class GcsBlobReader extends KeyedBlobReader implements BlobUrlSigner {

	/** Where V4 signed URLs point (path style). */
	static final String SIGNED_URL_ORIGIN = "https://storage.googleapis.com";

	private final String bucket;

	private final LazyClient<Storage> storage;

	private final @Nullable LazyClient<GcsUrlSigner> signer;

	GcsBlobReader(String bucket, RecordedUris uris, LazyClient<Storage> storage,
			@Nullable LazyClient<GcsUrlSigner> signer) {
		super(uris);
		this.bucket = bucket;
		this.storage = storage;
		this.signer = signer;
	}

	@Override
	public Optional<BlobUrlSigner> urlSigner() {
		return (this.signer != null) ? Optional.of(this) : Optional.empty();
	}

	/**
	 * Signs a V4 GET URL with {@code response-content-type} and
	 * {@code response-content-disposition} in the signature, offline.
	 */
	@Override
	public Optional<URI> signedGet(String uri, Duration expiry, String contentType, String contentDisposition)
			throws IOException {
		Optional<String> key = readableKey(uri);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		if (this.signer == null) {
			throw new IOException("No URL signer for bucket '" + this.bucket + "'");
		}
		try {
			return Optional.of(URI.create(this.signer.get()
				.sign(this.bucket, key.get(), expiry, Map.of("response-content-type", contentType,
						"response-content-disposition", contentDisposition))));
		}
		catch (RuntimeException ex) {
			// Never the message: it could hold a part of the signature.
			throw new IOException("Cannot sign a URL for bucket '" + this.bucket + "': " + ex.getClass().getName()
					+ " (only the private key of a service-account key file signs offline)");
		}
	}

	@Override
	public String origin() {
		return SIGNED_URL_ORIGIN;
	}

	@Override
	protected Optional<StoredBlob> open(String uri, String key, @Nullable ByteRange range) throws IOException {
		Storage client = client();
		BlobId id = BlobId.of(this.bucket, key);
		try {
			Blob object = client.get(id);
			if (object == null) {
				return Optional.empty();
			}
			long size = (object.getSize() != null) ? object.getSize() : 0;
			ByteRange served = (range != null) ? ByteRanges.clip(uri, range, size) : null;
			ReadChannel channel = (object.getGeneration() != null)
					? client.reader(id, BlobSourceOption.generationMatch(object.getGeneration())) : client.reader(id);
			try {
				if (served != null) {
					channel.seek(served.first());
					channel.limit(served.last() + 1);
				}
			}
			catch (IOException | RuntimeException ex) {
				channel.close();
				throw ex;
			}
			String contentType = (object.getContentType() != null) ? object.getContentType()
					: "application/octet-stream";
			Map<String, String> metadata = (object.getMetadata() != null) ? object.getMetadata() : Map.of();
			// The generation identifies the object's version where a store gives no ETag.
			String etag = (object.getEtag() != null) ? object.getEtag()
					: (object.getGeneration() != null) ? "\"" + object.getGeneration() + "\"" : null;
			return Optional.of(new StoredBlob(uri, contentType, size, etag, ObjectMetadata.toLabels(metadata), served,
					Channels.newInputStream(channel)));
		}
		catch (StorageException ex) {
			if (ex.getCode() == 404) {
				return Optional.empty();
			}
			throw failure("Reading " + uri, ex);
		}
	}

	@Override
	protected void listKeys(String uriPrefix, String keyPrefix, int limit, Predicate<String> more) throws IOException {
		try {
			for (Blob object : client()
				.list(this.bucket, BlobListOption.prefix(keyPrefix), BlobListOption.pageSize(Math.min(limit, 1000)))
				.iterateAll()) {
				if (!more.test(object.getName())) {
					break;
				}
			}
		}
		catch (StorageException ex) {
			if (ex.getCode() == 404) {
				return;
			}
			throw failure("Listing " + uriPrefix, ex);
		}
	}

	private Storage client() throws IOException {
		try {
			return this.storage.get();
		}
		catch (RuntimeException ex) {
			throw new IOException(
					"Cannot create the Google Cloud Storage client for gs://" + this.bucket + ": " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Builds the exception for a failed request: the status and reason, never the
	 * request.
	 */
	static IOException failure(String what, StorageException ex) {
		return new IOException(what + " failed; Google Cloud Storage answered " + ex.getCode()
				+ ((ex.getReason() != null) ? " (" + ex.getReason() + ")" : ""), ex);
	}

}
