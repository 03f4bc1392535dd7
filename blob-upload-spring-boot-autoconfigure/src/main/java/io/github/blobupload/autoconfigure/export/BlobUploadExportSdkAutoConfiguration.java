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

import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.export.otel.ExportGuardCustomizerProvider;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the export guard on the OpenTelemetry SDK's exporters, next to
 * {@link BlobUploadExportAutoConfiguration}, which makes the guard: the log records of
 * Spring Boot's OpenTelemetry path (its {@link LogRecordExporter} beans are wrapped), and
 * the spans and log records of the OpenTelemetry Spring Boot starter
 * ({@code io.opentelemetry.instrumentation:opentelemetry-spring-boot-starter}, through
 * its customizer SPI). Active when {@code blob.upload.export.enabled=true}; each signal
 * can be turned off with {@code blob.upload.export.spans.enabled} and
 * {@code blob.upload.export.logs.enabled}.
 */
@AutoConfiguration(after = BlobUploadExportAutoConfiguration.class)
@ConditionalOnBooleanProperty("blob.upload.export.enabled")
public final class BlobUploadExportSdkAutoConfiguration {

	/** The auto-configuration of the OpenTelemetry Spring Boot starter. */
	static final String OTEL_STARTER = "io.opentelemetry.instrumentation.spring.autoconfigure.OpenTelemetryAutoConfiguration";

	/**
	 * Flushes the OpenTelemetry SDKs before the upload registries stop, so that what is
	 * queued for export at shutdown is guarded while its media can still be stored.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(OpenTelemetrySdk.class)
	static class FlushConfiguration {

		@Bean
		ExportFlushLifecycle blobExportFlushLifecycle(ObjectProvider<OpenTelemetry> openTelemetries) {
			return new ExportFlushLifecycle(openTelemetries.orderedStream().toList());
		}

	}

	/**
	 * Log records on Spring Boot's OpenTelemetry path: its log-record processor exports
	 * through the application's {@link LogRecordExporter} beans, each wrapped.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(LogRecordExporter.class)
	@ConditionalOnBooleanProperty(name = "blob.upload.export.logs.enabled", matchIfMissing = true)
	static class LogRecordExporterConfiguration {

		@Bean
		static GuardingLogRecordExporterPostProcessor blobExportLogRecordExporterPostProcessor(
				ObjectProvider<ExportGuard> guard) {
			return new GuardingLogRecordExporterPostProcessor(guard);
		}

	}

	/**
	 * The OpenTelemetry Spring Boot starter: it builds its SDK with the SDK's
	 * auto-configuration, which takes {@link AutoConfigurationCustomizerProvider} beans.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = OTEL_STARTER, value = AutoConfigurationCustomizerProvider.class)
	static class OpenTelemetryStarterConfiguration {

		@Bean
		ExportGuardCustomizerProvider blobExportGuardCustomizerProvider(ObjectProvider<ExportGuard> guard,
				BlobUploadExportProperties properties) {
			ExportGuard provided = new ProvidedExportGuard(guard);
			return new ExportGuardCustomizerProvider(() -> provided, properties.getSpans().isEnabled(),
					properties.getLogs().isEnabled());
		}

	}

}
