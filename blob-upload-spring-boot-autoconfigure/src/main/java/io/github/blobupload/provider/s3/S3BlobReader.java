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

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;

import io.github.blobupload.BlobUrlSigner;
import io.github.blobupload.ByteRange;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.provider.internal.ByteRanges;
import io.github.blobupload.provider.internal.KeyedBlobReader;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.ObjectMetadata;
import io.github.blobupload.provider.internal.RecordedUris;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Reads back the objects of one {@link S3BlobUploader}, through its client: one
 * {@code GetObject} (with a {@code Range} header when asked) per open, streamed;
 * {@code ListObjectsV2} by prefix for listing. The stream holds one of the client's
 * pooled connections until it is closed; closed with more than
 * {@value AbortingStream#DRAIN_LIMIT} bytes unread (a viewer client gone or cut off), the
 * request is aborted rather than the rest downloaded to keep the connection. With a
 * presigner, it also signs GET URLs with {@code response-content-type} and
 * {@code response-content-disposition}.
 */
final class S3BlobReader extends KeyedBlobReader implements BlobUrlSigner {

	/** A key signed only to learn the origin of the presigner's URLs; never fetched. */
	private static final String ORIGIN_PROBE_KEY = "blob-upload-origin";

	private final String bucket;

	private final LazyClient<S3Client> client;

	private final @Nullable LazyClient<S3Presigner> presigner;

	S3BlobReader(String bucket, RecordedUris uris, LazyClient<S3Client> client,
			@Nullable LazyClient<S3Presigner> presigner) {
		super(uris);
		this.bucket = bucket;
		this.client = client;
		this.presigner = presigner;
	}

	@Override
	public Optional<BlobUrlSigner> urlSigner() {
		return (this.presigner != null) ? Optional.of(this) : Optional.empty();
	}

	@Override
	public Optional<URI> signedGet(String uri, Duration expiry, String contentType, String contentDisposition)
			throws IOException {
		Optional<String> key = readableKey(uri);
		if (key.isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(presign(key.get(), expiry, contentType, contentDisposition));
	}

	@Override
	public String origin() throws IOException {
		URI signed = presign(ORIGIN_PROBE_KEY, Duration.ofMinutes(1), "application/octet-stream", "attachment");
		return signed.getScheme() + "://" + signed.getRawAuthority();
	}

	private URI presign(String key, Duration expiry, String contentType, String contentDisposition) throws IOException {
		if (this.presigner == null) {
			throw new IOException("No S3 presigner for bucket '" + this.bucket + "'");
		}
		try {
			return this.presigner.get()
				.presignGetObject((presign) -> presign.signatureDuration(expiry)
					.getObjectRequest((get) -> get.bucket(this.bucket)
						.key(key)
						.responseContentType(contentType)
						.responseContentDisposition(contentDisposition)))
				.url()
				.toURI();
		}
		catch (RuntimeException | URISyntaxException ex) {
			// The exception's message may hold the URL: only its type is told.
			throw new IOException("Cannot presign a GET for bucket '" + this.bucket + "': " + ex.getClass().getName());
		}
	}

	@Override
	protected Optional<StoredBlob> open(String uri, String key, @Nullable ByteRange range) throws IOException {
		S3Client s3 = client();
		ResponseInputStream<GetObjectResponse> stream;
		try {
			stream = s3.getObject((get) -> get.bucket(this.bucket)
				.key(key)
				.range((range != null) ? ByteRanges.httpRange(range) : null));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return Optional.empty();
			}
			if (ex.statusCode() == 416 && range != null) {
				HeadObjectResponse head = head(s3, key);
				if (head == null) {
					return Optional.empty();
				}
				ByteRanges.clip(uri, range, head.contentLength());
			}
			throw failure("Reading " + uri, ex);
		}
		catch (SdkException ex) {
			throw failure("Reading " + uri, ex);
		}
		GetObjectResponse response = stream.response();
		long size = sizeOf(response);
		ByteRange served = null;
		if (range != null) {
			try {
				served = ByteRanges.clip(uri, range, size);
			}
			catch (RuntimeException ex) {
				stream.abort();
				throw ex;
			}
		}
		String contentType = (response.contentType() != null) ? response.contentType() : "application/octet-stream";
		long length = (served != null) ? served.last() - served.first() + 1 : size;
		return Optional.of(new StoredBlob(uri, contentType, size, response.eTag(),
				ObjectMetadata.toLabels(response.metadata()), served, new AbortingStream(stream, length)));
	}

	private @Nullable HeadObjectResponse head(S3Client s3, String key) throws IOException {
		try {
			return s3.headObject((head) -> head.bucket(this.bucket).key(key));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return null;
			}
			throw failure("Reading s3://" + this.bucket + "/" + key, ex);
		}
		catch (SdkException ex) {
			throw failure("Reading s3://" + this.bucket + "/" + key, ex);
		}
	}

	/**
	 * The whole size: from {@code Content-Range: bytes a-b/size} when a range was served.
	 */
	private static long sizeOf(GetObjectResponse response) {
		String contentRange = response.contentRange();
		if (contentRange != null && contentRange.lastIndexOf('/') > 0) {
			String total = contentRange.substring(contentRange.lastIndexOf('/') + 1).trim();
			if (!total.equals("*")) {
				return Long.parseLong(total);
			}
		}
		return (response.contentLength() != null) ? response.contentLength() : 0;
	}

	@Override
	protected void listKeys(String uriPrefix, String keyPrefix, int limit, Predicate<String> more) throws IOException {
		try {
			for (S3Object object : client()
				.listObjectsV2Paginator(
						(list) -> list.bucket(this.bucket).prefix(keyPrefix).maxKeys(Math.min(limit, 1000)))
				.contents()) {
				if (!more.test(object.key())) {
					break;
				}
			}
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return;
			}
			throw failure("Listing " + uriPrefix, ex);
		}
		catch (SdkException ex) {
			throw failure("Listing " + uriPrefix, ex);
		}
	}

	private S3Client client() throws IOException {
		try {
			return this.client.get();
		}
		catch (RuntimeException ex) {
			throw new IOException("Cannot create the S3 client for bucket '" + this.bucket + "': " + ex.getMessage(),
					ex);
		}
	}

	/**
	 * Builds the exception for a failed request: S3's status and error code, never the
	 * request (its URL could be signed).
	 */
	static IOException failure(String what, SdkException ex) {
		if (ex instanceof S3Exception s3 && s3.awsErrorDetails() != null) {
			return new IOException(
					what + " failed; S3 answered " + s3.statusCode() + " " + s3.awsErrorDetails().errorCode(), ex);
		}
		return new IOException(what + " failed: " + ex.getMessage(), ex);
	}

	/**
	 * An object's bytes that, closed early, abort the request: the SDK's own stream would
	 * read the rest of the object to put the connection back in the pool.
	 */
	static final class AbortingStream extends FilterInputStream {

		/** The most unread bytes read to the end on close, to keep the connection. */
		static final long DRAIN_LIMIT = 64 * 1024;

		private final ResponseInputStream<GetObjectResponse> response;

		private long remaining;

		AbortingStream(ResponseInputStream<GetObjectResponse> response, long length) {
			super(response);
			this.response = response;
			this.remaining = length;
		}

		@Override
		public int read() throws IOException {
			int read = super.read();
			if (read >= 0) {
				this.remaining--;
			}
			else {
				this.remaining = 0;
			}
			return read;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int read = super.read(buffer, offset, length);
			this.remaining = (read >= 0) ? this.remaining - read : 0;
			return read;
		}

		@Override
		public long skip(long n) throws IOException {
			long skipped = super.skip(n);
			this.remaining -= skipped;
			return skipped;
		}

		@Override
		public void close() throws IOException {
			if (this.remaining > DRAIN_LIMIT) {
				this.response.abort();
			}
			super.close();
		}

	}

}
