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

package io.github.blobupload.provider;

import java.util.StringJoiner;

import io.github.blobupload.BlobNamingStrategy;

/**
 * Builds object keys only from safe characters ({@code A-Z a-z 0-9 . _ -}), whatever a
 * use-case name or label holds: no path traversal, no control characters, no separators a
 * store would interpret.
 */
public final class ObjectKeys {

	/** The longest segment produced by {@link #safeSegment(String)}. */
	public static final int MAX_SEGMENT_LENGTH = 64;

	private ObjectKeys() {
	}

	/**
	 * Makes one path segment safe: every character outside {@code A-Z a-z 0-9 . _ -}
	 * becomes {@code _}, a leading dot becomes {@code _} (so {@code .} and {@code ..}
	 * cannot occur), and the result is cut to {@value #MAX_SEGMENT_LENGTH} characters.
	 * @param raw any string
	 * @return a non-empty safe segment
	 */
	public static String safeSegment(String raw) {
		if (raw == null || raw.isEmpty()) {
			return "_";
		}
		int length = Math.min(raw.length(), MAX_SEGMENT_LENGTH);
		StringBuilder safe = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char c = raw.charAt(i);
			safe.append(isSafe(c) && !(i == 0 && c == '.') ? c : '_');
		}
		return safe.toString();
	}

	/**
	 * Returns whether a path (segments separated by {@code /}, no leading or trailing
	 * slash) is made only of safe segments.
	 * @param path the path; the empty string is safe
	 * @return whether each segment is a {@linkplain BlobNamingStrategy#isSafeName safe
	 * name}: non-empty, at most 255 characters, not starting with a dot and holding only
	 * safe characters
	 */
	public static boolean isSafePath(String path) {
		if (path.isEmpty()) {
			return true;
		}
		for (String segment : path.split("/", -1)) {
			if (!BlobNamingStrategy.isSafeName(segment)) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Joins path parts with {@code /}, skipping empty ones.
	 * @param parts the parts, each already safe
	 * @return the joined path
	 */
	public static String join(String... parts) {
		StringJoiner joiner = new StringJoiner("/");
		for (String part : parts) {
			if (part != null && !part.isEmpty()) {
				joiner.add(part);
			}
		}
		return joiner.toString();
	}

	private static boolean isSafe(char c) {
		// The API's name rule decides the characters; a lone dot is no name, but a dot
		// inside one is safe.
		return c == '.' || BlobNamingStrategy.isSafeName(String.valueOf(c));
	}

}
