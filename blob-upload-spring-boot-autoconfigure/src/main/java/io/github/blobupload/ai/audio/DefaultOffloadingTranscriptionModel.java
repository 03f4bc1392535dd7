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

import java.io.IOException;
import java.util.Objects;

import io.github.blobupload.ai.AudioOffloadObservationContext.Operation;
import io.github.blobupload.ai.AudioOffloadObservationContext;
import io.github.blobupload.ai.AudioOffloadObservationConvention;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.OffloadingTranscriptionModel;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.audio.transcription.AudioTranscriptionPrompt;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.core.io.Resource;
import org.springframework.core.io.UrlResource;

/**
 * The {@link OffloadingTranscriptionModel}: wraps a {@link TranscriptionModel}, which
 * Spring AI does not observe, so that the audio given to it is offloaded
 * ({@code audio.input}) and recorded. Each call runs in an observation
 * {@value io.github.blobupload.ai.DefaultAudioOffloadObservationConvention#DEFAULT_NAME}
 * that carries {@code input.audio.url} and {@code input.audio.mime_type} (the
 * OpenInference names; see
 * {@link io.github.blobupload.ai.AudioOffloadObservationDocumentation}). Audio given as a
 * remote URL is recorded as that URL and never fetched by this wrapper. The request and
 * the response are not changed. The Spring AI auto-configuration of this starter wraps
 * every {@link TranscriptionModel} bean in one (see
 * {@link DefaultOffloadingTextToSpeechModel}).
 */
public final class DefaultOffloadingTranscriptionModel implements OffloadingTranscriptionModel {

	private final TranscriptionModel delegate;

	private final AudioCallOffloader calls;

	/**
	 * Creates a wrapper.
	 * @param delegate the model to call
	 * @param offloader uploads the audio
	 * @param spans tells the current span
	 * @param observations where the call's observation is recorded
	 */
	public DefaultOffloadingTranscriptionModel(TranscriptionModel delegate, MediaOffloader offloader,
			SpanInfoResolver spans, ObservationRegistry observations) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.calls = new AudioCallOffloader(offloader, spans, observations);
	}

	@Override
	public void setObservationConvention(@Nullable AudioOffloadObservationConvention convention) {
		this.calls.setObservationConvention(convention);
	}

	@Override
	public AudioTranscriptionResponse call(AudioTranscriptionPrompt prompt) {
		if (this.calls.nested(Operation.TRANSCRIPTION)) {
			return this.delegate.call(prompt);
		}
		return this.calls.observe(Operation.TRANSCRIPTION, (context) -> {
			context.setInputAudio(offload(context, prompt.getInstructions()));
			return this.delegate.call(prompt);
		});
	}

	private @Nullable OffloadedMedia offload(AudioOffloadObservationContext context, @Nullable Resource audio) {
		return (audio != null) ? this.calls.offloadInput(context, audio, () -> read(audio)) : null;
	}

	private static Object read(Resource audio) {
		try {
			return isRemote(audio) ? audio.getURL() : audio.getContentAsByteArray();
		}
		catch (IOException | RuntimeException ex) {
			// Unsupported data: refused and counted, never recorded as given.
			return new Object();
		}
	}

	private static boolean isRemote(Resource audio) {
		if (!(audio instanceof UrlResource)) {
			return false;
		}
		try {
			String protocol = audio.getURL().getProtocol();
			return !"file".equals(protocol) && !"jar".equals(protocol);
		}
		catch (IOException ex) {
			return true;
		}
	}

}
