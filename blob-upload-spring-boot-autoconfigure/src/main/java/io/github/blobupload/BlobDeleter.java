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
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * An optional capability of a {@link SimpleBlobUploader}: deletes the objects it wrote,
 * for erasure. Reached through {@link SimpleBlobUploader#blobDeleter()} and
 * {@link ManagedBlobUploader#blobDeleter()}.
 * <p>
 * Like a {@link BlobReader}, a deleter only ever acts under its uploader's own prefix
 * ({@link #uriPrefix()}): a URI outside it, or one breaking the object-key rules, is
 * treated as absent and nothing is sent to storage. A provider may build its deleter with
 * other credentials than its uploader (a client bean for erasure only), so that the
 * uploading application can stay write-only.
 * <p>
 * Methods do blocking I/O on the calling thread; they are safe to call concurrently.
 */
public interface BlobDeleter {

	/**
	 * Returns the canonical prefix of the storage URIs this deleter can delete, the same
	 * as its uploader's reader's {@link BlobReader#uriPrefix()}.
	 * @return the prefix, ending with {@code /}
	 */
	String uriPrefix();

	/**
	 * Deletes an object, with whatever the provider keeps beside it (the {@code file:}
	 * provider's metadata sidecar). Deleting an object that is not there is not an error.
	 * @param uri the object's storage URI
	 * @return {@code true} if it was there and is now deleted, {@code false} if it was
	 * not there (or not under this deleter's prefix)
	 * @throws IOException if storage refused or could not be reached
	 */
	boolean delete(String uri) throws IOException;

	/**
	 * Returns when an object was last written (or its retention refreshed, where that
	 * rewrites it), for erasure's grace window.
	 * @param uri the object's storage URI
	 * @return the time, or empty if the object is not there
	 * @throws IOException if storage could not be reached
	 */
	Optional<Instant> lastModified(String uri) throws IOException;

	/**
	 * Returns a reader of the same objects through this deleter's client, so that erasure
	 * lists and reads the reference index with the rights it deletes with: with a client
	 * for erasure only, the uploading client needs no read or list rights.
	 * @return the reader, or empty to read through the uploader's
	 * {@link SimpleBlobUploader#blobReader() reader}
	 */
	default Optional<BlobReader> blobReader() {
		return Optional.empty();
	}

	/**
	 * Says what a deletion leaves behind in this store, for the erasure receipt: such as
	 * noncurrent versions on a versioned bucket, or soft-deleted copies. Never contains
	 * content or credentials.
	 * @return one sentence per kind of copy left, or an empty list when a delete leaves
	 * nothing (or the store cannot say)
	 */
	default List<String> residualCopies() {
		return List.of();
	}

}
