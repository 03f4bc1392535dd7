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
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Sees each piece of media before it is offloaded and decides what becomes of it: let it
 * {@linkplain Decision#pass() pass}, {@linkplain Decision#replace(byte[], String)
 * replace} it (masking faces, downscaling), {@linkplain Decision#keepInline() keep it
 * inline} (not offloaded, recorded as it was) or {@linkplain Decision#drop(String) drop}
 * it (recorded as {@link io.github.blobupload.BlobUploader#NOT_UPLOADED}, never stored).
 * <p>
 * Declare filters as beans; several apply in their {@code @Order}, each seeing what the
 * one before let through or replaced, until one keeps the media inline or drops it.
 * Filters of prompt media run on the offloader's prompt-media threads
 * ({@code blob-upload-prompt-media-N}) while the model works, or on the caller's thread
 * when those are busy; filters of responses and audio run on the caller's thread. So keep
 * them cheap and thread-safe, and do not rely on thread-bound state (the logging MDC, the
 * security context, request scope). A filter that throws does not break the model call:
 * the failure is logged (rate-limited), counted as
 * {@link MediaOffloadOutcome#EXCLUDED_FILTER_ERROR} and the media is dropped, which is
 * the safe choice for privacy. Media excluded by {@code blob.upload.ai.media.*} never
 * reaches a filter.
 */
@FunctionalInterface
public interface MediaFilter {

	/**
	 * Decides what becomes of a piece of media.
	 * @param media the media, with its bytes or remote URL
	 * @return the decision; {@code null} is taken as {@link Decision#pass()}
	 */
	@Nullable Decision filter(Candidate media);

	/** Whether media goes to the model (in a prompt) or comes from it. */
	enum Direction {

		/** Media in a prompt, or audio given to transcription. */
		INPUT,

		/** Media in a response, generated images and text-to-speech audio. */
		OUTPUT

	}

	/**
	 * A piece of media about to be offloaded.
	 *
	 * @param direction whether it goes to the model or comes from it
	 * @param modality {@code image}, {@code audio}, {@code video} or {@code document}
	 * @param useCase the use case it is uploaded under, such as
	 * {@link AiUseCases#CHAT_INPUT}
	 * @param contentType its content type
	 * @param size its size in bytes, or -1 for a remote URL
	 * @param labels the labels it is stored with (trace and span ids, use case,
	 * positions)
	 * @param bytes its content, or {@code null} for a remote URL; do not modify it
	 * @param url the remote URL it was given as, or {@code null} for bytes
	 */
	record Candidate(Direction direction, String modality, String useCase, String contentType, long size,
			Map<String, String> labels, byte @Nullable [] bytes, @Nullable String url) {

		/**
		 * Creates a candidate.
		 * @param direction whether it goes to the model or comes from it
		 * @param modality its modality
		 * @param useCase its use case
		 * @param contentType its content type
		 * @param size its size, or -1
		 * @param labels its labels
		 * @param bytes its content, or {@code null}
		 * @param url its remote URL, or {@code null}
		 */
		public Candidate {
			Objects.requireNonNull(direction, "direction must not be null");
			Objects.requireNonNull(modality, "modality must not be null");
			Objects.requireNonNull(useCase, "useCase must not be null");
			Objects.requireNonNull(contentType, "contentType must not be null");
			labels = Map.copyOf(labels);
		}

	}

	/**
	 * What a {@link MediaFilter} decided.
	 *
	 * @param action what to do
	 * @param bytes the replacement content ({@link Action#REPLACE} only)
	 * @param contentType the replacement content type ({@link Action#REPLACE} only)
	 * @param reason why the media is dropped ({@link Action#DROP} only)
	 */
	record Decision(Action action, byte @Nullable [] bytes, @Nullable String contentType, @Nullable String reason) {

		private static final Decision PASS = new Decision(Action.PASS, null, null, null);

		private static final Decision KEEP_INLINE = new Decision(Action.KEEP_INLINE, null, null, null);

		/**
		 * Creates a decision; prefer the factory methods.
		 * @param action what to do
		 * @param bytes the replacement content, required for {@link Action#REPLACE}
		 * @param contentType the replacement content type, required for
		 * {@link Action#REPLACE}
		 * @param reason why, required for {@link Action#DROP}
		 */
		public Decision {
			Objects.requireNonNull(action, "action must not be null");
			if (action == Action.REPLACE && (bytes == null || contentType == null || contentType.isBlank())) {
				throw new IllegalArgumentException("A replacement needs bytes and a content type");
			}
			if (action == Action.DROP && (reason == null || reason.isBlank())) {
				throw new IllegalArgumentException("A drop needs a reason");
			}
		}

		/**
		 * Lets the media pass unchanged (to the next filter, then to storage).
		 * @return the decision
		 */
		public static Decision pass() {
			return PASS;
		}

		/**
		 * Replaces the media's content, such as with a masked or downscaled image; the
		 * replacement is what the next filter sees and what is stored.
		 * @param bytes the new content
		 * @param contentType the new content type
		 * @return the decision
		 */
		public static Decision replace(byte[] bytes, String contentType) {
			return new Decision(Action.REPLACE, bytes, contentType, null);
		}

		/**
		 * Keeps the media inline: not offloaded, recorded on the span as it was (base64,
		 * or the remote URL). Later filters are not asked.
		 * @return the decision
		 */
		public static Decision keepInline() {
			return KEEP_INLINE;
		}

		/**
		 * Drops the media: never stored, recorded as
		 * {@link io.github.blobupload.BlobUploader#NOT_UPLOADED}. Later filters are not
		 * asked.
		 * @param reason why, kept in {@link OffloadedMedia#refusalReason()} (not a metric
		 * tag, so it may be specific)
		 * @return the decision
		 */
		public static Decision drop(String reason) {
			return new Decision(Action.DROP, null, null, reason);
		}

	}

	/** The kinds of {@link Decision}. */
	enum Action {

		/** Let the media pass unchanged. */
		PASS,

		/** Replace its content. */
		REPLACE,

		/** Keep it inline, not offloaded. */
		KEEP_INLINE,

		/** Drop it, recorded as {@code /dev/null}. */
		DROP

	}

}
