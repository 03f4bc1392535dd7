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
 * Names the object a blob is stored as, relative to an uploader's prefix. Called on the
 * caller's thread, so it must be cheap and must not touch storage.
 *
 * @see BlobNamingStrategies
 */
@FunctionalInterface
public interface BlobNamingStrategy {

	/**
	 * Returns the object name for the blob.
	 * @param blob the blob
	 * @return a name for which {@link #isSafeName(String)} holds; an uploader refuses any
	 * other
	 */
	String objectName(Blob blob);

	/**
	 * Returns whether a string is a safe object name: one path segment of 1 to 255
	 * characters, each of {@code A-Z a-z 0-9 . _ -}, that does not start with a dot (so
	 * neither {@code .}, {@code ..} nor a hidden name). The uploaders accept only such
	 * names, and the viewer serves only such names.
	 * @param name the candidate
	 * @return whether it is a safe object name
	 */
	static boolean isSafeName(String name) {
		if (name.isEmpty() || name.length() > 255 || name.charAt(0) == '.') {
			return false;
		}
		for (int i = 0; i < name.length(); i++) {
			char c = name.charAt(i);
			if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
					|| c == '-')) {
				return false;
			}
		}
		return true;
	}

}
