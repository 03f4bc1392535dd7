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

import io.github.blobupload.provider.ObjectKeys;

/**
 * Helpers for the providers' URI prefixes. The scheme that selects a provider is
 * {@link io.github.blobupload.provider.BlobStorageProvider#schemeOf}.
 */
public final class UriPrefixes {

	private UriPrefixes() {
	}

	/**
	 * Returns the key prefix the path of a prefix stands for, such as
	 * {@code genai/blobs/} for the path of {@code s3://bucket/genai/blobs}.
	 * @param path what follows the bucket (or container) and its slash; trailing slashes
	 * are ignored
	 * @param uriPrefix the whole prefix, for the message
	 * @param example a valid prefix, for the message
	 * @return the key prefix, empty or ending with {@code /}
	 * @throws IllegalArgumentException if a segment of the path is empty, starts with a
	 * dot or holds a character outside {@code A-Z a-z 0-9 . _ -}
	 */
	public static String keyPrefix(String path, String uriPrefix, String example) {
		String trimmed = path;
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (!ObjectKeys.isSafePath(trimmed)) {
			throw new IllegalArgumentException("The path '" + trimmed + "' in '" + uriPrefix
					+ "' must be made of segments of the characters A-Z a-z 0-9 . _ - (not starting with a dot), "
					+ "separated by single slashes; for example " + example);
		}
		return trimmed.isEmpty() ? "" : trimmed + "/";
	}

}
