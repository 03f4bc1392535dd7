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

import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.ai.chat.DefaultBlobOffloadAdvisor;
import io.github.blobupload.ai.chat.MediaWalker;
import io.github.blobupload.ai.format.GenAiEventEmitter;
import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.ai.metrics.AiMediaMetrics;
import io.github.blobupload.ai.metrics.AiRefsMetrics;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.ai.offload.TracingSpanInfoResolver;
import io.github.blobupload.ai.openai.StreamedChatAudioInterceptor;
import io.github.blobupload.autoconfigure.BlobUploadProperties;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.logs.LoggerProvider;
import okhttp3.Interceptor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientCustomizer;
import org.springframework.ai.openai.http.okhttp.OpenAiHttpClientBuilderCustomizer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The optional parts of the Spring AI integration, each active on its own conditions,
 * imported by {@link BlobUploadSpringAiAutoConfiguration}: span resolution through
 * Micrometer Tracing, the GenAI log events, the {@code ChatClient} advisor, the recovery
 * of streamed OpenAI chat audio, the meters and the wrapping of the audio models.
 */
final class SpringAiConfigurations {

	private static final Logger logger = LoggerFactory.getLogger(BlobUploadSpringAiAutoConfiguration.class);

	private SpringAiConfigurations() {
	}

	/**
	 * Resolves spans through Micrometer Tracing when a {@link Tracer} bean exists (looked
	 * up when the resolver is created, so the order of auto-configurations does not
	 * matter).
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(Tracer.class)
	static class TracingConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SpanInfoResolver blobSpanInfoResolver(ObjectProvider<Tracer> tracer) {
			Tracer available = tracer.getIfAvailable();
			return (available != null) ? new TracingSpanInfoResolver(available) : SpanInfoResolver.NONE;
		}

	}

	/**
	 * Emits the GenAI event of each model call through the OpenTelemetry Logs API, when
	 * switched on and the application has an {@link OpenTelemetry} bean.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LoggerProvider.class)
	@ConditionalOnBooleanProperty("blob.upload.ai.events.enabled")
	static class GenAiEventsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(OpenTelemetry.class)
		GenAiEventEmitter blobGenAiEventEmitter(OpenTelemetry openTelemetry, BlobUploadAiProperties properties) {
			if (properties.isCaptureContent()) {
				logger.warn("blob.upload.ai.events.enabled and blob.upload.ai.capture-content are on: prompt and "
						+ "completion text is also emitted in " + GenAiEventEmitter.EVENT_NAME
						+ " log events. Make sure that is intended.");
			}
			return new GenAiEventEmitter(openTelemetry);
		}

	}

	/** Adds the advisor to every auto-configured {@code ChatClient.Builder}. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(ChatClient.class)
	@ConditionalOnBooleanProperty(name = "blob.upload.ai.advisor.enabled", matchIfMissing = true)
	static class AdvisorConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BlobOffloadAdvisor blobOffloadAdvisor(MediaWalker walker, SpanInfoResolver spans,
				BlobUploadAiProperties properties, ObjectProvider<ObservationRegistry> observations) {
			// With an observation registry, Spring Boot registers the handler that
			// offloads prompt media as the model's span starts.
			return DefaultBlobOffloadAdvisor.builder(walker)
				.spanInfoResolver(spans)
				.order(properties.getAdvisor().getOrder())
				.modelObserved(observations.getIfUnique() != null)
				.build();
		}

		@Bean
		ChatClientCustomizer blobOffloadChatClientCustomizer(BlobOffloadAdvisor advisor) {
			return (builder) -> builder.defaultAdvisors(advisor);
		}

	}

	/**
	 * Recovers the audio of streamed chat completions, which spring-ai-openai drops, with
	 * an interceptor added to its HTTP client.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ OpenAiHttpClientBuilderCustomizer.class, Interceptor.class })
	@ConditionalOnBooleanProperty(name = "blob.upload.ai.openai.streamed-audio.enabled", matchIfMissing = true)
	static class OpenAiStreamedAudioConfiguration {

		@Bean
		@ConditionalOnMissingBean
		StreamedChatAudio blobStreamedChatAudio(BlobUploadProperties properties) {
			return new StreamedChatAudio(properties.getMaxBlobSize().toBytes());
		}

		@Bean
		OpenAiHttpClientBuilderCustomizer blobStreamedChatAudioCustomizer(StreamedChatAudio audio) {
			StreamedChatAudioInterceptor interceptor = new StreamedChatAudioInterceptor(audio);
			return (builder) -> builder.interceptor(interceptor);
		}

	}

	/**
	 * Binds the meters of the Spring AI integration ({@code blob.upload.ai.media},
	 * {@code blob.upload.ai.prompt.offload.caller}, {@code blob.upload.ai.refs}) when
	 * Micrometer is on the class path; Spring Boot binds them to the application's meter
	 * registry.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AiMediaMetrics blobUploadAiMediaMetrics(ObjectProvider<MediaOffloader> offloader) {
			return new AiMediaMetrics(offloader::getIfAvailable);
		}

		@Bean
		@ConditionalOnMissingBean
		AiRefsMetrics blobUploadAiRefsMetrics(ObjectProvider<GenAiRefsWriter> writer) {
			return new AiRefsMetrics(writer::getIfAvailable);
		}

	}

	/**
	 * Wraps every {@code TextToSpeechModel} and {@code TranscriptionModel} bean so that
	 * its audio is offloaded.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(TextToSpeechModel.class)
	@ConditionalOnBooleanProperty(name = "blob.upload.ai.audio-models.enabled", matchIfMissing = true)
	static class AudioModelsConfiguration {

		@Bean
		static OffloadingAudioModelsPostProcessor blobOffloadingAudioModelsPostProcessor(
				ObjectProvider<MediaOffloader> offloader, ObjectProvider<SpanInfoResolver> spans,
				ObjectProvider<ObservationRegistry> observations, ObjectProvider<BlobUploadProperties> properties) {
			return new OffloadingAudioModelsPostProcessor(offloader, spans, observations, properties);
		}

	}

}
