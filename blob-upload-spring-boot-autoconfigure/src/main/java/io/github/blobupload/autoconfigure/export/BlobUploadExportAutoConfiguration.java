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

package io.github.blobupload.autoconfigure.export;

import java.util.List;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.ai.offload.MediaOffloaderBuilder;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.BuilderArguments;
import io.github.blobupload.autoconfigure.ConfigurationCheck;
import io.github.blobupload.autoconfigure.ConfigurationChecksRegistrar;
import io.github.blobupload.autoconfigure.ErasureMemoLifetime;
import io.github.blobupload.autoconfigure.KnownUseCases;
import io.github.blobupload.autoconfigure.ai.BlobUploadAiProperties;
import io.github.blobupload.autoconfigure.ai.BlobUploadSpringAiAutoConfiguration;
import io.github.blobupload.autoconfigure.ai.OffloaderSettings;
import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.export.ExportGuardCounts;
import io.github.blobupload.export.ExportGuardListener;
import io.github.blobupload.export.ExportSignal;
import io.github.blobupload.export.media.MediaExportGuard;
import io.github.blobupload.export.metrics.ExportGuardMetrics;
import io.github.blobupload.export.tracing.GuardingSpanFilter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of the export guard ({@code blob.upload.export.*}): an
 * {@link ExportGuard} that stores inline media through the Spring AI hooks'
 * {@link MediaOffloader} (or, without the Spring AI integration, an offloader built from
 * the same {@code blob.upload.ai.*} settings; with uploading off, a guard that replaces
 * media by markers), its counts and meters, and, on Spring Boot's OpenTelemetry path, a
 * Micrometer {@link SpanFilter} that guards each finished span once before export. Active
 * when {@code blob.upload.export.enabled=true}.
 */
@AutoConfiguration(after = { BlobUploadAutoConfiguration.class, BlobUploadSpringAiAutoConfiguration.class })
@ConditionalOnBooleanProperty("blob.upload.export.enabled")
@EnableConfigurationProperties({ BlobUploadExportProperties.class, BlobUploadAiProperties.class })
@Import(ConfigurationChecksRegistrar.class)
public final class BlobUploadExportAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(BlobUploadExportAutoConfiguration.class);

	@Bean
	static ConfigurationCheck blobUploadExportConfigurationCheck() {
		return (report) -> {
			BlobUploadExportProperties properties = report.bind("blob.upload.export", BlobUploadExportProperties.class);
			ExportGuardSettings.apply(properties, MediaExportGuard.strippingBuilder(), report::set);
		};
	}

	@Bean
	KnownUseCases exportGuardUseCases() {
		return new KnownUseCases("the export guard", List.of(ExportSignal.SPAN.useCase(), ExportSignal.LOG.useCase()));
	}

	@Bean
	@ConditionalOnMissingBean
	ExportGuardCounts blobExportGuardCounts() {
		return new ExportGuardCounts();
	}

	@Bean
	@ConditionalOnMissingBean
	ExportGuard blobExportGuard(BlobUploadExportProperties properties, BlobUploadAiProperties ai,
			Environment environment, ObjectProvider<MediaOffloader> offloaders,
			ObjectProvider<BlobUploaderRegistry> registries, ObjectProvider<MediaFilter> filters,
			ObjectProvider<ExportGuardListener> listeners) {
		boolean uploading = environment.getProperty("blob.upload.enabled", Boolean.class, true);
		BlobUploaderRegistry registry = registries.getIfAvailable();
		MediaExportGuard.Builder builder;
		if (!uploading || registry == null) {
			builder = MediaExportGuard.strippingBuilder();
		}
		else {
			MediaOffloader offloader = offloaders.getIfAvailable();
			if (offloader == null) {
				// Without the Spring AI integration: the same settings, its own
				// offloader.
				MediaOffloaderBuilder offloaderBuilder = MediaOffloader.builder(registry);
				OffloaderSettings.apply(ai, offloaderBuilder, BuilderArguments::set);
				offloader = offloaderBuilder.uploadOnlyWhenSampled(false)
					.recentMediaLifetime(ErasureMemoLifetime.of(environment))
					.promptOffloadThreads(0)
					.filters(filters.orderedStream().toList())
					.build();
			}
			builder = MediaExportGuard.builder(offloader);
		}
		ExportGuardSettings.apply(properties, builder, BuilderArguments::set);
		// The counts are one of the listeners.
		return builder.listeners(listeners.orderedStream().toList()).build();
	}

	/**
	 * Spans on Spring Boot's OpenTelemetry path: a {@link SpanFilter}, which Spring Boot
	 * applies in its batch span processor before the spans fan out to the exporters.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ SpanFilter.class, OtelFinishedSpan.class })
	@ConditionalOnBooleanProperty(name = "blob.upload.export.spans.enabled", matchIfMissing = true)
	static class SpanFilterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		GuardingSpanFilter blobExportSpanFilter(ExportGuard guard, BlobUploadExportProperties properties,
				Environment environment) {
			boolean uploading = environment.getProperty("blob.upload.enabled", Boolean.class, true);
			logger.info("Export guard on spans: a Micrometer SpanFilter on Spring Boot's OpenTelemetry span processor "
					+ "examines each finished span once before export (string values from {}); inline media is {}.",
					BuilderArguments.format(properties.getExamineAbove()),
					uploading ? "stored under use case " + ExportSignal.SPAN.useCase() + " and exported as its URI"
							: "replaced by /dev/null markers, since uploading is off (blob.upload.enabled=false)");
			return new GuardingSpanFilter(guard);
		}

	}

	/**
	 * The guard's meters, when Micrometer is on the class path.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		ExportGuardMetrics blobExportGuardMetrics(ExportGuardCounts counts) {
			return new ExportGuardMetrics(counts);
		}

	}

}
