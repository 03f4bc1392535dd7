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

/**
 * The outcomes counted by
 * {@link io.github.blobupload.ai.offload.MediaOffloader#count(MediaOffloadOutcome)},
 * exported as the {@code blob.upload.ai.media} counter with {@code outcome} and
 * {@code reason} tags. Each piece of media is counted once per model call, with one
 * outcome.
 */
public enum MediaOffloadOutcome {

	/** Given to a blob uploader, which accepted it. */
	UPLOADED("uploaded", "none"),

	/**
	 * Offloaded by an earlier call (the same media object sent again, from chat memory
	 * say): the earlier result was reused, nothing uploaded.
	 */
	REUSED("reused", "none"),

	/** Within the inline budget: kept inline. */
	INLINE("inline", "none"),

	/** A remote URL: recorded, never fetched. */
	REMOTE("remote", "none"),

	/** Not uploaded because the span was not sampled. */
	SKIPPED_UNSAMPLED("skipped", "unsampled"),

	/** Refused: the media had no content. */
	REFUSED_EMPTY("refused", "empty"),

	/** Refused: the media was a malformed {@code data:} URI. */
	REFUSED_MALFORMED_DATA_URI("refused", "malformed_data_uri"),

	/**
	 * Refused: the media's data was of a kind that cannot be uploaded or recorded safely.
	 */
	REFUSED_UNSUPPORTED_DATA("refused", "unsupported_data"),

	/**
	 * Refused by the blob uploader (too large, queue full, uploading disabled); the
	 * uploader's own metrics say which.
	 */
	REFUSED_BY_UPLOADER("refused", "uploader"),

	/**
	 * Refused: streamed audio grew past the most a stream may assemble in memory, logged
	 * (rate-limited).
	 */
	REFUSED_TOO_LARGE("refused", "too_large"),

	/**
	 * Refused: prompt media was still being offloaded on the
	 * {@linkplain io.github.blobupload.ai.offload.MediaOffloaderBuilder#promptOffloadThreads(int)
	 * prompt-media threads} when its URI had to be recorded, and the wait for it
	 * ({@linkplain io.github.blobupload.ai.offload.MediaOffloaderBuilder#promptOffloadJoinTimeout(java.time.Duration)
	 * join timeout}) ran out (logged, rate-limited): recorded as {@code /dev/null}. Media
	 * still waiting for a thread is then never offloaded; media already being offloaded
	 * may still be stored (counted by the uploader's metrics), though no span refers to
	 * it.
	 */
	REFUSED_TIMEOUT("refused", "timeout"),

	/** Refused: an unexpected error, logged (rate-limited). */
	REFUSED_ERROR("refused", "error"),

	/**
	 * Excluded by an include or exclude rule of its direction and modality: never stored,
	 * recorded as {@code /dev/null}.
	 */
	EXCLUDED_BY_RULE("excluded", "rule"),

	/**
	 * Dropped by a {@link MediaFilter}: never stored, recorded as {@code /dev/null} with
	 * the filter's reason.
	 */
	EXCLUDED_BY_FILTER("excluded", "filter"),

	/**
	 * Dropped because a {@link MediaFilter} threw (logged, rate-limited): never stored,
	 * recorded as {@code /dev/null}, the safe choice for privacy.
	 */
	EXCLUDED_FILTER_ERROR("excluded", "filter_error");

	private final String outcome;

	private final String reason;

	MediaOffloadOutcome(String outcome, String reason) {
		this.outcome = outcome;
		this.reason = reason;
	}

	/**
	 * Returns the value of the {@code outcome} tag.
	 * @return {@code uploaded}, {@code reused}, {@code inline}, {@code remote},
	 * {@code skipped}, {@code refused} or {@code excluded}
	 */
	public String outcome() {
		return this.outcome;
	}

	/**
	 * Returns the value of the {@code reason} tag.
	 * @return why, or {@code none}
	 */
	public String reason() {
		return this.reason;
	}

}
