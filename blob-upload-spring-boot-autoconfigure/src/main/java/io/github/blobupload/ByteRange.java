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
 * A range of bytes of a stored object, as an HTTP {@code Range} request asks for one:
 * from {@code first} to {@code last}, both included.
 *
 * @param first the offset of the first byte, from 0
 * @param last the offset of the last byte, at least {@code first}; {@link Long#MAX_VALUE}
 * for "to the end"
 */
public record ByteRange(long first, long last) {

	/**
	 * Creates a range.
	 * @param first the first byte
	 * @param last the last byte
	 */
	public ByteRange {
		if (first < 0 || last < first) {
			throw new IllegalArgumentException("Invalid byte range " + first + "-" + last);
		}
	}

	/**
	 * Returns the range from the given byte to the end.
	 * @param first the first byte
	 * @return the range
	 */
	public static ByteRange from(long first) {
		return new ByteRange(first, Long.MAX_VALUE);
	}

}
