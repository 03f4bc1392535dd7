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

import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import io.github.blobupload.Blob;
import io.github.blobupload.ai.AudioOffloadObservationContext.Operation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * What the audio-model wrappers share: the wrapped model, each call run in an
 * {@link AudioOffloadObservationDocumentation#AUDIO_MODEL_CALL} observation, and the
 * call's audio offloaded for the span current in it, unless that span is sampled out.
 *
 * @param <M> the type of the wrapped model
 */
abstract class OffloadingAudioModel<M> {

	private static final DefaultAudioOffloadObservationConvention DEFAULT_CONVENTION = new DefaultAudioOffloadObservationConvention();

	private final M delegate;

	private final MediaOffloader offloader;

	private final SpanInfoResolver spans;

	private final ObservationRegistry observations;

	private @Nullable AudioOffloadObservationConvention convention;

	OffloadingAudioModel(M delegate, MediaOffloader offloader, SpanInfoResolver spans,
			ObservationRegistry observations) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.offloader = Objects.requireNonNull(offloader, "offloader must not be null");
		this.spans = Objects.requireNonNull(spans, "spans must not be null");
		this.observations = Objects.requireNonNull(observations, "observations must not be null");
	}

	/**
	 * Sets the convention that names the observation and its keys, in place of the
	 * default one (and of any global convention).
	 * @param convention the convention, or {@code null} for the default
	 */
	public void setObservationConvention(@Nullable AudioOffloadObservationConvention convention) {
		this.convention = convention;
	}

	/**
	 * Returns the wrapped model.
	 * @return the model calls are passed to
	 */
	final M delegate() {
		return this.delegate;
	}

	/**
	 * Runs a call in its observation.
	 * @param <T> the call's result
	 * @param operation the operation called
	 * @param call the call, given the observation's context to record the audio on
	 * @return the call's result
	 */
	final <T> T observe(Operation operation, Function<AudioOffloadObservationContext, T> call) {
		AudioOffloadObservationContext context = new AudioOffloadObservationContext(operation);
		return AudioOffloadObservationDocumentation.AUDIO_MODEL_CALL
			.observation(this.convention, DEFAULT_CONVENTION, () -> context, this.observations)
			.observe(() -> call.apply(context));
	}

	/**
	 * Offloads audio sent to the model ({@link AiUseCases#AUDIO_INPUT}).
	 * @param identity the object that stands for the audio
	 * @param data reads its bytes or remote URL; not called when the span is sampled out
	 * @return what became of it, as recorded on the span, or {@code null} when the span
	 * is sampled out
	 */
	final @Nullable OffloadedMedia offloadInput(Object identity, Supplier<Object> data) {
		SpanInfo span = this.spans.current();
		if (!this.offloader.admits(span, 1)) {
			return null;
		}
		return this.offloader.recorded(
				this.offloader.offload(identity, data.get(), null, AiUseCases.AUDIO_INPUT, span, 0, 0));
	}

	/**
	 * Offloads audio the model returned ({@link AiUseCases#AUDIO_OUTPUT}).
	 * @param audio the audio
	 * @return what became of it, as recorded on the span, or {@code null} when the span
	 * is sampled out
	 */
	final @Nullable OffloadedMedia offloadOutput(Blob audio) {
		SpanInfo span = this.spans.current();
		if (!this.offloader.admits(span, 1)) {
			return null;
		}
		return this.offloader.recorded(this.offloader.offload(audio, AiUseCases.AUDIO_OUTPUT, span));
	}

}
