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

import io.github.blobupload.BlobLabels;
import org.jspecify.annotations.Nullable;

/**
 * The labels the Spring AI integration gives each blob, beside the span's
 * {@link BlobLabels} ({@code otel_type}, {@code trace_id}, {@code span_id}): they say
 * where in the call the media was, which step of a turn produced it and which
 * conversation it belongs to. Keys are written as object metadata accepts them
 * ({@code a-z 0-9 _}): the GenAI attribute {@code gen_ai.conversation.id} becomes the
 * label {@code gen_ai_conversation_id}.
 */
public final class AiBlobLabels {

	/**
	 * Label holding the use case, such as {@code chat.input} (see {@link AiUseCases}).
	 */
	public static final String USE_CASE = "use_case";

	/**
	 * Label holding the position of the message within the prompt or response, from 0.
	 */
	public static final String MESSAGE_INDEX = "message_index";

	/** Label holding the position of the media within its message, from 0. */
	public static final String PART_INDEX = "part_index";

	/**
	 * Label holding the conversation the call belongs to (the OpenTelemetry attribute
	 * {@code gen_ai.conversation.id}); present only when one is known.
	 */
	public static final String CONVERSATION_ID = "gen_ai_conversation_id";

	/**
	 * Label holding the step that produced or received the media (the OpenTelemetry
	 * attribute {@code gen_ai.operation.name}): {@code chat}, {@code image_generation},
	 * {@code transcription} or {@code text_to_speech}.
	 */
	public static final String OPERATION_NAME = "gen_ai_operation_name";

	private AiBlobLabels() {
	}

	/**
	 * Returns the labels of a blob of a model call: the span's ({@code otel_type},
	 * {@code trace_id}, {@code span_id}, left out when the span is not known), the use
	 * case, the operation and the conversation (left out when none is known).
	 * @param span the span of the call
	 * @param useCase the use case
	 * @param operation the operation, such as {@code chat}
	 * @param conversationId the conversation, or {@code null}
	 * @return a new mutable map
	 */
	public static Map<String, String> of(SpanInfo span, String useCase, String operation,
			@Nullable String conversationId) {
		return of(span.traceId(), span.spanId(), useCase, operation, conversationId);
	}

	/**
	 * Returns the labels a piece of media has in the call an event tells of: the same as
	 * the labels of a blob uploaded in that call, the caller's (such as its owner)
	 * included.
	 * @param event what became of the media, and where in which call
	 * @return a new mutable map
	 */
	public static Map<String, String> of(MediaOffloadEvent event) {
		Map<String, String> labels = of(event.traceId(), event.spanId(), event.useCase(), event.operationName(),
				event.conversationId());
		labels.put(MESSAGE_INDEX, Integer.toString(event.messageIndex()));
		labels.put(PART_INDEX, Integer.toString(event.partIndex()));
		event.callerLabels().forEach(labels::putIfAbsent);
		return labels;
	}

	private static Map<String, String> of(@Nullable String traceId, @Nullable String spanId, String useCase,
			String operation, @Nullable String conversationId) {
		Map<String, String> labels = (traceId != null && spanId != null) ? BlobLabels.forSpan(traceId, spanId)
				: new LinkedHashMap<>();
		labels.put(USE_CASE, useCase);
		labels.put(OPERATION_NAME, operation);
		if (conversationId != null) {
			labels.put(CONVERSATION_ID, conversationId);
		}
		return labels;
	}

}
