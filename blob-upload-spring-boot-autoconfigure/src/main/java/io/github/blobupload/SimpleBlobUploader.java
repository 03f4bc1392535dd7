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

package io.github.blobupload;

import java.io.IOException;
import java.util.Optional;

/**
 * A storage provider: names a blob's destination and writes it synchronously.
 * <p>
 * Implement this for a new kind of storage and wrap it with
 * {@code io.github.blobupload.engine.AsyncBlobUploader.builder(simpleBlobUploader).build()}
 * to get the asynchronous, bounded, retrying {@link BlobUploader}. Implementations must
 * be thread-safe: {@link #uploadSync} is called from several worker threads at once.
 */
public interface SimpleBlobUploader {

	/**
	 * Returns the URI the blob will be written to. Called on the caller's thread, so it
	 * must be cheap and must not touch storage.
	 * @param blob the blob
	 * @return the destination URI, such as {@code s3://bucket/prefix/<sha-256>.png}
	 */
	String generateDestinationUri(Blob blob);

	/**
	 * Writes the blob to the given URI, blocking until it is stored.
	 * @param uri a URI returned by {@link #generateDestinationUri(Blob)}
	 * @param blob the blob
	 * @throws PermanentUploadException if retrying cannot help (bucket missing, access
	 * denied); the upload is counted as failed at once
	 * @throws IOException for any other failure, which is retried
	 */
	void uploadSync(String uri, Blob blob) throws IOException;

	/**
	 * Returns the reader of the objects this uploader wrote, for the media viewer, when
	 * its storage can be read back. A decorator passes its delegate's through.
	 * @return the reader, or empty
	 */
	default Optional<BlobReader> blobReader() {
		return Optional.empty();
	}

	/**
	 * Returns the deleter of the objects this uploader wrote, for erasure, when its
	 * storage can delete them. A decorator passes its delegate's through.
	 * @return the deleter, or empty
	 */
	default Optional<BlobDeleter> blobDeleter() {
		return Optional.empty();
	}

}
