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

package io.github.blobupload.ai;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import io.github.blobupload.BlobLabels;

/**
 * The labels the Spring AI integration gives each blob, beside the span's
 * {@link BlobLabels} ({@code otel_type}, {@code trace_id}, {@code span_id}): they say
 * where in the call the media was.
 */
public final class AiBlobLabels {

	/** Label holding the use case, such as {@code chat.input} (see {@link AiUseCases}). */
	public static final String USE_CASE = "use_case";

	/** Label holding the position of the message within the prompt or response, from 0. */
	public static final String MESSAGE_INDEX = "message_index";

	/** Label holding the position of the media within its message, from 0. */
	public static final String PART_INDEX = "part_index";

	private AiBlobLabels() {
	}

	/**
	 * Returns the labels of one piece of media.
	 * @param span the span it belongs to; its ids are left out when it has none
	 * @param useCase the use case
	 * @param messageIndex the position of the message, from 0
	 * @param partIndex the position of the media within the message, from 0
	 * @return a new mutable map
	 */
	static Map<String, String> of(SpanInfo span, String useCase, int messageIndex, int partIndex) {
		Map<String, String> labels = (span.isKnown())
				? BlobLabels.forSpan(Objects.requireNonNull(span.traceId()), Objects.requireNonNull(span.spanId()))
				: new LinkedHashMap<>();
		labels.put(USE_CASE, useCase);
		labels.put(MESSAGE_INDEX, Integer.toString(messageIndex));
		labels.put(PART_INDEX, Integer.toString(partIndex));
		return labels;
	}

}
