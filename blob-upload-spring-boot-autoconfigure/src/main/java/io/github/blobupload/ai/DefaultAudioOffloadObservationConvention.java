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

import io.github.blobupload.ai.AudioOffloadObservationDocumentation.HighCardinalityKeyNames;
import io.github.blobupload.ai.AudioOffloadObservationDocumentation.LowCardinalityKeyNames;
import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import io.micrometer.common.docs.KeyName;
import org.jspecify.annotations.Nullable;

/**
 * The default names: the observation {@value #DEFAULT_NAME}, a span named after the
 * operation ({@code text_to_speech}, {@code transcription}), and the keys of
 * {@link AudioOffloadObservationDocumentation}. Override one method per key to change
 * what it records.
 */
public class DefaultAudioOffloadObservationConvention implements AudioOffloadObservationConvention {

	/** The observation's name (and the name of the timer Micrometer derives from it). */
	public static final String DEFAULT_NAME = "blob.upload.audio";

	@Override
	public String getName() {
		return DEFAULT_NAME;
	}

	@Override
	public String getContextualName(AudioOffloadObservationContext context) {
		return context.getOperation().value();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(AudioOffloadObservationContext context) {
		return KeyValues.of(operation(context));
	}

	@Override
	public KeyValues getHighCardinalityKeyValues(AudioOffloadObservationContext context) {
		KeyValues keyValues = KeyValues.empty();
		keyValues = inputAudioUrl(keyValues, context);
		keyValues = inputAudioMimeType(keyValues, context);
		keyValues = outputAudioUrl(keyValues, context);
		return outputAudioMimeType(keyValues, context);
	}

	/**
	 * Returns the operation key value.
	 * @param context the context
	 * @return the key value
	 */
	protected KeyValue operation(AudioOffloadObservationContext context) {
		return KeyValue.of(LowCardinalityKeyNames.OPERATION, context.getOperation().value());
	}

	/**
	 * Adds where the input audio was recorded, when it was offloaded.
	 * @param keyValues the key values so far
	 * @param context the context
	 * @return the key values
	 */
	protected KeyValues inputAudioUrl(KeyValues keyValues, AudioOffloadObservationContext context) {
		return url(keyValues, HighCardinalityKeyNames.INPUT_AUDIO_URL, context.getInputAudio());
	}

	/**
	 * Adds the content type of the input audio, when it was offloaded.
	 * @param keyValues the key values so far
	 * @param context the context
	 * @return the key values
	 */
	protected KeyValues inputAudioMimeType(KeyValues keyValues, AudioOffloadObservationContext context) {
		return mimeType(keyValues, HighCardinalityKeyNames.INPUT_AUDIO_MIME_TYPE, context.getInputAudio());
	}

	/**
	 * Adds where the output audio was recorded, when it was offloaded.
	 * @param keyValues the key values so far
	 * @param context the context
	 * @return the key values
	 */
	protected KeyValues outputAudioUrl(KeyValues keyValues, AudioOffloadObservationContext context) {
		return url(keyValues, HighCardinalityKeyNames.OUTPUT_AUDIO_URL, context.getOutputAudio());
	}

	/**
	 * Adds the content type of the output audio, when it was offloaded.
	 * @param keyValues the key values so far
	 * @param context the context
	 * @return the key values
	 */
	protected KeyValues outputAudioMimeType(KeyValues keyValues, AudioOffloadObservationContext context) {
		return mimeType(keyValues, HighCardinalityKeyNames.OUTPUT_AUDIO_MIME_TYPE, context.getOutputAudio());
	}

	private static KeyValues url(KeyValues keyValues, KeyName key, @Nullable OffloadedMedia audio) {
		return (audio != null) ? keyValues.and(KeyValue.of(key, String.valueOf(audio.uri()))) : keyValues;
	}

	private static KeyValues mimeType(KeyValues keyValues, KeyName key, @Nullable OffloadedMedia audio) {
		return (audio != null) ? keyValues.and(KeyValue.of(key, audio.contentType())) : keyValues;
	}

}
