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

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ai.AudioOffloadObservationContext.Operation;
import io.github.blobupload.ai.AudioOffloadObservationContext;
import io.github.blobupload.ai.AudioOffloadObservationConvention;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.OffloadingTextToSpeechModel;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.internal.RateLimitedLogger;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;

/**
 * The {@link OffloadingTextToSpeechModel}: wraps a {@link TextToSpeechModel}, which
 * Spring AI does not observe, so that the audio it returns is offloaded
 * ({@code audio.output}) and recorded. Each call runs in an observation
 * {@value io.github.blobupload.ai.DefaultAudioOffloadObservationConvention#DEFAULT_NAME}
 * (a span when tracing is on) that carries {@code output.audio.url} and
 * {@code output.audio.mime_type} (the OpenInference names; see
 * {@link io.github.blobupload.ai.AudioOffloadObservationDocumentation}). Raw PCM is
 * wrapped as WAV before upload. The request and the returned audio are not changed. A
 * stream's chunks are passed on as they come and its audio offloaded once, when it
 * completes (see {@link #stream(TextToSpeechPrompt)}).
 * <p>
 * The Spring AI auto-configuration of this starter wraps every {@link TextToSpeechModel}
 * bean in one ({@code blob.upload.ai.audio-models.enabled}); outside it, declare the
 * wrapper yourself. The call-level work (observation, offloading) is an
 * {@link AudioCallOffloader} of its own.
 */
public final class DefaultOffloadingTextToSpeechModel implements OffloadingTextToSpeechModel {

	private final TextToSpeechModel delegate;

	private final AudioCallOffloader calls;

	private final RateLimitedLogger errors = new RateLimitedLogger(
			LoggerFactory.getLogger(DefaultOffloadingTextToSpeechModel.class), Duration.ofMinutes(1));

	private volatile long maxStreamedAudioBytes = DEFAULT_MAX_STREAMED_AUDIO_BYTES;

	/**
	 * Creates a wrapper.
	 * @param delegate the model to call
	 * @param offloader uploads the audio
	 * @param spans tells the current span
	 * @param observations where the call's observation is recorded
	 */
	public DefaultOffloadingTextToSpeechModel(TextToSpeechModel delegate, MediaOffloader offloader,
			SpanInfoResolver spans, ObservationRegistry observations) {
		this.delegate = Objects.requireNonNull(delegate, "delegate must not be null");
		this.calls = new AudioCallOffloader(offloader, spans, observations);
	}

	@Override
	public void setObservationConvention(@Nullable AudioOffloadObservationConvention convention) {
		this.calls.setObservationConvention(convention);
	}

	@Override
	public TextToSpeechResponse call(TextToSpeechPrompt prompt) {
		if (this.calls.nested(Operation.TEXT_TO_SPEECH)) {
			return this.delegate.call(prompt);
		}
		return this.calls.observe(Operation.TEXT_TO_SPEECH, (context) -> {
			TextToSpeechResponse response = this.delegate.call(prompt);
			context.setOutputAudio(offload(context, response, format(prompt)));
			return response;
		});
	}

	/**
	 * Streams the model's audio: each chunk is passed on at once and unchanged, and
	 * copied into one piece of audio (in memory, up to
	 * {@linkplain #setMaxStreamedAudioBytes(long) a limit}) that is offloaded once, when
	 * the stream completes, in the stream's observation, which starts when the stream is
	 * subscribed and stops when it ends. A stream that fails or is cancelled offloads
	 * nothing: its audio is incomplete. Audio past the limit is not offloaded but
	 * recorded as refused ({@code too_large}), counted and logged (rate-limited).
	 * @param prompt the prompt
	 * @return the model's stream
	 */
	@Override
	public Flux<TextToSpeechResponse> stream(TextToSpeechPrompt prompt) {
		return Flux.deferContextual((reactorContext) -> {
			Observation parent = this.calls.currentObservation(reactorContext);
			if (AudioCallOffloader.observes(parent, Operation.TEXT_TO_SPEECH)) {
				return this.delegate.stream(prompt);
			}
			AudioOffloadObservationContext context = new AudioOffloadObservationContext(Operation.TEXT_TO_SPEECH);
			Observation observation = this.calls.observation(context, parent).start();
			Flux<TextToSpeechResponse> responses;
			try (Observation.Scope ignored = observation.openScope()) {
				responses = this.delegate.stream(prompt);
			}
			catch (RuntimeException ex) {
				observation.error(ex);
				observation.stop();
				return Flux.error(ex);
			}
			BoundedAudioBuffer audio = new BoundedAudioBuffer(this.maxStreamedAudioBytes);
			String contentType = contentType(format(prompt));
			return responses.doOnNext((response) -> append(audio, response))
				.doOnComplete(() -> context.setOutputAudio(offloadStreamed(context, audio, contentType)))
				.doOnError(observation::error)
				.doFinally((signal) -> observation.stop())
				.contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	@Override
	public void setMaxStreamedAudioBytes(long maxStreamedAudioBytes) {
		if (maxStreamedAudioBytes <= 0) {
			throw new IllegalArgumentException(
					"maxStreamedAudioBytes must be positive but was " + maxStreamedAudioBytes);
		}
		this.maxStreamedAudioBytes = maxStreamedAudioBytes;
	}

	private static void append(BoundedAudioBuffer audio, @Nullable TextToSpeechResponse response) {
		if (response != null && response.getResult() != null && response.getResult().getOutput() != null) {
			audio.append(response.getResult().getOutput());
		}
	}

	private @Nullable OffloadedMedia offloadStreamed(AudioOffloadObservationContext context, BoundedAudioBuffer audio,
			@Nullable String contentType) {
		try {
			if (audio.overflowed()) {
				this.errors.warn(() -> "Streamed text-to-speech audio of more than " + this.maxStreamedAudioBytes
						+ " bytes was not offloaded; recorded as " + BlobUploader.NOT_UPLOADED
						+ " (blob.upload.max-blob-size)");
				return this.calls.refuseOutput(context, MediaOffloadOutcome.REFUSED_TOO_LARGE, contentType,
						audio.size());
			}
			if (audio.size() == 0) {
				return null;
			}
			return this.calls.offloadOutput(context, new Blob(audio.bytes(), contentType, null));
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not offload streamed text-to-speech audio: " + ex.getClass().getName(), ex);
			return null;
		}
	}

	@Override
	public TextToSpeechOptions getDefaultOptions() {
		return this.delegate.getDefaultOptions();
	}

	private @Nullable OffloadedMedia offload(AudioOffloadObservationContext context,
			@Nullable TextToSpeechResponse response, @Nullable String format) {
		if (response == null || response.getResult() == null || response.getResult().getOutput() == null) {
			return null;
		}
		return this.calls.offloadOutput(context, new Blob(response.getResult().getOutput(), contentType(format), null));
	}

	private @Nullable String format(TextToSpeechPrompt prompt) {
		TextToSpeechOptions options = prompt.getOptions();
		String format = (options != null) ? options.getFormat() : null;
		if (format == null && this.delegate.getDefaultOptions() != null) {
			format = this.delegate.getDefaultOptions().getFormat();
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
