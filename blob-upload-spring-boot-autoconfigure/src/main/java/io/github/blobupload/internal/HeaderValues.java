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

package io.github.blobupload.internal;

/**
 * The one check that a value can travel as an HTTP header (a content type, in the end) as
 * is: printable ASCII only, so no line break can inject a header and no store rejects it.
 */
public final class HeaderValues {

	private HeaderValues() {
	}

	/**
	 * Returns where the value first holds a control or non-ASCII character.
	 * @param value the value
	 * @return the offset of the first such character, or {@code -1} if there is none
	 */
	public static int indexOfUnsafe(CharSequence value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c < 0x20 || c >= 0x7f) {
				return i;
			}
		}
		return -1;
	}

}
