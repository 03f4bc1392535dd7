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

package io.github.blobupload.ai.audio;

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.blobupload.Blob;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.AudioOffloadObservationContext.Operation;
import io.github.blobupload.ai.AudioOffloadObservationContext;
import io.github.blobupload.ai.AudioOffloadObservationConvention;
import io.github.blobupload.ai.AudioOffloadObservationDocumentation;
import io.github.blobupload.ai.DefaultAudioOffloadObservationConvention;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.offload.Conversations;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.util.context.ContextView;

/**
 * What the audio-model wrappers share, each holding one: each call run in an
 * {@link AudioOffloadObservationDocumentation#AUDIO_MODEL_CALL} observation, and the
 * call's audio offloaded for the observation's span, unless that span is sampled out. The
 * blobs are labelled with the operation ({@code transcription}, {@code text_to_speech})
 * and with the conversation when an enclosing observation names one (see
 * {@link Conversations}); the observation then carries {@code gen_ai.conversation.id}
 * too. A wrapper called inside another wrapper's call of the same operation (a model
 * wrapped twice) passes the call through, so that the audio is offloaded once.
 */
final class AudioCallOffloader {

	private static final DefaultAudioOffloadObservationConvention DEFAULT_CONVENTION = new DefaultAudioOffloadObservationConvention();

	private final MediaOffloader offloader;

	private final SpanInfoResolver spans;

	private final ObservationRegistry observations;

	private @Nullable AudioOffloadObservationConvention convention;

	AudioCallOffloader(MediaOffloader offloader, SpanInfoResolver spans, ObservationRegistry observations) {
		this.offloader = Objects.requireNonNull(offloader, "offloader must not be null");
		this.spans = Objects.requireNonNull(spans, "spans must not be null");
		this.observations = Objects.requireNonNull(observations, "observations must not be null");
	}

	/**
	 * Sets the convention that names the observation and its keys, in place of the
	 * default one (and of any global convention).
	 * @param convention the convention, or {@code null} for the default
	 */
	void setObservationConvention(@Nullable AudioOffloadObservationConvention convention) {
		this.convention = convention;
	}

	/**
	 * Returns whether a call of this operation is already observed by a wrapper further
	 * out, which offloads its audio: then this wrapper passes the call through.
	 * @param operation the operation called
	 * @return whether the current observation is a wrapper's call of the same operation
	 */
	boolean nested(Operation operation) {
		return observes(this.observations.getCurrentObservation(), operation);
	}

	/**
	 * Returns whether an observation is a wrapper's call of an operation.
	 * @param observation the observation, or {@code null}
	 * @param operation the operation
	 * @return whether it observes a call of that operation
	 */
	static boolean observes(@Nullable Observation observation, Operation operation) {
		return observation != null && observation.getContext() instanceof AudioOffloadObservationContext outer
				&& outer.getOperation() == operation;
	}

	/**
	 * Returns the observation current for a stream being subscribed: the one in the
	 * subscriber's Reactor context, else the one current on the thread.
	 * @param reactorContext the subscriber's context
	 * @return the observation, or {@code null} when there is none
	 */
	@Nullable Observation currentObservation(ContextView reactorContext) {
		Observation observation = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
		return (observation != null) ? observation : this.observations.getCurrentObservation();
	}

	/**
	 * Returns a new observation of a call, not started yet.
	 * @param context the call's observation context
	 * @param parent the parent observation, or {@code null} for the current one
	 * @return the observation
	 */
	Observation observation(AudioOffloadObservationContext context, @Nullable Observation parent) {
		Observation observation = AudioOffloadObservationDocumentation.AUDIO_MODEL_CALL.observation(this.convention,
				DEFAULT_CONVENTION, () -> context, this.observations);
		if (parent != null) {
			observation.parentObservation(parent);
		}
		return observation;
	}

	/**
	 * Runs a call in its observation.
	 * @param <T> the call's result
	 * @param operation the operation called
	 * @param call the call, given the observation's context to record the audio on
	 * @return the call's result
	 */
	<T> T observe(Operation operation, Function<AudioOffloadObservationContext, T> call) {
		AudioOffloadObservationContext context = new AudioOffloadObservationContext(operation);
		return AudioOffloadObservationDocumentation.AUDIO_MODEL_CALL
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.observations)
			.observe(() -> call.apply(context));
	}

	/**
	 * Offloads audio sent to the model ({@link AiUseCases#AUDIO_INPUT}).
	 * @param context the call's observation context
	 * @param identity the object that stands for the audio
	 * @param data reads its bytes or remote URL; not called when the span is sampled out
	 * @return what became of it, as recorded on the span, or {@code null} when the span
	 * is sampled out
	 */
	@Nullable OffloadedMedia offloadInput(AudioOffloadObservationContext context, Object identity, Supplier<Object> data) {
		MediaCall call = call(context);
		if (!this.offloader.shouldOffload(call.span())) {
			this.offloader.skip(identity, call);
			return null;
		}
		return this.offloader
			.recorded(this.offloader.offload(identity, data.get(), null, AiUseCases.AUDIO_INPUT, call, 0, 0));
	}

	/**
	 * Records that audio the model returned was refused before it could be offloaded
	 * (streamed audio past its limit), unless the span is sampled out.
	 * @param context the call's observation context
	 * @param outcome why it was refused
	 * @param contentType its content type, or {@code null}
	 * @param size its size in bytes
	 * @return the refused audio, as recorded on the span, or {@code null} when the span
	 * is sampled out
	 */
	@Nullable OffloadedMedia refuseOutput(AudioOffloadObservationContext context, MediaOffloadOutcome outcome,
			@Nullable String contentType, long size) {
		MediaCall call = call(context);
		if (!this.offloader.shouldOffload(call.span())) {
			this.offloader.skip(context, call);
			return null;
		}
		return this.offloader.refuse(outcome, AiUseCases.AUDIO_OUTPUT, contentType, size, call);
	}

	/**
	 * Offloads audio the model returned ({@link AiUseCases#AUDIO_OUTPUT}).
	 * @param context the call's observation context
	 * @param audio the audio
	 * @return what became of it, as recorded on the span, or {@code null} when the span
	 * is sampled out
	 */
	@Nullable OffloadedMedia offloadOutput(AudioOffloadObservationContext context, Blob audio) {
		MediaCall call = call(context);
		if (!this.offloader.shouldOffload(call.span())) {
			this.offloader.skip(audio, call);
			return null;
		}
		return this.offloader.recorded(this.offloader.offload(audio, AiUseCases.AUDIO_OUTPUT, call));
	}

	private MediaCall call(AudioOffloadObservationContext context) {
		MediaCall call = context.get(MediaCall.class);
		if (call == null) {
			call = this.offloader.call(context, this.spans, context.getOperation().value());
			if (call.conversationId() != null && context.getHighCardinalityKeyValue(Conversations.ATTRIBUTE) == null) {
				context.addHighCardinalityKeyValue(KeyValue.of(Conversations.ATTRIBUTE, call.conversationId()));
			}
		}
		return call;
	}

}
