package io.github.blobupload.provider.gcs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import com.google.cloud.WriteChannel;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobTargetOption;
import com.google.cloud.storage.Storage.BlobWriteOption;
import com.google.cloud.storage.StorageException;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.provider.ObjectKeys;
import org.jspecify.annotations.Nullable;

/**
 * Uploads blobs to one Google Cloud Storage bucket under a prefix.
 * <p>
 * Each object is written with its content type and the blob's labels as custom metadata
 * (see {@link GcsObjectMetadata}) in the same request, with no ACL of its own (so the
 * bucket's access control applies: private unless the bucket says otherwise), optionally
 * encrypted with a Cloud KMS key. Blobs smaller than the resumable threshold go in a single
 * request; larger ones with a resumable upload that streams the blob's bytes in chunks.
 * <p>
 * Writes carry the precondition "does not exist": names are derived from the content (or
 * random), so an object already there holds the same bytes; the 412 answer then counts as
 * success. This also lets a service account with only {@code storage.objects.create}
 * (roles/storage.objectCreator) upload the same content twice.
 * <p>
 * Errors: 408, 429, 5xx and network failures are thrown as {@link IOException} and retried
 * by the upload engine; any other answer (404 bucket not found, 403, 401, 400) is a
 * {@link PermanentUploadException} naming the bucket and what the store answered.
 * <p>
 * As a {@link StorageProbe}, it writes the probe object under its prefix exactly as a blob
 * is written, "does not exist" precondition included: once the probe object exists, a
 * check gets the 412 answer, which (as for a blob) counts as success, so a role without
 * {@code storage.objects.delete} (needed to replace an object) is enough. A missing bucket
 * (404) or refused credentials (401) still fail the check; that a write permission lost
 * after the probe object was created gives 403 rather than 412 relies on the store
 * checking permissions before preconditions, as the uploader's own handling of 412 does.
 */
final class GcsBlobUploader implements SimpleBlobUploader, StorageProbe {

	private final String bucket;

	private final String prefixPath;

	private final BlobNamingStrategy naming;

	private final Supplier<Storage> storage;

	private final GcsUploadOptions options;

	private final @Nullable GcsUrlSigner signer;

	private final String canonicalRoot;

	/**
	 * Creates an uploader.
	 * @param bucket the bucket name
	 * @param prefixPath the object-name prefix, made of safe segments, or empty
	 * @param naming how objects are named under the prefix
	 * @param storage gives the client; called on an upload worker at each upload, so it
	 * may build the client lazily (and should keep it); a {@link RuntimeException} it throws
	 * fails the upload permanently
	 * @param options how objects are written
	 * @param signer makes the signed URLs returned as destinations, or {@code null} to
	 * return {@code gs://} URIs
	 */
	GcsBlobUploader(String bucket, String prefixPath, BlobNamingStrategy naming, Supplier<Storage> storage,
			GcsUploadOptions options, @Nullable GcsUrlSigner signer) {
		this.bucket = Objects.requireNonNull(bucket, "bucket must not be null");
		this.prefixPath = Objects.requireNonNull(prefixPath, "prefixPath must not be null");
		if (!ObjectKeys.isSafePath(prefixPath)) {
			throw new IllegalArgumentException("prefixPath '" + prefixPath + "' holds unsafe characters");
		}
		this.naming = Objects.requireNonNull(naming, "naming must not be null");
		this.storage = Objects.requireNonNull(storage, "storage must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		this.signer = signer;
		this.canonicalRoot = "gs://" + bucket + "/";
	}

	/**
	 * Returns the bucket written to.
	 * @return the bucket name
	 */
	public String bucket() {
		return this.bucket;
	}

	/**
	 * Returns the object-name prefix.
	 * @return the prefix, without leading or trailing slash, possibly empty
	 */
	public String prefixPath() {
		return this.prefixPath;
	}

	/**
	 * Returns {@code gs://BUCKET/PREFIX/NAME}, or a signed HTTPS URL for that object when
	 * signed URLs are on.
	 */
	@Override
	public String generateDestinationUri(Blob blob) {
		String objectName = ObjectKeys.join(this.prefixPath, this.naming.objectName(blob));
		return (this.signer != null) ? this.signer.sign(this.bucket, objectName) : this.canonicalRoot + objectName;
	}

	/**
	 * Returns the object a destination URI of this uploader points at.
	 * @param uri a URI returned by {@link #generateDestinationUri(Blob)}
	 * @return the object name
	 * @throws IllegalArgumentException if the URI is not under this uploader's prefix or
	 * holds unsafe characters
	 */
	public String objectNameOf(String uri) {
		String name = uri.startsWith(this.canonicalRoot) ? uri.substring(this.canonicalRoot.length())
				: GcsUrlSigner.objectNameOf(uri, this.bucket);
		if (name == null || name.isEmpty() || !ObjectKeys.isSafePath(name)
				|| !(this.prefixPath.isEmpty() || name.startsWith(this.prefixPath + "/"))) {
			throw new IllegalArgumentException("'" + uri + "' is not an object under gs://" + this.bucket + "/"
					+ this.prefixPath);
		}
		return name;
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		String objectName;
		try {
			objectName = objectNameOf(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new PermanentUploadException(ex.getMessage());
		}
		Storage client;
		try {
			client = this.storage.get();
		}
		catch (RuntimeException ex) {
			throw new PermanentUploadException(
					"No Google Cloud Storage client for gs://" + this.bucket + ": " + ex.getMessage(), ex);
		}
		BlobInfo info = BlobInfo.newBuilder(this.bucket, objectName)
			.setContentType(blob.contentType())
			.setMetadata(GcsObjectMetadata.fromLabels(blob.labels()))
			.build();
		try {
			if (blob.size() < this.options.resumableThreshold()) {
				// One request carrying metadata and content; the only copy of the bytes is
				// bounded by the resumable threshold.
				client.create(info, blob.rawBytes(), targetOptions());
			}
			else {
				writeResumable(client, info, blob);
			}
		}
		catch (StorageException ex) {
			rethrow(ex, objectName);
		}
		catch (IOException ex) {
			if (!(ex.getCause() instanceof StorageException storageException)) {
				throw ex;
			}
			rethrow(storageException, objectName);
		}
	}

	@Override
	public void check() throws IOException {
		uploadSync(this.canonicalRoot + ObjectKeys.join(this.prefixPath, PROBE_OBJECT_NAME), StorageProbe.probeBlob());
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

	/**
	 * Turns a store answer into a retryable {@link IOException} or a
	 * {@link PermanentUploadException}; returns when the object already exists (412).
	 */
	private void rethrow(StorageException ex, String objectName) throws IOException {
		int code = ex.getCode();
		String message = String.valueOf(ex.getMessage()).replaceAll("\\s*[\\r\\n]+\\s*", " ");
		// Without an HTTP status (code 0) the store did not answer: the connection failed.
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
		return "GcsBlobUploader[" + this.canonicalRoot + this.prefixPath + "]";
	}

}
