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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.github.blobupload.BlobReader;
import io.github.blobupload.provider.internal.KeyedBlobDeleter;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.RecordedUris;

/**
 * Deletes the objects of one {@link GcsBlobUploader}: {@code delete}, which tells whether
 * the object was there; the modification time is the object's update time. Its client may
 * be one for erasure only ({@code storage.objects.delete}, {@code storage.objects.get},
 * {@code storage.objects.list}), while the uploader's stays write-only.
 * <p>
 * A deleted object is kept by the bucket's soft delete for its retention (and, with
 * Object Versioning on, as a noncurrent version), which {@link #residualCopies()} says:
 * the client cannot tell whether soft delete is on without bucket-read rights.
 */
final class GcsBlobDeleter extends KeyedBlobDeleter {

	private final String bucket;

	private final LazyClient<Storage> storage;

	private final GcsBlobReader reader;

	GcsBlobDeleter(String bucket, RecordedUris uris, LazyClient<Storage> storage) {
		super(uris);
		this.bucket = bucket;
		this.storage = storage;
		this.reader = new GcsBlobReader(bucket, uris, storage, null);
	}

	/**
	 * Returns a reader through the deleter's client ({@code storage.objects.get},
	 * {@code storage.objects.list}).
	 */
	@Override
	public Optional<BlobReader> blobReader() {
		return Optional.of(this.reader);
	}

	@Override
	protected boolean delete(String uri, String key) throws IOException {
		Storage client = client();
		try {
			return client.delete(BlobId.of(this.bucket, key));
		}
		catch (StorageException ex) {
			throw GcsBlobReader.failure("Deleting " + uri, ex);
		}
	}

	@Override
	protected Optional<Instant> lastModified(String uri, String key) throws IOException {
		Storage client = client();
		Blob object;
		try {
			object = client.get(BlobId.of(this.bucket, key));
		}
		catch (StorageException ex) {
			if (ex.getCode() == 404) {
				return Optional.empty();
			}
			throw GcsBlobReader.failure("Reading " + uri, ex);
		}
		if (object == null) {
			return Optional.empty();
		}
		OffsetDateTime time = (object.getUpdateTimeOffsetDateTime() != null) ? object.getUpdateTimeOffsetDateTime()
				: object.getCreateTimeOffsetDateTime();
		if (time == null) {
			// Present but of unknown age: never report it old enough to delete.
			throw new IOException("Reading " + uri + " failed; Google Cloud Storage gave no update time");
		}
		return Optional.of(time.toInstant());
	}

	/**
	 * Says that soft delete keeps deleted objects for the bucket's retention.
	 */
	@Override
	public List<String> residualCopies() {
		return List.of("GCS bucket " + this.bucket + ": soft delete keeps deleted objects for the bucket's "
				+ "soft-delete retention (7 days by default) unless it is turned off; with Object Versioning on, "
				+ "they also remain as noncurrent versions until a lifecycle rule deletes them");
	}

	private Storage client() throws IOException {
		try {
			return this.storage.get();
		}
		catch (RuntimeException ex) {
			throw new IOException("Cannot create the Google Cloud Storage client for erasure in gs://" + this.bucket
					+ ": " + ex.getMessage(), ex);
		}
	}

}
