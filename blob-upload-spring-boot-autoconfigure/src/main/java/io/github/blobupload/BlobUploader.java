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

/**
 * Uploads blobs in the background.
 * <p>
 * {@link #uploadAsync(Blob)} returns at once the URI where the blob is expected to land,
 * so that the caller can record it (on a span, in a log record) before the upload has
 * happened. Implementations never block the caller on storage and never throw for a bad
 * blob or a storage fault: what cannot be uploaded is refused with {@link #NOT_UPLOADED}
 * and counted.
 */
@FunctionalInterface
public interface BlobUploader {

	/**
	 * The URI returned when uploading is disabled or the blob was refused (queue full,
	 * over the size limit, uploader shut down).
	 */
	String NOT_UPLOADED = "/dev/null";

	/**
	 * Schedules the blob for upload and returns where it will be written.
	 * @param blob the blob
	 * @return the destination URI, or {@link #NOT_UPLOADED} if the blob will not be
	 * uploaded
	 */
	String uploadAsync(Blob blob);

}
