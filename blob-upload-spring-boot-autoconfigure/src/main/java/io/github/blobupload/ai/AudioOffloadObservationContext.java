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

import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an audio-model observation knows: which operation it observes and, once offloaded,
 * where the audio sent to the model and the audio it returned were recorded. Never the
 * audio itself.
 */
public class AudioOffloadObservationContext extends Observation.Context {

	private final Operation operation;

	private @Nullable OffloadedMedia inputAudio;

	private @Nullable OffloadedMedia outputAudio;

	/**
	 * Creates a context for one call.
	 * @param operation the operation called
	 */
	public AudioOffloadObservationContext(Operation operation) {
		this.operation = Objects.requireNonNull(operation, "operation must not be null");
	}

	/**
	 * Returns the operation called.
	 * @return the operation
	 */
	public Operation getOperation() {
		return this.operation;
	}

	/**
	 * Returns what became of the audio sent to the model.
	 * @return the offloaded audio, or {@code null} when none was offloaded
	 */
	public @Nullable OffloadedMedia getInputAudio() {
		return this.inputAudio;
	}

	/**
	 * Sets what became of the audio sent to the model.
	 * @param inputAudio the offloaded audio, or {@code null}
	 */
	public void setInputAudio(@Nullable OffloadedMedia inputAudio) {
		this.inputAudio = inputAudio;
	}

	/**
	 * Returns what became of the audio the model returned.
	 * @return the offloaded audio, or {@code null} when none was offloaded
	 */
	public @Nullable OffloadedMedia getOutputAudio() {
		return this.outputAudio;
	}

	/**
	 * Sets what became of the audio the model returned.
	 * @param outputAudio the offloaded audio, or {@code null}
	 */
	public void setOutputAudio(@Nullable OffloadedMedia outputAudio) {
		this.outputAudio = outputAudio;
	}

	/** The audio-model operations that are observed. */
	public enum Operation {

		/** A call to a {@code TextToSpeechModel}: its audio is output. */
		TEXT_TO_SPEECH("text_to_speech"),

		/** A call to a {@code TranscriptionModel}: its audio is input. */
		TRANSCRIPTION("transcription");

		private final String value;

		Operation(String value) {
			this.value = value;
		}

		/**
		 * Returns the operation's name as recorded.
		 * @return {@code text_to_speech} or {@code transcription}
		 */
		public String value() {
			return this.value;
		}

	}

}
