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

package io.github.blobupload.autoconfigure.ai;

import io.github.blobupload.ai.OffloadingTextToSpeechModel;
import io.github.blobupload.ai.OffloadingTranscriptionModel;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.audio.DefaultOffloadingTextToSpeechModel;
import io.github.blobupload.ai.audio.DefaultOffloadingTranscriptionModel;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.autoconfigure.BlobUploadProperties;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps every {@link TextToSpeechModel} and {@link TranscriptionModel} bean,
 * auto-configured or the application's, in {@link OffloadingTextToSpeechModel} /
 * {@link OffloadingTranscriptionModel}, since Spring AI does not observe these models. A
 * bean that already is such a wrapper is left as it is. What the wrappers need is looked
 * up when the first model is wrapped, so that this early post-processor creates nothing
 * early.
 */
final class OffloadingAudioModelsPostProcessor implements BeanPostProcessor {

	private final ObjectProvider<MediaOffloader> offloader;

	private final ObjectProvider<SpanInfoResolver> spans;

	private final ObjectProvider<ObservationRegistry> observations;

	private final ObjectProvider<BlobUploadProperties> properties;

	OffloadingAudioModelsPostProcessor(ObjectProvider<MediaOffloader> offloader, ObjectProvider<SpanInfoResolver> spans,
			ObjectProvider<ObservationRegistry> observations, ObjectProvider<BlobUploadProperties> properties) {
		this.offloader = offloader;
		this.spans = spans;
		this.observations = observations;
		this.properties = properties;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof TextToSpeechModel speech && !(bean instanceof OffloadingTextToSpeechModel)) {
			OffloadingTextToSpeechModel wrapper = new DefaultOffloadingTextToSpeechModel(speech,
					this.offloader.getObject(), this.spans.getObject(), observations());
			// Streamed audio larger than a blob may be would be refused by the uploader:
			// it is not assembled past that.
			BlobUploadProperties upload = this.properties.getIfAvailable();
			if (upload != null) {
				wrapper.setMaxStreamedAudioBytes(upload.getMaxBlobSize().toBytes());
			}
			return wrapper;
		}
		if (bean instanceof TranscriptionModel transcription && !(bean instanceof OffloadingTranscriptionModel)) {
			return new DefaultOffloadingTranscriptionModel(transcription, this.offloader.getObject(),
					this.spans.getObject(), observations());
		}
		return bean;
	}

	private ObservationRegistry observations() {
		return this.observations.getIfUnique(() -> ObservationRegistry.NOOP);
	}

}
