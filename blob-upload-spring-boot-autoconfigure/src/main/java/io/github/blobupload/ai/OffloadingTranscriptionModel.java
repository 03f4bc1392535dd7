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

import org.springframework.ai.audio.transcription.TranscriptionModel;

/**
 * A {@link TranscriptionModel} that offloads the audio given to it ({@code audio.input})
 * and records it in a {@code blob.upload.audio} observation carrying
 * {@code input.audio.url} and {@code input.audio.mime_type} (see
 * {@link AudioOffloadObservationDocumentation}). Audio given as a remote URL is recorded
 * as that URL and never fetched.
 * <p>
 * The Spring AI auto-configuration wraps every {@link TranscriptionModel} bean in one
 * ({@code blob.upload.ai.audio-models.enabled}); outside it, wrap a model with
 * {@code new io.github.blobupload.ai.audio.DefaultOffloadingTranscriptionModel(model, offloader, spans, observations)}.
 */
public interface OffloadingTranscriptionModel extends TranscriptionModel {

	/**
	 * Sets the convention that names the observation and its keys, in place of the
	 * default one (and of any global convention).
	 * @param convention the convention, or {@code null} for the default
	 */
	void setObservationConvention(@Nullable AudioOffloadObservationConvention convention);

}
