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

package io.github.blobupload.viewer;

import java.util.Locale;

import io.github.blobupload.ByteRange;
import org.jspecify.annotations.Nullable;

/**
 * One range of an HTTP {@code Range} header ({@code bytes=first-last},
 * {@code bytes=first-} or the suffix {@code bytes=-length}). Headers this viewer does not
 * serve as a range (another unit, several ranges, bad syntax) are ignored, as RFC 9110
 * allows: the whole object is sent.
 *
 * @param first the first byte, or -1 for a suffix range
 * @param last the last byte ({@link Long#MAX_VALUE} for "to the end"), or the suffix
 * length for a suffix range
 */
record RequestedRange(long first, long last) {

	private static final int MAX_HEADER_LENGTH = 100;

	/**
	 * Parses a {@code Range} header.
	 * @param header the header, or {@code null}
	 * @return the range, or {@code null} when the whole object is to be sent
	 */
	static @Nullable RequestedRange parse(@Nullable String header) {
		if (header == null || header.length() > MAX_HEADER_LENGTH) {
			return null;
		}
		String value = header.strip().toLowerCase(Locale.ROOT);
		if (!value.startsWith("bytes=") || value.indexOf(',') >= 0) {
			return null;
		}
		String spec = value.substring("bytes=".length()).strip();
		int dash = spec.indexOf('-');
		if (dash < 0) {
			return null;
		}
		try {
			String from = spec.substring(0, dash).strip();
			String to = spec.substring(dash + 1).strip();
			if (from.isEmpty()) {
				return to.isEmpty() ? null : new RequestedRange(-1, parseDigits(to));
			}
			long first = parseDigits(from);
			long last = to.isEmpty() ? Long.MAX_VALUE : parseDigits(to);
			return (last >= first) ? new RequestedRange(first, last) : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	private static long parseDigits(String digits) {
		if (digits.isEmpty() || !digits.chars().allMatch((c) -> c >= '0' && c <= '9')) {
			throw new NumberFormatException(digits);
		}
		return Long.parseLong(digits);
	}

	/**
	 * Returns whether this is a suffix range, which needs the object's size to resolve.
	 * @return whether it counts from the end
	 */
	boolean isSuffix() {
		return this.first < 0;
	}

	/**
	 * Returns the bytes to ask the reader for.
	 * @param size the object's size, needed for a suffix range only
	 * @return the byte range, or {@code null} when it cannot be satisfied (an empty
	 * suffix or an empty object)
	 */
	@Nullable ByteRange toByteRange(long size) {
		if (!isSuffix()) {
			return new ByteRange(this.first, this.last);
		}
		if (this.last == 0 || size == 0) {
			return null;
		}
		return new ByteRange(Math.max(0, size - this.last), size - 1);
	}

}
