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

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * W3C trace-context ids, and other ids of hexadecimal digits, in their canonical form:
 * lower case, of the right length, not all zero. Anything else is not an id.
 */
public final class HexIds {

	private HexIds() {
	}

	/**
	 * Returns the trace id in its canonical form, if it is one.
	 * @param traceId a trace id
	 * @return 32 lower-case hexadecimal characters, not all zero; or {@code null}
	 */
	public static @Nullable String traceId(@Nullable String traceId) {
		return hexId(traceId, 32);
	}

	/**
	 * Returns the span id in its canonical form, if it is one.
	 * @param spanId a span id
	 * @return 16 lower-case hexadecimal characters, not all zero; or {@code null}
	 */
	public static @Nullable String spanId(@Nullable String spanId) {
		return hexId(spanId, 16);
	}

	/**
	 * Returns an id in its canonical form, if it is one.
	 * @param id an id
	 * @param length how many hexadecimal digits it has
	 * @return {@code length} lower-case hexadecimal characters, not all zero; or
	 * {@code null}
	 */
	public static @Nullable String hexId(@Nullable String id, int length) {
		if (id == null || id.length() != length) {
			return null;
		}
		String lower = id.toLowerCase(Locale.ROOT);
		boolean nonZero = false;
		for (int i = 0; i < length; i++) {
			char c = lower.charAt(i);
			if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
				return null;
			}
			nonZero |= c != '0';
		}
		return nonZero ? lower : null;
	}

}
