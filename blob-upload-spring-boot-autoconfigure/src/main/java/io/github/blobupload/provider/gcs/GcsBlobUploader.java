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
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.StorageException;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobReader;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.provider.RetentionSupport;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.ObjectMetadata;
import io.github.blobupload.provider.internal.RecordedUris;
import io.github.blobupload.provider.internal.RetentionMarks;
import org.jspecify.annotations.Nullable;

/**
 * Uploads blobs to one Google Cloud Storage bucket under a prefix.
 * <p>
 * Each object is written with its content type and the blob's labels as custom metadata
 * (see {@link ObjectMetadata}) in the same request, with no ACL of its own (so the
 * bucket's access control applies: private unless the bucket says otherwise), optionally
 * encrypted with a Cloud KMS key. Blobs smaller than the resumable threshold go in a
 * single request; larger ones with a resumable upload that streams the blob's bytes in
 * chunks.
 * <p>
 * Writes carry the precondition "does not exist": names are derived from the content (or
 * random), so an object already there holds the same bytes; the 412 answer then counts as
 * success. This also lets a service account with only {@code storage.objects.create}
 * (roles/storage.objectCreator) upload the same content twice.
 * <p>
 * Errors: 408, 429, 5xx and network failures are thrown as {@link IOException} and
 * retried by the upload engine; any other answer (404 bucket not found, 403, 401, 400) is
 * a {@link PermanentUploadException} naming the bucket and what the store answered.
 * <p>
 * As a {@link StorageProbe}, it writes the probe object under its prefix exactly as a
 * blob is written, "does not exist" precondition included: once the probe object exists,
 * a check gets the 412 answer, which (as for a blob) counts as success, so a role without
 * {@code storage.objects.delete} (needed to replace an object) is enough. A missing
 * bucket (404) or refused credentials (401) still fail the check; that a write permission
 * lost after the probe object was created gives 403 rather than 412 relies on the store
 * checking permissions before preconditions, as the uploader's own handling of 412 does.
 */
final class GcsBlobUploader implements SimpleBlobUploader, StorageProbe, RetentionSupport {

	private final String bucket;

	private final RecordedUris uris;

	private final LazyClient<Storage> storage;

	private final GcsUploadOptions options;

	private final @Nullable GcsUrlSigner signer;

	private final GcsBlobReader reader;

	private final GcsBlobDeleter deleter;

	/**
	 * Creates an uploader.
	 * @param bucket the bucket name
	 * @param keyPrefix the object-name prefix: empty, or safe segments ending with
	 * {@code /}
	 * @param naming how objects are named under the prefix
	 * @param storage the client, obtained on first upload; a {@link RuntimeException}
	 * obtaining it fails the upload permanently
	 * @param options how objects are written
	 * @param signer makes the signed URLs returned as destinations, or {@code null} to
	 * return {@code gs://} URIs
	 */
	GcsBlobUploader(String bucket, String keyPrefix, BlobNamingStrategy naming, LazyClient<Storage> storage,
			GcsUploadOptions options, @Nullable GcsUrlSigner signer) {
		this(bucket, keyPrefix, naming, storage, options, signer, null);
	}

	/**
	 * Creates an uploader whose reader also signs GET URLs.
	 * @param bucket the bucket name
	 * @param keyPrefix the object-name prefix: empty, or safe segments ending with
	 * {@code /}
	 * @param naming how objects are named under the prefix
	 * @param storage the client, obtained on first upload
	 * @param options how objects are written
	 * @param signer makes the signed URLs returned as destinations, or {@code null} to
	 * return {@code gs://} URIs
	 * @param readSigner signs the reader's GET URLs, obtained on first use, or
	 * {@code null} when the reader does not sign
	 */
	GcsBlobUploader(String bucket, String keyPrefix, BlobNamingStrategy naming, LazyClient<Storage> storage,
			GcsUploadOptions options, @Nullable GcsUrlSigner signer, @Nullable LazyClient<GcsUrlSigner> readSigner) {
		this(bucket, keyPrefix, naming, storage, options, signer, readSigner, storage);
	}

	/**
	 * Creates an uploader whose deleter has a client of its own.
	 * @param bucket the bucket name
	 * @param keyPrefix the object-name prefix: empty, or safe segments ending with
	 * {@code /}
	 * @param naming how objects are named under the prefix
	 * @param storage the client, obtained on first upload
	 * @param options how objects are written
	 * @param signer makes the signed URLs returned as destinations, or {@code null} to
	 * return {@code gs://} URIs
	 * @param readSigner signs the reader's GET URLs, obtained on first use, or
	 * {@code null} when the reader does not sign
	 * @param erasureStorage the client the deleter uses, obtained on first deletion
	 */
	GcsBlobUploader(String bucket, String keyPrefix, BlobNamingStrategy naming, LazyClient<Storage> storage,
			GcsUploadOptions options, @Nullable GcsUrlSigner signer, @Nullable LazyClient<GcsUrlSigner> readSigner,
			LazyClient<Storage> erasureStorage) {
		this.bucket = Objects.requireNonNull(bucket, "bucket must not be null");
		this.uris = new RecordedUris(GcsBlobStorageProvider.SCHEME + "://" + bucket + "/" + keyPrefix, keyPrefix,
				"/" + bucket + "/" + keyPrefix, naming);
		this.storage = Objects.requireNonNull(storage, "storage must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		this.signer = signer;
		this.reader = new GcsBlobReader(bucket, this.uris, storage, readSigner);
		this.deleter = new GcsBlobDeleter(bucket, this.uris,
				Objects.requireNonNull(erasureStorage, "erasureStorage must not be null"));
	}

	/**
	 * Returns the deleter of this uploader's objects, through the erasure client when
	 * there is one, otherwise the same client.
	 * @return the deleter
	 */
	@Override
	public Optional<BlobDeleter> blobDeleter() {
		return Optional.of(this.deleter);
	}

	/**
	 * Returns the reader of this uploader's objects, through the same client.
	 * @return the reader
	 */
	@Override
	public Optional<BlobReader> blobReader() {
		return Optional.of(this.reader);
	}

	/**
	 * Returns {@code gs://BUCKET/PREFIX/NAME}, or a signed HTTPS URL for that object when
	 * signed URLs are on.
	 * @throws IllegalArgumentException if the naming strategy returned an unsafe name
	 */
	@Override
	public String generateDestinationUri(Blob blob) {
		String name = this.uris.name(blob);
		return (this.signer != null) ? this.signer.sign(this.bucket, this.uris.key(name)) : this.uris.uri(name);
	}

	/**
	 * Returns the object a destination URI of this uploader points at.
	 * @param uri a URI returned by {@link #generateDestinationUri(Blob)}
	 * @return the object name
	 * @throws IllegalArgumentException if the URI is not one of this uploader's
	 */
	String objectNameOf(String uri) {
		return this.uris.keyOf(uri);
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		String objectName = this.uris.keyToUpload(uri);
		Storage client = this.storage.getForUpload("gs://" + this.bucket);
		BlobInfo.Builder builder = BlobInfo.newBuilder(this.bucket, objectName)
			.setContentType(blob.contentType())
			.setMetadata(ObjectMetadata.fromLabels(blob.labels(), ObjectMetadata.GCS_MAX_TOTAL_BYTES));
		boolean retained = RetentionMarks.retentionClass(blob) != null;
		if (retained) {
			builder.setCustomTimeOffsetDateTime(OffsetDateTime.now(ZoneOffset.UTC));
		}
		BlobInfo info = builder.build();
		try {
			if (blob.size() < this.options.resumableThreshold()) {
				// One request carrying metadata and content; the only copy of the bytes
				// is
				// bounded by the resumable threshold.
				client.create(info, blob.rawBytes(), targetOptions());
			}
			else {
				writeResumable(client, info, blob);
			}
		}
		catch (StorageException ex) {
			rethrow(ex, objectName);
			alreadyStored(uri, blob, retained);
		}
		catch (IOException ex) {
			if (!(ex.getCause() instanceof StorageException storageException)) {
				throw ex;
			}
			rethrow(storageException, objectName);
			alreadyStored(uri, blob, retained);
		}
		catch (RuntimeException ex) {
			// Not an answer and not a connection failure: a fault in the client that
			// retrying the same call would only repeat.
			throw unexpected(ex, objectName);
		}
	}

	/**
	 * The object was already stored (412): a re-use, whose window is restarted when the
	 * blob has a retention.
	 */
	private void alreadyStored(String uri, Blob blob, boolean retained) throws IOException {
		if (retained) {
			refresh(uri, blob, Instant.now());
		}
	}

	@Override
	public String storedUnder() {
		return this.uris.uriPrefix();
	}

	/**
	 * Moves the object's custom time, from which a {@code daysSinceCustomTime} lifecycle
	 * condition counts, to now: one metadata {@code PATCH} request, which needs
	 * {@code storage.objects.update}. Custom time can only move forward, which a refresh
	 * always does.
	 */
	@Override
	public boolean refresh(String uri, Blob blob, Instant now) throws IOException {
		String objectName = this.uris.keyToUpload(uri);
		Storage client = this.storage.getForUpload("gs://" + this.bucket);
		try {
			// Storage.update answers null when the object is not there.
			return client.update(BlobInfo.newBuilder(this.bucket, objectName)
				.setCustomTimeOffsetDateTime(OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
				.build()) != null;
		}
		catch (StorageException ex) {
			if (ex.getCode() == 404) {
				return false;
			}
			rethrow(ex, objectName);
			return true;
		}
		catch (RuntimeException ex) {
			throw unexpected(ex, objectName);
		}
	}

	@Override
	public void check() throws IOException {
		uploadSync(this.uris.uri(PROBE_OBJECT_NAME), StorageProbe.probeBlob());
	}

	private void writeResumable(Storage client, BlobInfo info, Blob blob) throws IOException {
		// The session is opened with the metadata; the read-only view is sent in chunks
		// without copying the whole blob.
		ByteBuffer content = blob.asReadOnlyByteBuffer();
		try (WriteChannel writer = client.writer(info, writeOptions())) {
			while (content.hasRemaining()) {
				writer.write(content);
			}
		}
	}

	private BlobTargetOption[] targetOptions() {
		List<BlobTargetOption> result = new ArrayList<>(2);
		result.add(BlobTargetOption.doesNotExist());
		if (this.options.kmsKeyName() != null) {
			result.add(BlobTargetOption.kmsKeyName(this.options.kmsKeyName()));
		}
		return result.toArray(new BlobTargetOption[0]);
	}

	private BlobWriteOption[] writeOptions() {
		List<BlobWriteOption> result = new ArrayList<>(2);
		result.add(BlobWriteOption.doesNotExist());
		if (this.options.kmsKeyName() != null) {
			result.add(BlobWriteOption.kmsKeyName(this.options.kmsKeyName()));
		}
		return result.toArray(new BlobWriteOption[0]);
	}

	private PermanentUploadException unexpected(Throwable ex, String objectName) {
		return new PermanentUploadException(
				"The Google Cloud Storage client failed unexpectedly for gs://" + this.bucket + "/" + objectName + ": "
						+ ex.getClass().getName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : ""),
				ex);
	}

	/**
	 * Turns a store answer into a retryable {@link IOException} or a
	 * {@link PermanentUploadException}; returns when the object already exists (412).
	 */
	private void rethrow(StorageException ex, String objectName) throws IOException {
		int code = ex.getCode();
		if (code <= 0 && ex.getCause() != null && !(ex.getCause() instanceof IOException)) {
			throw unexpected(ex.getCause(), objectName);
		}
		String message = String.valueOf(ex.getMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " ");
		// Without an HTTP status (code 0) the store did not answer: the connection
		// failed.
		String answer = ((code > 0) ? "Google Cloud Storage answered " : "Google Cloud Storage could not be reached: ")
				+ ((code > 0 && !message.startsWith(Integer.toString(code))) ? code + " " : "")
				+ ((ex.getReason() != null) ? "(" + ex.getReason() + ") " : "") + message + " for gs://" + this.bucket
				+ "/" + objectName;
		if (code == 412) {
			return;
		}
		if (code <= 0 || code == 408 || code == 410 || code == 429 || code >= 500) {
			throw new IOException(answer, ex);
		}
		String hint = switch (code) {
			case 404 -> "; does the bucket '" + this.bucket + "' exist?";
			case 401 -> "; are the Google Cloud credentials valid?";
			case 403 -> "; may these credentials create objects in the bucket '" + this.bucket + "'"
					+ ((this.options.kmsKeyName() != null) ? " and use the KMS key" : "") + "?";
			default -> "";
		};
		throw new PermanentUploadException(answer + hint, ex);
	}

	@Override
	public String toString() {
		return "GcsBlobUploader[" + this.uris.uriPrefix() + "]";
	}

}
