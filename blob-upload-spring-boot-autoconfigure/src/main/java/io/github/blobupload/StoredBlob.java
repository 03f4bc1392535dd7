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
import java.io.InputStream;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * An object opened by a {@link BlobReader}: what storage says of it and a stream of its
 * bytes (all of them, or the range asked for). Close it to release the connection.
 *
 * @param uri the object's storage URI
 * @param contentType the content type it was stored with
 * @param size the object's whole size in bytes
 * @param etag an entity tag that changes when the object does, or {@code null}
 * @param labels the labels stored with it (trace id, span id, use case...)
 * @param range the bytes {@code content} holds, clipped to the object; {@code null} when
 * it holds them all
 * @param content the bytes
 */
public record StoredBlob(String uri, String contentType, long size, @Nullable String etag, Map<String, String> labels,
		@Nullable ByteRange range, InputStream content) implements AutoCloseable {

	/**
	 * Returns how many bytes {@link #content()} holds.
	 * @return the length of the range, or the size
	 */
	public long contentLength() {
		return (this.range != null) ? this.range.last() - this.range.first() + 1 : this.size;
	}

	@Override
	public void close() throws IOException {
		this.content.close();
	}

}
