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

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What became of one piece of Spring AI media in one model call, with the context an
 * observability tool that listens to events rather than spans needs to link to it: where
 * in the call it was, what happened to it and why, where it is stored and which span,
 * trace and conversation it belongs to. Given to {@link BlobOffloadListener#onMedia} once
 * per piece of media per call, for every outcome.
 * <p>
 * The content itself is not part of the event, except in
 * {@link OffloadedMedia#inlineBase64()} of media kept inline.
 *
 * @param useCase the use case, such as {@code chat.input} (see {@link AiUseCases})
 * @param direction whether the media went to the model or came from it
 * @param modality {@code image}, {@code audio}, {@code video} or {@code document}
 * @param outcome what happened to it: {@link MediaOffloadOutcome#UPLOADED},
 * {@link MediaOffloadOutcome#INLINE}, {@link MediaOffloadOutcome#REMOTE}, one of the
 * {@code REFUSED_*} or {@code EXCLUDED_*} outcomes, or {@link MediaOffloadOutcome#REUSED}
 * when an earlier call offloaded the same media object ({@link #media()} then tells what
 * that call did)
 * @param reason why, such as {@code malformed_data_uri}, {@code rule} or the reason a
 * {@link MediaFilter} gave when it dropped the media; {@code none} when the media was
 * stored, kept inline or recorded as its remote URL
 * @param uri the storage URI of uploaded media, the URL of remote media,
 * {@link io.github.blobupload.BlobUploader#NOT_UPLOADED} for refused or excluded media,
 * or {@code null} for media kept inline
 * @param viewerLink the media viewer's link to uploaded media, or {@code null} when there
 * is none (no viewer, or media that was not uploaded)
 * @param contentType the content type, such as {@code image/png}
 * @param size the size in bytes, or -1 when unknown (remote media, some refusals)
 * @param messageIndex the position of the message in the prompt or response, from 0
 * @param partIndex the position of the media within its message, from 0
 * @param traceId the trace id of the model call's span, or {@code null} without tracing
 * @param spanId the span id of the model call's span, or {@code null} without tracing
 * @param conversationId the conversation the call belongs to (the
 * {@code gen_ai.conversation.id}), or {@code null} when none is known
 * @param operationName the step that produced or received the media (the
 * {@code gen_ai.operation.name}): {@code chat}, {@code image_generation},
 * {@code transcription} or {@code text_to_speech}
 * @param media what became of the media, as recorded on the span (before any viewer link
 * is applied)
 * @param callerLabels the labels taken from the caller when the call started (such as the
 * owner of the content, as stored), empty when there are none
 */
public record MediaOffloadEvent(String useCase, MediaFilter.Direction direction, String modality,
		MediaOffloadOutcome outcome, String reason, @Nullable String uri, @Nullable String viewerLink,
		String contentType, long size, int messageIndex, int partIndex, @Nullable String traceId,
		@Nullable String spanId, @Nullable String conversationId, String operationName, OffloadedMedia media,
		Map<String, String> callerLabels) {

	/**
	 * Creates an event of a call without caller's labels.
	 * @param useCase the use case
	 * @param direction whether the media went to the model or came from it
	 * @param modality the modality
	 * @param outcome what happened to it
	 * @param reason why
	 * @param uri the URI, or {@code null}
	 * @param viewerLink the viewer's link, or {@code null}
	 * @param contentType the content type
	 * @param size the size in bytes, or -1
	 * @param messageIndex the position of the message
	 * @param partIndex the position of the media within its message
	 * @param traceId the trace id, or {@code null}
	 * @param spanId the span id, or {@code null}
	 * @param conversationId the conversation, or {@code null}
	 * @param operationName the operation
	 * @param media what became of the media
	 */
	public MediaOffloadEvent(String useCase, MediaFilter.Direction direction, String modality,
			MediaOffloadOutcome outcome, String reason, @Nullable String uri, @Nullable String viewerLink,
			String contentType, long size, int messageIndex, int partIndex, @Nullable String traceId,
			@Nullable String spanId, @Nullable String conversationId, String operationName, OffloadedMedia media) {
		this(useCase, direction, modality, outcome, reason, uri, viewerLink, contentType, size, messageIndex, partIndex,
				traceId, spanId, conversationId, operationName, media, Map.of());
	}

	/**
	 * Returns whether the media was handed to a blob uploader, by this call or an earlier
	 * one: its {@link #uri()} is a storage URI (the upload may still be in progress).
	 * @return whether the media is uploaded
	 */
	public boolean uploaded() {
		return this.media.status() == OffloadedMedia.Status.UPLOADED;
	}

}
