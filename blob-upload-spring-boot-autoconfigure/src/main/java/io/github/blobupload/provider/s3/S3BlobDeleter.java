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
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.blobupload.BlobReader;
import io.github.blobupload.provider.internal.KeyedBlobDeleter;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.RecordedUris;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Deletes the objects of one {@link S3BlobUploader}: a {@code HeadObject} first (an
 * absent object is reported absent, and no {@code DeleteObject} is sent, which on a
 * versioned bucket would add a delete marker for nothing), then {@code DeleteObject}. Its
 * client may be one for erasure only ({@code s3:DeleteObject}, {@code s3:GetObject},
 * {@code s3:ListBucket}), while the uploader's stays write-only.
 * <p>
 * A deletion answered with a delete marker shows the bucket is versioned: the object
 * stays as a noncurrent version, which {@link #residualCopies()} says from then on.
 */
final class S3BlobDeleter extends KeyedBlobDeleter {

	private final String bucket;

	private final LazyClient<S3Client> client;

	private final AtomicBoolean versioned = new AtomicBoolean();

	private final S3BlobReader reader;

	S3BlobDeleter(String bucket, RecordedUris uris, LazyClient<S3Client> client) {
		super(uris);
		this.bucket = bucket;
		this.client = client;
		this.reader = new S3BlobReader(bucket, uris, client, null);
	}

	/**
	 * Returns a reader through the deleter's client ({@code s3:GetObject},
	 * {@code s3:ListBucket}).
	 */
	@Override
	public Optional<BlobReader> blobReader() {
		return Optional.of(this.reader);
	}

	@Override
	protected boolean delete(String uri, String key) throws IOException {
		S3Client s3 = client();
		if (head(s3, uri, key) == null) {
			return false;
		}
		try {
			DeleteObjectResponse response = s3.deleteObject((delete) -> delete.bucket(this.bucket).key(key));
			if (Boolean.TRUE.equals(response.deleteMarker())) {
				this.versioned.set(true);
			}
			return true;
		}
		catch (SdkException ex) {
			throw S3BlobReader.failure("Deleting " + uri, ex);
		}
	}

	@Override
	protected Optional<Instant> lastModified(String uri, String key) throws IOException {
		HeadObjectResponse head = head(client(), uri, key);
		return (head != null) ? Optional.ofNullable(head.lastModified()) : Optional.empty();
	}

	/**
	 * Says that deleted objects remain as noncurrent versions, once a deletion has shown
	 * the bucket to be versioned.
	 */
	@Override
	public List<String> residualCopies() {
		return this.versioned.get() ? List.of("S3 bucket " + this.bucket
				+ " is versioned: deleted objects remain as noncurrent versions until a lifecycle rule expires them")
				: List.of();
	}

	private @Nullable HeadObjectResponse head(S3Client s3, String uri, String key) throws IOException {
		try {
			return s3.headObject((head) -> head.bucket(this.bucket).key(key));
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 404) {
				return null;
			}
			throw S3BlobReader.failure("Reading " + uri, ex);
		}
		catch (SdkException ex) {
			throw S3BlobReader.failure("Reading " + uri, ex);
		}
	}

	private S3Client client() throws IOException {
		try {
			return this.client.get();
		}
		catch (RuntimeException ex) {
			throw new IOException(
					"Cannot create the S3 client for erasure in bucket '" + this.bucket + "': " + ex.getMessage(), ex);
		}
	}

}
