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

package io.github.blobupload.export.otel;

import java.util.List;
import java.util.Map;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.common.ComponentLoader;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdkBuilder;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ExportGuardCustomizerProvider} in an SDK built by the SDK's
 * auto-configuration, which finds the provider as it finds every component.
 */
class ExportGuardCustomizerProviderTests {

	private final RecordingGuard guard = new RecordingGuard();

	private final InMemorySpanExporter spans = InMemorySpanExporter.create();

	private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();

	@Test
	void guardsTheSpanAndLogRecordExportersTheSdkConfigures() {
		try (OpenTelemetrySdk sdk = sdk(new ExportGuardCustomizerProvider(() -> this.guard, true, true))) {
			sdk.getTracer("test")
				.spanBuilder("chat")
				.setAttribute("gen_ai.input.messages", GuardedSpanExporterTests.MESSAGES)
				.startSpan()
				.end();
			sdk.getLogsBridge()
				.get("test")
				.logRecordBuilder()
				.setBody("data:image/png;base64," + GuardedSpanExporterTests.IMAGE)
				.emit();
			sdk.getSdkTracerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
			sdk.getSdkLoggerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(this.spans.getFinishedSpanItems()).singleElement()
				.satisfies(
						(span) -> assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
							.contains("\"type\":\"uri\"")
							.doesNotContain(GuardedSpanExporterTests.IMAGE));
			assertThat(this.logs.getFinishedLogRecordItems()).singleElement()
				.satisfies((record) -> assertThat(record.getBodyValue().asString()).startsWith("mem://"));
		}
	}

	@Test
	void leavesASignalThatIsOffAlone() {
		try (OpenTelemetrySdk sdk = sdk(new ExportGuardCustomizerProvider(() -> this.guard, true, false))) {
			sdk.getLogsBridge()
				.get("test")
				.logRecordBuilder()
				.setBody("data:image/png;base64," + GuardedSpanExporterTests.IMAGE)
				.emit();
			sdk.getSdkLoggerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
			assertThat(this.logs.getFinishedLogRecordItems()).singleElement()
				.satisfies((record) -> assertThat(record.getBodyValue().asString()).startsWith("data:"));
			assertThat(this.guard.values).isEmpty();
		}
	}

	@Test
	void isOrderedLast() {
		assertThat(new ExportGuardCustomizerProvider(() -> this.guard, true, true).order())
			.isEqualTo(Integer.MAX_VALUE);
	}

	private OpenTelemetrySdk sdk(ExportGuardCustomizerProvider provider) {
		ConfigurableSpanExporterProvider spanExporter = new ConfigurableSpanExporterProvider() {

			@Override
			public SpanExporter createExporter(ConfigProperties config) {
				return ExportGuardCustomizerProviderTests.this.spans;
			}

			@Override
			public String getName() {
				return "memory";
			}

		};
		ConfigurableLogRecordExporterProvider logExporter = new ConfigurableLogRecordExporterProvider() {

			@Override
			public LogRecordExporter createExporter(ConfigProperties config) {
				return ExportGuardCustomizerProviderTests.this.logs;
			}

			@Override
			public String getName() {
				return "memory";
			}

		};
		Map<Class<?>, List<?>> components = Map.of(AutoConfigurationCustomizerProvider.class, List.of(provider),
				ConfigurableSpanExporterProvider.class, List.of(spanExporter),
				ConfigurableLogRecordExporterProvider.class, List.of(logExporter));
		AutoConfiguredOpenTelemetrySdkBuilder builder = AutoConfiguredOpenTelemetrySdk.builder()
			.setComponentLoader(new ComponentLoader() {

				@Override
				@SuppressWarnings("unchecked")
				public <T> Iterable<T> load(Class<T> type) {
					return (Iterable<T>) components.getOrDefault(type, List.of());
				}

			})
			.addPropertiesSupplier(() -> Map.of("otel.traces.exporter", "memory", "otel.logs.exporter", "memory",
					"otel.metrics.exporter", "none", "otel.bsp.schedule.delay", "10", "otel.blrp.schedule.delay", "10"))
			.disableShutdownHook();
		return builder.build().getOpenTelemetrySdk();
	}

}
