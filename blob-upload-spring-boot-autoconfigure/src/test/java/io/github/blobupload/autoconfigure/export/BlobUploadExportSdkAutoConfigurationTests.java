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

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.export.otel.ExportGuardCustomizerProvider;
import io.github.blobupload.export.otel.GuardedLogRecordExporter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.opentelemetry.autoconfigure.OpenTelemetrySdkAutoConfiguration;
import org.springframework.boot.opentelemetry.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadExportSdkAutoConfiguration} on Spring Boot's own
 * OpenTelemetry auto-configuration: log records emitted through the application's
 * {@link OpenTelemetry} bean reach its {@link LogRecordExporter} beans guarded.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobUploadExportSdkAutoConfigurationTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(OpenTelemetrySdkAutoConfiguration.class,
				OpenTelemetryLoggingAutoConfiguration.class, BlobUploadAutoConfiguration.class,
				BlobUploadExportAutoConfiguration.class, BlobUploadExportSdkAutoConfiguration.class))
		.withUserConfiguration(MemoryExporterConfiguration.class);

	@Test
	void offByDefault() {
		this.runner.run((context) -> {
			assertThat(context).doesNotHaveBean(GuardingLogRecordExporterPostProcessor.class);
			assertThat(context.getBean("memoryLogs")).isInstanceOf(InMemoryLogRecordExporter.class);
		});
	}

	@Test
	void logRecordWithMediaArrivesWithTheStoredBlobsUri(CapturedOutput output) {
		byte[] image = new byte[3000];
		new Random(31).nextBytes(image);
		this.runner
			.withPropertyValues("blob.upload.export.enabled=true", "blob.upload.enabled=true",
					"blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> {
				assertThat(context.getBean("memoryLogs")).isInstanceOf(GuardedLogRecordExporter.class);
				emit(context.getBean(OpenTelemetry.class),
						"data:image/png;base64," + Base64.getEncoder().encodeToString(image));
				context.getBean(SdkLoggerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				LogRecordData record = context.getBean(MemoryExporterConfiguration.class).memory
					.getFinishedLogRecordItems()
					.get(0);
				String uri = record.getBodyValue().asString();
				assertThat(uri).startsWith("file:").endsWith(".png");
				assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
				assertThat(Files.readAllBytes(Path.of(URI.create(uri)))).isEqualTo(image);
			});
		assertThat(output).contains("Export guard on log records: LogRecordExporter bean 'memoryLogs'")
			.doesNotContain(Base64.getEncoder().encodeToString(image).substring(0, 40));
	}

	@Test
	void whatIsQueuedAtShutdownIsStoredBeforeUploadingStops() {
		byte[] image = new byte[3000];
		new Random(32).nextBytes(image);
		KeepingExporterConfiguration.exported.clear();
		this.runner.withUserConfiguration(KeepingExporterConfiguration.class)
			.withPropertyValues("blob.upload.export.enabled=true", "blob.upload.enabled=true",
					"blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> emit(context.getBean(OpenTelemetry.class),
					"data:image/png;base64," + Base64.getEncoder().encodeToString(image)));
		assertThat(KeepingExporterConfiguration.exported).singleElement().satisfies((record) -> {
			String uri = record.getBodyValue().asString();
			assertThat(uri).startsWith("file:");
			assertThat(Files.readAllBytes(Path.of(URI.create(uri)))).isEqualTo(image);
		});
	}

	@Test
	void withUploadingOffMediaIsStripped() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true", "blob.upload.enabled=false")
			.run((context) -> {
				emit(context.getBean(OpenTelemetry.class),
						"data:image/png;base64," + Base64.getEncoder().encodeToString(new byte[3000]));
				context.getBean(SdkLoggerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
				assertThat(context.getBean(MemoryExporterConfiguration.class).memory.getFinishedLogRecordItems())
					.singleElement()
					.satisfies((record) -> assertThat(record.getBodyValue().asString()).isEqualTo("/dev/null"));
			});
	}

	@Test
	void logsCanBeLeftOut() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true", "blob.upload.export.logs.enabled=false")
			.run((context) -> assertThat(context.getBean("memoryLogs")).isInstanceOf(InMemoryLogRecordExporter.class));
	}

	@Test
	void noOpenTelemetryStarterMeansNoCustomizer() {
		this.runner.withPropertyValues("blob.upload.export.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ExportGuardCustomizerProvider.class));
	}

	@Test
	void noOpenTelemetrySdkMeansNothingHooked() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
					BlobUploadExportAutoConfiguration.class, BlobUploadExportSdkAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader("io.opentelemetry.sdk"))
			.withPropertyValues("blob.upload.export.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(GuardingLogRecordExporterPostProcessor.class)
				.doesNotHaveBean(ExportFlushLifecycle.class));
	}

	private static void emit(OpenTelemetry openTelemetry, String body) {
		openTelemetry.getLogsBridge().get("test").logRecordBuilder().setBody(body).emit();
	}

	@Configuration(proxyBeanMethods = false)
	static class KeepingExporterConfiguration {

		static final List<LogRecordData> exported = new CopyOnWriteArrayList<>();

		@Bean
		LogRecordExporter keepingLogs() {
			return new LogRecordExporter() {

				@Override
				public CompletableResultCode export(Collection<LogRecordData> records) {
					exported.addAll(records);
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode flush() {
					return CompletableResultCode.ofSuccess();
				}

				@Override
				public CompletableResultCode shutdown() {
					return CompletableResultCode.ofSuccess();
				}

			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MemoryExporterConfiguration {

		final InMemoryLogRecordExporter memory = InMemoryLogRecordExporter.create();

		@Bean
		LogRecordExporter memoryLogs() {
			return this.memory;
		}

	}

}
