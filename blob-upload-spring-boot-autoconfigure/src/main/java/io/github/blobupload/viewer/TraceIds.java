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
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/** Checks W3C Trace Context trace ids. */
final class TraceIds {

	private static final Pattern TRACE_ID = Pattern.compile("[0-9a-f]{32}");

	private TraceIds() {
	}

	/**
	 * Returns whether a string is a valid trace id: 32 lower-case hexadecimal characters,
	 * not all zero.
	 * @param traceId the candidate
	 * @return whether it is valid
	 */
	static boolean isValid(@Nullable String traceId) {
		return traceId != null && TRACE_ID.matcher(traceId).matches() && !traceId.chars().allMatch((c) -> c == '0');
	}

	/**
	 * Normalises what a person typed: trimmed and lower-cased.
	 * @param typed the text
	 * @return the trace id, or {@code null} if it is not one
	 */
	static @Nullable String normalize(@Nullable String typed) {
		if (typed == null || typed.length() > 64) {
			return null;
		}
		String traceId = typed.strip().toLowerCase(Locale.ROOT);
		return isValid(traceId) ? traceId : null;
	}

}
