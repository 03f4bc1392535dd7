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

package io.github.blobupload.ai.offload;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.blobupload.ai.AiBlobLabels;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.internal.CallerLabels;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * One model call whose media is offloaded: the span the media is recorded on, the
 * conversation it belongs to, the operation that produced or received it, and the
 * identity that tells this call from others, so that media seen several times in one call
 * (at the model's start, at its stop, by the advisor) is counted once. Labels that depend
 * on the caller (such as the owner of the content) are read when the call is created, on
 * the caller's thread, and put on every blob of the call, whichever thread uploads it.
 * <p>
 * Kept on the observation context of the model call (state belongs to the observation),
 * or created by the advisor for a call without one.
 */
public final class MediaCall {

	/** {@code gen_ai.operation.name} of a chat call. */
	public static final String CHAT = "chat";

	/** {@code gen_ai.operation.name} of an image generation call. */
	public static final String IMAGE_GENERATION = "image_generation";

	private final SpanInfo span;

	private final @Nullable String conversationId;

	private final String operation;

	private final boolean collectOnly;

	private final @Nullable Map<String, String> callerLabels;

	private MediaCall(SpanInfo span, @Nullable String conversationId, String operation, boolean collectOnly,
			@Nullable Map<String, String> callerLabels) {
		this.span = Objects.requireNonNull(span, "span must not be null");
		this.conversationId = (conversationId != null && !conversationId.isBlank()) ? conversationId : null;
		this.operation = Objects.requireNonNull(operation, "operation must not be null");
		this.collectOnly = collectOnly;
		this.callerLabels = (callerLabels != null) ? copyOf(callerLabels) : null;
	}

	/** Copies labels, leaving out null keys and values; no allocation when empty. */
	private static Map<String, String> copyOf(Map<String, String> labels) {
		if (labels.isEmpty()) {
			return Map.of();
		}
		Map<String, String> copy = new LinkedHashMap<>();
		labels.forEach((key, value) -> {
			if (key != null && value != null) {
				copy.put(key, value);
			}
		});
		return Collections.unmodifiableMap(copy);
	}

	/**
	 * Returns a call that offloads and counts its media.
	 * @param span the span the media is recorded on
	 * @param conversationId the conversation, or {@code null} when none is known
	 * @param operation the operation, such as {@link #CHAT}
	 * @return a new call
	 */
	public static MediaCall of(SpanInfo span, @Nullable String conversationId, String operation) {
		return new MediaCall(span, conversationId, operation, false, null);
	}

	/**
	 * Returns a call that offloads and counts its media, whose blobs get labels taken
	 * from the caller (see {@link MediaOffloaderBuilder#callerLabels}).
	 * @param span the span the media is recorded on
	 * @param conversationId the conversation, or {@code null} when none is known
	 * @param operation the operation, such as {@link #CHAT}
	 * @param collectOnly whether the call only collects what another call offloaded (see
	 * {@link #collecting})
	 * @param callerLabels the labels taken from the caller, added to those of every blob
	 * of the call that does not have them; {@code null} when none were taken (then the
	 * upload engine may add its own on the thread that uploads)
	 * @return a new call
	 */
	public static MediaCall of(SpanInfo span, @Nullable String conversationId, String operation, boolean collectOnly,
			@Nullable Map<String, String> callerLabels) {
		return new MediaCall(span, conversationId, operation, collectOnly, callerLabels);
	}

	/**
	 * Returns a call that collects what another call (the model's observation) already
	 * offloaded, without counting it again; media nobody offloaded is offloaded and
	 * counted as usual.
	 * @param span the span used for media nobody offloaded
	 * @param conversationId the conversation, or {@code null}
	 * @param operation the operation
	 * @return a new call
	 */
	public static MediaCall collecting(SpanInfo span, @Nullable String conversationId, String operation) {
		return new MediaCall(span, conversationId, operation, true, null);
	}

	/**
	 * Returns the call kept on an observation's context, creating and keeping it the
	 * first time: its span is the observation's own, its conversation the nearest one
	 * known (see {@link Conversations}).
	 * @param context the observation's context
	 * @param spans tells the observation's span
	 * @param operation the operation, such as {@link #CHAT}
	 * @return the call
	 */
	public static MediaCall of(Observation.Context context, SpanInfoResolver spans, String operation) {
		return of(context, spans, operation, () -> null);
	}

	/**
	 * Returns the call kept on an observation's context, creating and keeping it the
	 * first time, as {@link #of(Observation.Context, SpanInfoResolver, String)} does,
	 * with the caller's labels read then.
	 * @param context the observation's context
	 * @param spans tells the observation's span
	 * @param operation the operation, such as {@link #CHAT}
	 * @param callerLabels reads the caller's labels, or gives {@code null} when none are
	 * taken; called only when the call is created
	 * @return the call
	 */
	public static MediaCall of(Observation.Context context, SpanInfoResolver spans, String operation,
			Supplier<? extends @Nullable Map<String, String>> callerLabels) {
		MediaCall call = context.get(MediaCall.class);
		if (call == null) {
			call = new MediaCall(spans.of(context), Conversations.of(context), operation, false, callerLabels.get());
			context.put(MediaCall.class, call);
		}
		return call;
	}

	/**
	 * Returns the labels of one piece of media of this call (see {@link AiBlobLabels}).
	 * @param useCase the use case
	 * @param messageIndex the position of the message, from 0
	 * @param partIndex the position of the media within the message, from 0
	 * @return a new mutable map
	 */
	public Map<String, String> labels(String useCase, int messageIndex, int partIndex) {
		Map<String, String> labels = labels(useCase);
		labels.put(AiBlobLabels.MESSAGE_INDEX, Integer.toString(messageIndex));
		labels.put(AiBlobLabels.PART_INDEX, Integer.toString(partIndex));
		return labels;
	}

	/**
	 * Returns the labels of a blob of this call that is not one piece of its media (such
	 * as the message files of the {@code refs} layout): those of
	 * {@link #labels(String, int, int)} without the positions.
	 * @param useCase the use case
	 * @return a new mutable map
	 */
	public Map<String, String> labels(String useCase) {
		Map<String, String> labels = AiBlobLabels.of(this.span, useCase, this.operation, this.conversationId);
		if (this.callerLabels != null && !this.callerLabels.isEmpty()) {
			this.callerLabels.forEach(labels::putIfAbsent);
		}
		return labels;
	}

	/**
	 * Returns the span the media is recorded on.
	 * @return the span
	 */
	public SpanInfo span() {
		return this.span;
	}

	/**
	 * Returns the conversation id.
	 * @return the id, or {@code null} when none is known
	 */
	public @Nullable String conversationId() {
		return this.conversationId;
	}

	/**
	 * Returns the operation, the value of {@code gen_ai.operation.name}.
	 * @return the operation, such as {@code chat} or {@code transcription}
	 */
	public String operation() {
		return this.operation;
	}

	/**
	 * Returns the labels taken from the caller when the call was created (such as the
	 * owner of its content).
	 * @return the labels, empty when there are none
	 */
	public Map<String, String> callerLabels() {
		return (this.callerLabels != null) ? this.callerLabels : Map.of();
	}

	/**
	 * Runs an upload of a blob of this call: when the caller's labels were taken with the
	 * call, the upload engine takes none on the thread that uploads, which may be another
	 * caller's or a client library's.
	 * @param <T> what the upload returns
	 * @param upload the upload
	 * @return what it returned
	 */
	public <T extends @Nullable Object> T upload(Supplier<T> upload) {
		return (this.callerLabels != null) ? CallerLabels.alreadyTaken(upload) : upload.get();
	}

	/**
	 * Returns whether this call only collects what another call offloaded.
	 * @return whether media already seen is neither offloaded nor counted again
	 */
	public boolean collectOnly() {
		return this.collectOnly;
	}

}
