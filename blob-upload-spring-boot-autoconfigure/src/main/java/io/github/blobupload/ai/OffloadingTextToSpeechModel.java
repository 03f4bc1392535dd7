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

import java.util.Locale;

import io.github.blobupload.Blob;
import io.github.blobupload.ai.AudioOffloadObservationContext.Operation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;

/**
 * Wraps a {@link TextToSpeechModel}, which Spring AI does not observe, so that the audio
 * it returns is offloaded ({@code audio.output}) and recorded. Each call runs in an
 * observation {@value DefaultAudioOffloadObservationConvention#DEFAULT_NAME} (a span when
 * tracing is on) that carries {@code output.audio.url} and {@code output.audio.mime_type}
 * (the OpenInference names; see {@link AudioOffloadObservationDocumentation}). Raw PCM
 * is wrapped as WAV before upload. The request and the returned audio are not changed;
 * streaming calls are passed through without offloading.
 * <p>
 * The Spring AI auto-configuration of this starter wraps every {@link TextToSpeechModel}
 * bean in one ({@code blob.upload.ai.audio-models.enabled}); outside it, declare the
 * wrapper yourself.
 */
public final class OffloadingTextToSpeechModel extends OffloadingAudioModel<TextToSpeechModel>
		implements TextToSpeechModel {

	/**
	 * Creates a wrapper.
	 * @param delegate the model to call
	 * @param offloader uploads the audio
	 * @param spans tells the current span
	 * @param observations where the call's observation is recorded
	 */
	public OffloadingTextToSpeechModel(TextToSpeechModel delegate, MediaOffloader offloader, SpanInfoResolver spans,
			ObservationRegistry observations) {
		super(delegate, offloader, spans, observations);
	}

	@Override
	public TextToSpeechResponse call(TextToSpeechPrompt prompt) {
		if (nested(Operation.TEXT_TO_SPEECH)) {
			return delegate().call(prompt);
		}
		return observe(Operation.TEXT_TO_SPEECH, (context) -> {
			TextToSpeechResponse response = delegate().call(prompt);
			context.setOutputAudio(offload(context, response, format(prompt)));
			return response;
		});
	}

	@Override
	public Flux<TextToSpeechResponse> stream(TextToSpeechPrompt prompt) {
		return delegate().stream(prompt);
	}

	@Override
	public TextToSpeechOptions getDefaultOptions() {
		return delegate().getDefaultOptions();
	}

	private @Nullable OffloadedMedia offload(AudioOffloadObservationContext context,
			@Nullable TextToSpeechResponse response, @Nullable String format) {
		if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
			return null;
		}
		return offloadOutput(context, new Blob(response.getResult().getOutput(), contentType(format), null));
	}

	private @Nullable String format(TextToSpeechPrompt prompt) {
		TextToSpeechOptions options = prompt.getOptions();
		String format = (options != null) ? options.getFormat() : null;
		if (format == null && delegate().getDefaultOptions() != null) {
			format = delegate().getDefaultOptions().getFormat();
		}
		return format;
	}

	static @Nullable String contentType(@Nullable String format) {
		if (format == null) {
			return null;
		}
		return switch (format.toLowerCase(Locale.ROOT)) {
			case "mp3" -> "audio/mpeg";
			case "wav" -> "audio/wav";
			case "pcm", "pcm16" -> "audio/pcm";
			case "opus" -> "audio/opus";
			case "aac" -> "audio/aac";
			case "flac" -> "audio/flac";
			default -> null;
		};
	}

}
