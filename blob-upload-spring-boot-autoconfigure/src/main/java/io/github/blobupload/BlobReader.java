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
 * A reader only ever reads under its uploader's own prefix ({@link #uriPrefix()}): a URI
 * naming another bucket, container, folder or path, one that would step out of the prefix
 * ({@code ..}, {@code %2e%2e}, backslashes, absolute paths), or one holding a character
 * outside the object-key rules ({@code A-Z a-z 0-9 . _ -} per segment, no segment
 * starting with a dot) is treated as absent, whatever it says, and nothing is read from
 * storage. A provider that cannot read simply offers no reader, and the viewer then has
 * nothing to show for it.
 * <p>
 * Reading takes the <em>storage URI</em> ({@code s3://}, {@code gs://},
 * {@code azblob://}, {@code file:}), never a signed URL: when an uploader records signed
 * URLs, map them with {@link #storageUri(String)} first.
 * <p>
 * Methods do blocking I/O on the calling thread; they are safe to call concurrently.
 */
public interface BlobReader {

	/**
	 * Returns the canonical prefix of the storage URIs this reader can read, such as
	 * {@code s3://bucket/traces/} or {@code file:///var/lib/app/blobs/}.
	 * @return the prefix, ending with {@code /}
	 */
	String uriPrefix();

	/**
	 * Returns the storage URI a recorded URI stands for: the URI itself when it is a
	 * storage URI under {@link #uriPrefix()}, or the storage URI of the object a signed
	 * URL of this uploader points at (its query and host are ignored). Does no I/O.
	 * @param recordedUri a URI the uploader returned
	 * @return the storage URI, or empty if the URI is not one of this uploader's
	 */
	Optional<String> storageUri(String recordedUri);

	/**
	 * Opens an object for reading, streaming its bytes (the object is never held in
	 * memory whole). The caller closes the result.
	 * <p>
	 * A range is clipped to the object: {@code last} beyond the end means "to the end". A
	 * range starting at or beyond the end cannot be satisfied: then
	 * {@link RangeNotSatisfiableException} is thrown, carrying the object's size (an HTTP
	 * viewer answers {@code 416} with {@code Content-Range: bytes *}{@code /size}).
	 * @param uri the object's storage URI, as {@link #storageUri(String)} returns it
	 * @param range the bytes wanted, or {@code null} for all of them
	 * @return the object, or empty if it does not exist or is not under this reader's
	 * prefix
	 * @throws RangeNotSatisfiableException if the range starts at or beyond the end
	 * @throws IOException if storage could not be read
	 */
	Optional<StoredBlob> open(String uri, @Nullable ByteRange range) throws IOException;

	/**
	 * Lists the objects whose storage URI starts with the given one, in no particular
	 * order, leaving out what this uploader could not have written (names outside the
	 * object-key rules, the {@code file:} provider's sidecars and temporary files).
	 * @param uriPrefix a URI under this reader's prefix, such as
	 * {@code s3://bucket/traces/_index/4bf92f3577b34da6a3ce929d0e0e4736/}
	 * @param limit the most URIs to return, at least 1
	 * @return the objects' storage URIs, at most {@code limit}; empty if the prefix is
	 * not under this reader's prefix
	 * @throws IOException if storage could not be listed
	 */
	List<String> list(String uriPrefix, int limit) throws IOException;

	/**
	 * Returns the signer of short-lived GET URLs for this reader's objects, when the
	 * store can sign them.
	 * @return the signer, or empty (the default) when the store cannot sign
	 */
	default Optional<BlobUrlSigner> urlSigner() {
		return Optional.empty();
	}

}
