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

import io.github.blobupload.BlobLinks;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.ai.chat.BlobOffloadObservationFilter;
import io.github.blobupload.ai.chat.BlobOffloadObservationHandler;
import io.github.blobupload.ai.chat.MediaWalker;
import io.github.blobupload.ai.format.GenAiEventEmitter;
import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.ai.offload.MediaOffloaderBuilder;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.BuilderArguments;
import io.github.blobupload.autoconfigure.CallerBlobLabels;
import io.github.blobupload.autoconfigure.ConfigurationCheck;
import io.github.blobupload.autoconfigure.ConfigurationChecksRegistrar;
import io.github.blobupload.autoconfigure.ErasureMemoLifetime;
import io.github.blobupload.autoconfigure.KnownUseCases;
import io.github.blobupload.autoconfigure.viewer.BlobUploadViewerProperties;
import io.micrometer.observation.ObservationFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.content.Media;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the Spring AI integration: a {@link MediaOffloader}, an
 * observation handler that offloads prompt media when a {@code ChatModel} call starts, an
 * {@link ObservationFilter} that records offloaded media on the spans of
 * {@code ChatModel}/{@code ImageModel} observations (with a {@link GenAiRefsWriter} when
 * the {@code refs} layout is on), a {@link BlobOffloadAdvisor} added to every
 * auto-configured {@code ChatClient.Builder}, and wrappers around every
 * {@code TextToSpeechModel} and {@code TranscriptionModel} bean, an interceptor of
 * spring-ai-openai's HTTP client that recovers streamed chat audio, and, when switched
 * on, a {@link GenAiEventEmitter} of GenAI log events. Active when uploading is enabled
 * ({@code blob.upload.enabled=true}) and Spring AI is on the classpath.
 */
@AutoConfiguration(after = BlobUploadAutoConfiguration.class,
		afterName = "org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration")
@ConditionalOnClass({ Media.class, ChatModelObservationContext.class, ObservationFilter.class })
@ConditionalOnBooleanProperty("blob.upload.enabled")
@ConditionalOnBooleanProperty(name = "blob.upload.ai.enabled", matchIfMissing = true)
@ConditionalOnBean(BlobUploaderRegistry.class)
@EnableConfigurationProperties({ BlobUploadAiProperties.class, BlobUploadViewerProperties.class })
@Import({ ConfigurationChecksRegistrar.class, SpringAiConfigurations.TracingConfiguration.class,
		SpringAiConfigurations.GenAiEventsConfiguration.class, SpringAiConfigurations.AdvisorConfiguration.class,
		SpringAiConfigurations.OpenAiStreamedAudioConfiguration.class,
		SpringAiConfigurations.MetricsConfiguration.class, SpringAiConfigurations.AudioModelsConfiguration.class })
public final class BlobUploadSpringAiAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(BlobUploadSpringAiAutoConfiguration.class);

	@Bean
	static ConfigurationCheck blobUploadSpringAiConfigurationCheck() {
		return new SpringAiConfigurationCheck();
	}

	@Bean
	KnownUseCases springAiUseCases(BlobUploadAiProperties properties, Environment environment) {
		return new KnownUseCases("the Spring AI integration", AiUseCases.ALL,
				RefsSettings.destinations(properties, environment));
	}

	@Bean
	@ConditionalOnMissingBean
	MediaOffloader blobMediaOffloader(BlobUploaderRegistry registry, BlobUploadAiProperties ai,
			BlobUploadViewerProperties viewer, ObjectProvider<BlobOffloadListener> listeners,
			ObjectProvider<MediaFilter> filters, ObjectProvider<BlobLinks> links, Environment environment,
			ObjectProvider<CallerBlobLabels> callerLabels) {
		// Each rule is checked once, by the builder; BuilderArguments names the property.
		MediaOffloaderBuilder builder = MediaOffloader.builder(registry);
		OffloaderSettings.apply(ai, builder, BuilderArguments::set);
		// With erasure on, media seen before is trusted for half its grace period only.
		builder.recentMediaLifetime(ErasureMemoLifetime.of(environment));
		BlobLinks viewerLinks = links.getIfAvailable(() -> BlobLinks.IDENTITY);
		return builder.uploadOnlyWhenSampled(ai.isUploadOnlyWhenSampled())
			.listeners(listeners.orderedStream().toList())
			.filters(filters.orderedStream().toList())
			.eventViewerLinks(viewerLinks)
			.recordedLinks(viewer.isRecordLinks() ? viewerLinks : BlobLinks.IDENTITY)
			.callerLabels(callerLabels.getIfAvailable())
			.build();
	}

	@Bean
	@ConditionalOnMissingBean
	MediaWalker blobMediaWalker(MediaOffloader offloader, BlobUploadAiProperties properties) {
		if (properties.isCaptureContent()) {
			logger.warn("blob.upload.ai.capture-content is on: prompt and completion text is recorded on spans and "
					+ "exported to the tracing backend. Make sure that is intended.");
		}
		return new MediaWalker(offloader, properties.isCaptureContent());
	}

	@Bean
	@ConditionalOnMissingBean
	SpanInfoResolver blobNoSpanInfoResolver() {
		return SpanInfoResolver.NONE;
	}

	@Bean
	@ConditionalOnMissingBean
	BlobOffloadObservationFilter blobOffloadObservationFilter(MediaWalker walker, SpanInfoResolver spans,
			BlobUploadAiProperties properties, ObjectProvider<GenAiRefsWriter> refs,
			ObjectProvider<GenAiEventEmitter> events, ObjectProvider<StreamedChatAudio> streamedAudio) {
		// At least one layout: checked before any bean was created
		// (SpringAiConfigurationCheck).
		BlobOffloadObservationFilter filter = new BlobOffloadObservationFilter(walker, spans, properties.getLayouts(),
				RefsSettings.enabled(properties) ? refs.getIfAvailable() : null, events.getIfAvailable());
		filter.setStreamedChatAudio(streamedAudio.getIfAvailable());
		return filter;
	}

	@Bean
	@ConditionalOnMissingBean
	@Conditional(OnRefsLayoutCondition.class)
	GenAiRefsWriter blobGenAiRefsWriter(BlobUploaderRegistry registry, BlobUploadAiProperties properties,
			Environment environment) {
		GenAiRefsWriter refs = new GenAiRefsWriter(registry, RefsSettings.format(properties, environment));
		logger.warn("blob.upload.ai.layouts includes refs: the prompt, system instruction, completion and tool text "
				+ "of every sampled model call is written to {} as {} files. Make sure that is intended and that "
				+ "storage is access-controlled.", RefsSettings.describeDestination(registry),
				refs.format().extension());
		return refs;
	}

	@Bean
	@ConditionalOnMissingBean
	BlobOffloadObservationHandler blobOffloadObservationHandler(MediaWalker walker, SpanInfoResolver spans) {
		return new BlobOffloadObservationHandler(walker, spans);
	}

}
