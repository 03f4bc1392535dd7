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
 * Thrown by {@link BlobReader#open} when the range asked for starts at or beyond the end
 * of the object; it carries the object's size so that an HTTP viewer can answer
 * {@code 416 Range Not Satisfiable} with {@code Content-Range: bytes *}{@code /size}.
 */
public final class RangeNotSatisfiableException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final transient ByteRange range;

	private final long size;

	/**
	 * Creates an exception.
	 * @param uri the object's storage URI
	 * @param range the range asked for
	 * @param size the object's size in bytes
	 */
	public RangeNotSatisfiableException(String uri, ByteRange range, long size) {
		super("The range " + range.first() + "-" + ((range.last() == Long.MAX_VALUE) ? "" : range.last())
				+ " cannot be satisfied: " + uri + " has " + size + " bytes");
		this.range = range;
		this.size = size;
	}

	/**
	 * Returns the range that was asked for.
	 * @return the range
	 */
	public ByteRange range() {
		return this.range;
	}

	/**
	 * Returns the object's size.
	 * @return the size in bytes
	 */
	public long size() {
		return this.size;
	}

}
