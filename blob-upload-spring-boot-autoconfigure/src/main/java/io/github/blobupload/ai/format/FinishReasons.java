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

package io.github.blobupload.ai.format;

import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Turns the finish reasons that model providers report, as Spring AI passes them on, into
 * the values of the OpenTelemetry GenAI conventions ({@code stop}, {@code length},
 * {@code content_filter}, {@code tool_call}, {@code error}). Other values are kept,
 * lower-cased, as the conventions allow. The output message schema requires a finish
 * reason: when the provider gave none (an interrupted stream, a provider without one),
 * {@value #UNKNOWN} is recorded rather than a guess.
 */
public final class FinishReasons {

	/** Recorded when the provider gave no finish reason. */
	public static final String UNKNOWN = "unknown";

	private static final Map<String, String> CONVENTION = Map.ofEntries(Map.entry("stop", "stop"),
			Map.entry("end_turn", "stop"), Map.entry("stop_sequence", "stop"), Map.entry("completed", "stop"),
			Map.entry("length", "length"), Map.entry("max_tokens", "length"),
			Map.entry("content_filter", "content_filter"), Map.entry("safety", "content_filter"),
			Map.entry("tool_calls", "tool_call"), Map.entry("tool_call", "tool_call"),
			Map.entry("tool_use", "tool_call"), Map.entry("function_call", "tool_call"), Map.entry("error", "error"));

	private FinishReasons() {
	}

	/**
	 * Returns the finish reason to record.
	 * @param reported what the provider reported, such as {@code STOP} or
	 * {@code tool_calls}, or {@code null}
	 * @return the convention's value, the reported value lower-cased, or
	 * {@value #UNKNOWN}
	 */
	public static String of(@Nullable String reported) {
		if (reported == null || reported.isBlank()) {
			return UNKNOWN;
		}
		String lower = reported.strip().toLowerCase(Locale.ROOT);
		return CONVENTION.getOrDefault(lower, lower);
	}

}
