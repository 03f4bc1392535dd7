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
import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An optional capability of a {@link SimpleBlobUploader}: reads back the objects it
 * wrote, through the same client and credentials, for the media viewer. Reached through
 * {@link SimpleBlobUploader#blobReader()} and {@link ManagedBlobUploader#blobReader()}.
 * <p>
 * A reader only ever reads under its uploader's own prefix: a URI naming another bucket,
 * container, folder or path, or one that would step out of the prefix, is treated as
 * absent, whatever it says. A provider that cannot read simply offers no reader, and the
 * viewer then has nothing to show for it.
 */
public interface BlobReader {

	/**
	 * Opens an object for reading, streaming its bytes (the object is never held in
	 * memory whole).
	 * @param uri the object's storage URI, as {@link SimpleBlobUploader#generateDestinationUri}
	 * returned it
	 * @param range the bytes wanted, or {@code null} for all of them
	 * @return the object, or empty if it does not exist or is not under this reader's
	 * prefix
	 * @throws IOException if storage could not be read
	 */
	Optional<StoredBlob> open(String uri, @Nullable ByteRange range) throws IOException;

	/**
	 * Lists the objects whose URI starts with the given one, in no particular order.
	 * @param uriPrefix a URI under this reader's prefix, such as
	 * {@code s3://bucket/traces/_index/4bf92f3577b34da6a3ce929d0e0e4736/}
	 * @param limit the most URIs to return
	 * @return the objects' storage URIs, at most {@code limit}; empty if the prefix is not
	 * under this reader's prefix
	 * @throws IOException if storage could not be listed
	 */
	List<String> list(String uriPrefix, int limit) throws IOException;

}
