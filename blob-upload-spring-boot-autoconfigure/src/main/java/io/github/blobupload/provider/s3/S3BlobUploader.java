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

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

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
import io.github.blobupload.provider.internal.StorageErrors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Writes blobs to one bucket under one key prefix. The content type and labels (as user
 * metadata, see {@link ObjectMetadata}) are sent with the object in the same request; no
 * ACL is set, so objects stay as private as the bucket. Blobs above the multipart
 * threshold are sent part by part; every request body streams from the blob's array
 * without copying it.
 * <p>
 * Errors are classified for the upload engine: the store's answers that retrying cannot
 * change (missing bucket, access denied, invalid credentials, wrong region, bad request)
 * become {@link PermanentUploadException}s naming the bucket and the store's answer;
 * throttling, 5xx answers, timeouts and connection failures become plain
 * {@link IOException}s, which the engine retries.
 * <p>
 * As a {@link StorageProbe}, it writes the probe object under its key prefix with a plain
 * {@code PutObject}, as a blob is written (same client, encryption and classification).
 */
final class S3BlobUploader implements SimpleBlobUploader, StorageProbe, RetentionSupport {

	private static final Logger logger = LoggerFactory.getLogger(S3BlobUploader.class);

	/** Error codes S3 sends with a 4xx status that are worth retrying. */
	private static final Set<String> RETRYABLE_CODES = Set.of("RequestTimeout", "SlowDown", "Throttling",
			"ThrottlingException", "RequestLimitExceeded", "TooManyRequestsException", "ExpiredToken",
			"RequestTimeTooSkewed", "OperationAborted");

	private final String bucket;

	private final RecordedUris uris;

	private final LazyClient<S3Client> client;

	private final @Nullable LazyClient<S3Presigner> presigner;

	private final S3UploadOptions options;

	private final AtomicBoolean signingUnavailableLogged = new AtomicBoolean();

	private final S3BlobReader reader;

	private final S3BlobDeleter deleter;

	/**
	 * Creates an uploader.
	 * @param bucket the bucket
	 * @param keyPrefix the key prefix: empty, or safe segments ending with {@code /}
	 * @param naming how objects are named
	 * @param client the S3 client, obtained on first upload
	 * @param presigner the presigner, used when signed URLs are enabled in the options
	 * @param options how objects are written
	 */
	S3BlobUploader(String bucket, String keyPrefix, BlobNamingStrategy naming, LazyClient<S3Client> client,
			@Nullable LazyClient<S3Presigner> presigner, S3UploadOptions options) {
		this(bucket, keyPrefix, naming, client, presigner, options, client);
	}

	/**
	 * Creates an uploader whose deleter has a client of its own.
	 * @param bucket the bucket
	 * @param keyPrefix the key prefix: empty, or safe segments ending with {@code /}
	 * @param naming how objects are named
	 * @param client the S3 client, obtained on first upload
	 * @param presigner the presigner, used when signed URLs are enabled in the options
	 * @param options how objects are written
	 * @param erasureClient the client the deleter uses, obtained on first deletion
	 */
	S3BlobUploader(String bucket, String keyPrefix, BlobNamingStrategy naming, LazyClient<S3Client> client,
			@Nullable LazyClient<S3Presigner> presigner, S3UploadOptions options, LazyClient<S3Client> erasureClient) {
		this.bucket = Objects.requireNonNull(bucket, "bucket must not be null");
		this.uris = new RecordedUris(S3BlobStorageProvider.SCHEME + "://" + bucket + "/" + keyPrefix, keyPrefix,
				"/" + keyPrefix, naming);
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.presigner = presigner;
		this.options = Objects.requireNonNull(options, "options must not be null");
		this.reader = new S3BlobReader(bucket, this.uris, client, presigner);
		this.deleter = new S3BlobDeleter(bucket, this.uris,
				Objects.requireNonNull(erasureClient, "erasureClient must not be null"));
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
	 * Returns {@code s3://BUCKET/prefix/NAME}, or, when signed URLs are enabled and the
	 * presigner is ready, a presigned HTTPS GET URL for that object. Signing is local (an
	 * HMAC over the request with cached credentials); until the presigner is ready (it is
	 * prepared in the background) the {@code s3://} URI is returned.
	 * @param blob the blob
	 * @return the URI to record
	 * @throws IllegalArgumentException if the naming strategy returned an unsafe name
	 */
	@Override
	public String generateDestinationUri(Blob blob) {
		String name = this.uris.name(blob);
		String key = this.uris.key(name);
		if (this.options.signedUrlExpiry() != null && this.presigner != null) {
			S3Presigner signer = this.presigner.getIfReady();
			if (signer != null) {
				try {
					return signer
						.presignGetObject((presign) -> presign.signatureDuration(this.options.signedUrlExpiry())
							.getObjectRequest((get) -> get.bucket(this.bucket).key(key)))
						.url()
						.toString();
				}
				catch (RuntimeException ex) {
					logSigningUnavailable(ex.toString());
				}
			}
			else {
				logSigningUnavailable("the presigner is not ready yet");
			}
		}
		return this.uris.uri(name);
	}

	private void logSigningUnavailable(String why) {
		if (this.signingUnavailableLogged.compareAndSet(false, true)) {
			logger.warn("Recording s3:// URIs instead of presigned URLs for bucket '{}': {} (logged once)", this.bucket,
					why);
		}
	}

	/**
	 * Returns the object key a recorded URI stands for: an {@code s3://} URI of this
	 * uploader, or a presigned URL whose last path segment is the object name.
	 * @param uri a URI returned by {@link #generateDestinationUri(Blob)}
	 * @return the key
	 * @throws IllegalArgumentException if the URI is not one of this uploader's
	 */
	String keyOf(String uri) {
		return this.uris.keyOf(uri);
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		String key = this.uris.keyToUpload(uri);
		S3Client s3 = client();
		Map<String, String> metadata = ObjectMetadata.fromLabels(blob.labels(), ObjectMetadata.S3_MAX_TOTAL_BYTES);
		try {
			if (blob.size() > this.options.multipartThreshold()) {
				uploadMultipart(s3, key, blob, metadata);
			}
			else {
				PutObjectRequest.Builder put = PutObjectRequest.builder()
					.bucket(this.bucket)
					.key(key)
					.contentType(blob.contentType())
					.contentLength((long) blob.size())
					.metadata(metadata)
					.tagging(RetentionMarks.s3Tagging(blob));
				if (this.options.serverSideEncryption() != null) {
					put.serverSideEncryption(this.options.serverSideEncryption());
					put.ssekmsKeyId(this.options.kmsKeyId());
				}
				s3.putObject(put.build(),
						RequestBody.fromContentProvider(blob::newInputStream, blob.size(), blob.contentType()));
			}
		}
		catch (SdkException ex) {
			throw classify(ex);
		}
	}

	@Override
	public String storedUnder() {
		return this.uris.uriPrefix();
	}

	/**
	 * Copies the object onto itself, which makes it a new object as far as lifecycle
	 * rules count (they count days from creation): one {@code CopyObject} request, within
	 * the bucket, with no data sent by the application. S3 refuses a copy onto itself
	 * that changes nothing, so the metadata is replaced with the re-using blob's (its
	 * content type and labels) and the tags with its retention tag.
	 */
	@Override
	public boolean refresh(String uri, Blob blob, Instant now) throws IOException {
		String key = this.uris.keyToUpload(uri);
		S3Client s3 = client();
		CopyObjectRequest.Builder copy = CopyObjectRequest.builder()
			.sourceBucket(this.bucket)
			.sourceKey(key)
			.destinationBucket(this.bucket)
			.destinationKey(key)
			.metadataDirective(MetadataDirective.REPLACE)
			.contentType(blob.contentType())
			.metadata(ObjectMetadata.fromLabels(blob.labels(), ObjectMetadata.S3_MAX_TOTAL_BYTES));
		String tagging = RetentionMarks.s3Tagging(blob);
		if (tagging != null) {
			copy.taggingDirective(TaggingDirective.REPLACE).tagging(tagging);
		}
		if (this.options.serverSideEncryption() != null) {
			copy.serverSideEncryption(this.options.serverSideEncryption());
			copy.ssekmsKeyId(this.options.kmsKeyId());
		}
		try {
			s3.copyObject(copy.build());
			return true;
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404 && ex.awsErrorDetails() != null
					&& "NoSuchKey".equals(ex.awsErrorDetails().errorCode())) {
				return false;
			}
			throw classify(ex);
		}
		catch (SdkException ex) {
			throw classify(ex);
		}
	}

	@Override
	public void check() throws IOException {
		uploadSync(this.uris.uri(PROBE_OBJECT_NAME), StorageProbe.probeBlob());
	}

	private S3Client client() throws IOException {
		try {
			return this.client.get();
		}
		catch (SdkClientException ex) {
			// Building the client fails for configuration only: no region, bad endpoint.
			throw new PermanentUploadException(
					"Cannot create the S3 client for bucket '" + this.bucket + "': " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			throw new PermanentUploadException("Cannot create the S3 client for bucket '" + this.bucket + "': " + ex,
					ex);
		}
	}

	private void uploadMultipart(S3Client s3, String key, Blob blob, Map<String, String> metadata) {
		CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder()
			.bucket(this.bucket)
			.key(key)
			.contentType(blob.contentType())
			.metadata(metadata)
			.tagging(RetentionMarks.s3Tagging(blob));
		if (this.options.serverSideEncryption() != null) {
			create.serverSideEncryption(this.options.serverSideEncryption());
			create.ssekmsKeyId(this.options.kmsKeyId());
		}
		String uploadId = s3.createMultipartUpload(create.build()).uploadId();
		boolean completed = false;
		try {
			ByteBuffer content = blob.asReadOnlyByteBuffer();
			int size = blob.size();
			int partSize = (int) this.options.partSize();
			List<CompletedPart> parts = new ArrayList<>();
			for (int offset = 0, number = 1; offset < size; offset += partSize, number++) {
				int length = Math.min(partSize, size - offset);
				ByteBuffer part = content.slice(offset, length);
				int partNumber = number;
				UploadPartResponse response = s3.uploadPart(
						(request) -> request.bucket(this.bucket)
							.key(key)
							.uploadId(uploadId)
							.partNumber(partNumber)
							.contentLength((long) length),
						RequestBody.fromContentProvider(() -> new ByteBufferInputStream(part.duplicate()), length,
								blob.contentType()));
				parts.add(CompletedPart.builder()
					.partNumber(partNumber)
					.eTag(response.eTag())
					.checksumCRC32(response.checksumCRC32())
					.build());
			}
			s3.completeMultipartUpload((request) -> request.bucket(this.bucket)
				.key(key)
				.uploadId(uploadId)
				.multipartUpload((upload) -> upload.parts(parts)));
			completed = true;
		}
		finally {
			if (!completed) {
				abortQuietly(s3, key, uploadId);
			}
		}
	}

	private void abortQuietly(S3Client s3, String key, String uploadId) {
		try {
			s3.abortMultipartUpload((request) -> request.bucket(this.bucket).key(key).uploadId(uploadId));
		}
		catch (RuntimeException ex) {
			logger.debug("Aborting multipart upload {} in bucket '{}' failed; a lifecycle rule should clean it up",
					uploadId, this.bucket, ex);
		}
	}

	/**
	 * Turns an SDK exception into a permanent or a retryable upload failure.
	 * @param ex what the SDK threw
	 * @return the exception to throw
	 */
	IOException classify(SdkException ex) {
		if (ex instanceof S3Exception s3) {
			int status = s3.statusCode();
			String code = (s3.awsErrorDetails() != null) ? s3.awsErrorDetails().errorCode() : null;
			String message = (s3.awsErrorDetails() != null) ? s3.awsErrorDetails().errorMessage() : s3.getMessage();
			String answer = "S3 answered " + status + ((code != null) ? " " + code : "")
					+ ((message != null) ? ": " + message : "");
			if (isPermanent(status, code)) {
				return new PermanentUploadException(
						"Upload to bucket '" + this.bucket + "' failed permanently; " + answer, ex);
			}
			return new IOException("Upload to bucket '" + this.bucket + "' failed; " + answer, ex);
		}
		String message = String.valueOf(ex.getMessage());
		if (message.contains("Unable to load credentials") || message.contains("Unable to load region")) {
			return new PermanentUploadException("Upload to bucket '" + this.bucket + "' failed permanently: " + message,
					ex);
		}
		return new IOException("Upload to bucket '" + this.bucket + "' failed: " + message, ex);
	}

	static boolean isPermanent(int status, @Nullable String code) {
		return StorageErrors.isPermanent(status, code, RETRYABLE_CODES);
	}

	@Override
	public String toString() {
		return "S3BlobUploader[" + this.uris.uriPrefix() + "]";
	}

	/** Reads a buffer without copying it. */
	private static final class ByteBufferInputStream extends InputStream {

		private final ByteBuffer buffer;

		ByteBufferInputStream(ByteBuffer buffer) {
			this.buffer = buffer;
		}

		@Override
		public int read() {
			return this.buffer.hasRemaining() ? (this.buffer.get() & 0xFF) : -1;
		}

		@Override
		public int read(byte[] target, int offset, int length) {
			Objects.checkFromIndexSize(offset, length, target.length);
			if (length == 0) {
				return 0;
			}
			if (!this.buffer.hasRemaining()) {
				return -1;
			}
			int count = Math.min(length, this.buffer.remaining());
			this.buffer.get(target, offset, count);
			return count;
		}

		@Override
		public int available() {
			return this.buffer.remaining();
		}

		@Override
		public long skip(long n) {
			int count = (int) Math.max(0, Math.min(n, this.buffer.remaining()));
			this.buffer.position(this.buffer.position() + count);
			return count;
		}

	}

}
