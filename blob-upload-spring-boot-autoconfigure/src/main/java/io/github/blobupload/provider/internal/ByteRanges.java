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

package io.github.blobupload.provider.internal;

import io.github.blobupload.ByteRange;
import io.github.blobupload.RangeNotSatisfiableException;

/**
 * Clips the byte ranges asked of a {@link io.github.blobupload.BlobReader} to the object,
 * one rule for every provider.
 */
public final class ByteRanges {

	private ByteRanges() {
	}

	/**
	 * Clips a range to an object of the given size.
	 * @param uri the object's storage URI, for the message
	 * @param range the range asked for
	 * @param size the object's size in bytes
	 * @return the range, its end at most the object's last byte
	 * @throws RangeNotSatisfiableException if the range starts at or beyond the end
	 */
	public static ByteRange clip(String uri, ByteRange range, long size) {
		if (range.first() >= size) {
			throw new RangeNotSatisfiableException(uri, range, size);
		}
		return (range.last() < size) ? range : new ByteRange(range.first(), size - 1);
	}

	/**
	 * Returns the value of an HTTP {@code Range} header for a range.
	 * @param range the range
	 * @return {@code bytes=first-last}, or {@code bytes=first-} to the end
	 */
	public static String httpRange(ByteRange range) {
		return "bytes=" + range.first() + "-" + ((range.last() == Long.MAX_VALUE) ? "" : Long.toString(range.last()));
	}

}
