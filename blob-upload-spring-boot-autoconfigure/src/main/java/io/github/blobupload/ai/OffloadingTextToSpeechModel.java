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

import org.jspecify.annotations.Nullable;

import org.springframework.ai.audio.tts.TextToSpeechModel;

/**
 * A {@link TextToSpeechModel} that offloads the audio it returns ({@code audio.output})
 * and records it in a {@code blob.upload.audio} observation (a span when tracing is on)
 * carrying {@code output.audio.url} and {@code output.audio.mime_type} (see
 * {@link AudioOffloadObservationDocumentation}). A stream's audio is assembled and
 * offloaded once, when it completes, up to {@linkplain #setMaxStreamedAudioBytes(long) a
 * limit}.
 * <p>
 * The Spring AI auto-configuration wraps every {@link TextToSpeechModel} bean in one
 * ({@code blob.upload.ai.audio-models.enabled}); outside it, wrap a model with
 * {@code new io.github.blobupload.ai.audio.DefaultOffloadingTextToSpeechModel(model, offloader, spans, observations)}.
 */
public interface OffloadingTextToSpeechModel extends TextToSpeechModel {

	/** The default most bytes of streamed audio assembled to be offloaded: 20 MB. */
	long DEFAULT_MAX_STREAMED_AUDIO_BYTES = 20L * 1024 * 1024;

	/**
	 * Sets the convention that names the observation and its keys, in place of the
	 * default one (and of any global convention).
	 * @param convention the convention, or {@code null} for the default
	 */
	void setObservationConvention(@Nullable AudioOffloadObservationConvention convention);

	/**
	 * Sets the most bytes of streamed audio assembled in memory to be offloaded; the
	 * audio of a longer stream is refused (default
	 * {@value #DEFAULT_MAX_STREAMED_AUDIO_BYTES}, 20 MB, the default most bytes of a
	 * blob).
	 * @param maxStreamedAudioBytes the limit in bytes, positive
	 */
	void setMaxStreamedAudioBytes(long maxStreamedAudioBytes);

}
