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

package io.github.blobupload.export.media;

/**
 * Cheap tests for {@code data:} URLs; parsing them is
 * {@link io.github.blobupload.Blob#fromDataUri(String)}'s, reached through the offloader.
 */
final class DataUrls {

	private DataUrls() {
	}

	/**
	 * Returns whether a text is a {@code data:} URL (by its scheme, case-insensitive).
	 * @param text the text
	 * @return whether it starts with {@code data:}
	 */
	static boolean isDataUrl(String text) {
		return text.regionMatches(true, 0, "data:", 0, 5);
	}

	/**
	 * Returns whether a base64 {@code data:} URL was cut short, as an attribute length
	 * limit cuts it: its base64 ends within a 4-character quantum. (One cut at a
	 * quantum's end decodes to fewer bytes and cannot be told from a whole one.)
	 * @param dataUrl a {@code data:} URL
	 * @return whether its base64 data is incomplete
	 */
	static boolean isCutShort(String dataUrl) {
		int comma = dataUrl.indexOf(',');
		if (comma < 0) {
			return true;
		}
		if (!dataUrl.regionMatches(true, comma - 7, ";base64", 0, 7)) {
			return false;
		}
		int length = 0;
		for (int i = comma + 1; i < dataUrl.length(); i++) {
			if (!Character.isWhitespace(dataUrl.charAt(i))) {
				length++;
			}
		}
		return length % 4 != 0;
	}

	/**
	 * Returns whether a text may hold a {@code data:} URL somewhere.
	 * @param text the text
	 * @return whether {@code data:} occurs in it (lower case, as written by every
	 * producer seen)
	 */
	static boolean containsDataUrl(String text) {
		return text.contains("data:");
	}

}
