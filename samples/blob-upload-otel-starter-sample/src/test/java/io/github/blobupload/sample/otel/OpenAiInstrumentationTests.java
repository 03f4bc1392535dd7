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

package io.github.blobupload.sample.otel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionContentPart;
import com.openai.models.chat.completions.ChatCompletionContentPartImage;
import com.openai.models.chat.completions.ChatCompletionContentPartText;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import io.github.blobupload.export.ExportGuardCounts;
import io.github.blobupload.export.ExportSignal;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.openai.v1_1.OpenAITelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import io.opentelemetry.sdk.autoconfigure.spi.ConfigProperties;
import io.opentelemetry.sdk.autoconfigure.spi.logs.ConfigurableLogRecordExporterProvider;
import io.opentelemetry.sdk.autoconfigure.spi.traces.ConfigurableSpanExporterProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the spans and log events of a real GenAI producer pass the export guard
 * unchanged: the OpenTelemetry instrumentation of the official OpenAI Java client
 * ({@code opentelemetry-openai-java-1.1}) on the OpenTelemetry Spring Boot starter's SDK,
 * the client calling a local fake OpenAI server with a prompt that holds an image. The
 * instrumentation records text parts only, so nothing inline reaches the guard: what the
 * exporters receive equals what an unguarded processor of the same SDK sees, and nothing
 * is uploaded.
 */
@SpringBootTest(classes = OpenAiInstrumentationTests.InstrumentedApplication.class,
		properties = { "blob.upload.enabled=true", "blob.upload.export.enabled=true", "otel.traces.exporter=memory",
				"otel.logs.exporter=memory", "otel.metrics.exporter=none",
				"otel.instrumentation.logback-appender.enabled=false",
				"otel.instrumentation.micrometer.enabled=false" })
class OpenAiInstrumentationTests {

	private static final String COMPLETION = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1751612521,"
			+ "\"model\":\"gpt-4o-mini-2024-07-18\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
			+ "\"content\":\"A red square.\",\"refusal\":null,\"annotations\":[]},\"logprobs\":null,"
			+ "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":22,\"completion_tokens\":4,\"total_tokens\":26}}";

	@TempDir
	static Path folder;

	private static HttpServer server;

	@Autowired
	private OpenTelemetry openTelemetry;

	@Autowired
	private ExportGuardCounts counts;

	@Autowired
	private InstrumentedApplication application;

	@BeforeAll
	static void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/chat/completions", (exchange) -> {
			try (InputStream request = exchange.getRequestBody()) {
				request.readAllBytes();
			}
			byte[] body = COMPLETION.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream response = exchange.getResponseBody()) {
				response.write(body);
			}
		});
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@DynamicPropertySource
	static void storage(DynamicPropertyRegistry registry) {
		registry.add("blob.upload.uri-prefix", () -> "file://" + folder);
	}

	@Test
	void spansAndEventsOfTheOpenAiInstrumentationPassUnchanged() throws IOException {
		OpenAIClient client = OpenAITelemetry.builder(this.openTelemetry)
			.setCaptureMessageContent(true)
			.build()
			.wrap(OpenAIOkHttpClient.builder()
				.baseUrl("http://127.0.0.1:" + server.getAddress().getPort() + "/v1")
				.apiKey("any")
				.maxRetries(0)
				.build());
		String image = "data:image/png;base64,"
				+ Base64.getEncoder().encodeToString(OtelStarterSampleApplication.IMAGE);
		ChatCompletion completion = client.chat()
			.completions()
			.create(ChatCompletionCreateParams.builder()
				.model("gpt-4o-mini")
				.addUserMessageOfArrayOfContentParts(List.of(
						ChatCompletionContentPart
							.ofText(ChatCompletionContentPartText.builder().text("What is in this image?").build()),
						ChatCompletionContentPart.ofImageUrl(ChatCompletionContentPartImage.builder()
							.imageUrl(ChatCompletionContentPartImage.ImageUrl.builder().url(image).build())
							.build())))
				.build());
		assertThat(completion.choices().get(0).message().content()).hasValue("A red square.");
		OpenTelemetrySdk sdk = (OpenTelemetrySdk) this.openTelemetry;
		sdk.getSdkTracerProvider().forceFlush().join(10, TimeUnit.SECONDS);
		sdk.getSdkLoggerProvider().forceFlush().join(10, TimeUnit.SECONDS);

		List<SpanData> exported = this.application.spans.getFinishedSpanItems();
		List<SpanData> recorded = this.application.unguardedSpans.getFinishedSpanItems();
		assertThat(exported).hasSize(1).hasSameSizeAs(recorded);
		assertThat(exported.get(0).getName()).isEqualTo("chat gpt-4o-mini");
		assertThat(exported.get(0).getAttributes()).isEqualTo(recorded.get(0).getAttributes());
		assertThat(exported.get(0).getEvents()).isEqualTo(recorded.get(0).getEvents());
		List<LogRecordData> events = this.application.logs.getFinishedLogRecordItems();
		List<LogRecordData> emitted = this.application.unguardedLogs.getFinishedLogRecordItems();
		assertThat(events).isNotEmpty().hasSameSizeAs(emitted);
		for (int i = 0; i < events.size(); i++) {
			assertThat(events.get(i).getEventName()).isEqualTo(emitted.get(i).getEventName());
			assertThat(events.get(i).getBodyValue()).isEqualTo(emitted.get(i).getBodyValue());
			assertThat(events.get(i).getAttributes()).isEqualTo(emitted.get(i).getAttributes());
		}
		assertThat(events)
			.anySatisfy((event) -> assertThat(event.getBodyValue().asString()).contains("What is in this image?"));
		assertThat(this.counts.itemsExamined(ExportSignal.SPAN)).isOne();
		assertThat(this.counts.itemsExamined(ExportSignal.LOG)).isEqualTo(events.size());
		assertThat(this.counts.partsOffloaded(ExportSignal.SPAN) + this.counts.partsOffloaded(ExportSignal.LOG))
			.isZero();
		try (Stream<Path> files = Files.walk(folder)) {
			assertThat(files.filter(Files::isRegularFile)).as("nothing uploaded").isEmpty();
		}
	}

	/**
	 * An application on the OpenTelemetry Spring Boot starter whose SDK exports to memory
	 * (guarded), plus processors that see the same items unguarded.
	 */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class InstrumentedApplication {

		final InMemorySpanExporter spans = InMemorySpanExporter.create();

		final InMemorySpanExporter unguardedSpans = InMemorySpanExporter.create();

		final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();

		final InMemoryLogRecordExporter unguardedLogs = InMemoryLogRecordExporter.create();

		@Bean
		ConfigurableSpanExporterProvider memorySpanExporter() {
			return new ConfigurableSpanExporterProvider() {

				@Override
				public SpanExporter createExporter(ConfigProperties config) {
					return InstrumentedApplication.this.spans;
				}

				@Override
				public String getName() {
					return "memory";
				}

			};
		}

		@Bean
		ConfigurableLogRecordExporterProvider memoryLogRecordExporter() {
			return new ConfigurableLogRecordExporterProvider() {

				@Override
				public LogRecordExporter createExporter(ConfigProperties config) {
					return InstrumentedApplication.this.logs;
				}

				@Override
				public String getName() {
					return "memory";
				}

			};
		}

		@Bean
		AutoConfigurationCustomizerProvider unguardedProcessors() {
			return (customizer) -> customizer
				.addTracerProviderCustomizer(
						(builder, config) -> builder.addSpanProcessor(SimpleSpanProcessor.create(this.unguardedSpans)))
				.addLoggerProviderCustomizer((builder, config) -> builder
					.addLogRecordProcessor(SimpleLogRecordProcessor.create(this.unguardedLogs)));
		}

	}

}
