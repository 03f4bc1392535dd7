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

import io.micrometer.common.docs.KeyName;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationConvention;
import io.micrometer.observation.docs.ObservationDocumentation;

/**
 * Documents the audio-model observation of {@link OffloadingTextToSpeechModel} and
 * {@link OffloadingTranscriptionModel}: its name and key names. The audio keys are the
 * OpenInference attribute names.
 */
public enum AudioOffloadObservationDocumentation implements ObservationDocumentation {

	/**
	 * One call to a wrapped text-to-speech or transcription model, which Spring AI does
	 * not observe itself. Streaming calls are not observed.
	 */
	AUDIO_MODEL_CALL {

		@Override
		public Class<? extends ObservationConvention<? extends Observation.Context>> getDefaultConvention() {
			return DefaultAudioOffloadObservationConvention.class;
		}

		@Override
		public KeyName[] getLowCardinalityKeyNames() {
			return LowCardinalityKeyNames.values();
		}

		@Override
		public KeyName[] getHighCardinalityKeyNames() {
			return HighCardinalityKeyNames.values();
		}

	};

	/** Keys with few values, recorded on spans and as meter tags. */
	public enum LowCardinalityKeyNames implements KeyName {

		/** The operation: {@code text_to_speech} or {@code transcription}. */
		OPERATION {
			@Override
			public String asString() {
				return "blob.upload.audio.operation";
			}
		}

	}

	/**
	 * Keys with many values, recorded on spans only, and only when the audio was
	 * offloaded (not when the span is sampled out and uploads follow sampling).
	 */
	public enum HighCardinalityKeyNames implements KeyName {

		/**
		 * Where the audio sent to the model was recorded: its storage URI, the remote URL
		 * it was given as, or {@value io.github.blobupload.BlobUploader#NOT_UPLOADED}
		 * when it was refused.
		 */
		INPUT_AUDIO_URL {
			@Override
			public String asString() {
				return "input.audio.url";
			}
		},

		/** The content type of the audio sent to the model. */
		INPUT_AUDIO_MIME_TYPE {
			@Override
			public String asString() {
				return "input.audio.mime_type";
			}
		},

		/** Where the audio the model returned was recorded. */
		OUTPUT_AUDIO_URL {
			@Override
			public String asString() {
				return "output.audio.url";
			}
		},

		/**
		 * The content type of the audio the model returned (raw PCM is recorded as WAV).
		 */
		OUTPUT_AUDIO_MIME_TYPE {
			@Override
			public String asString() {
				return "output.audio.mime_type";
			}
		}

	}

}
