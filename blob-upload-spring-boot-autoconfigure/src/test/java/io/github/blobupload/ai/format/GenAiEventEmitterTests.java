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

package io.github.blobupload.ai.format;

import java.util.List;
import java.util.Set;

import io.github.blobupload.ai.AttributeLayout;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.chat.BlobOffloadObservationFilter;
import io.github.blobupload.ai.chat.MediaWalker;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiEventEmitter}, called by a {@link BlobOffloadObservationFilter}
 * on a real observation registry, writing to the OpenTelemetry SDK's logs.
 */
class GenAiEventEmitterTests {

	private static final SpanInfo SPAN = new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

	private final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();

	private final SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
		.addLogRecordProcessor(SimpleLogRecordProcessor.create(this.logs))
		.build();

	private final MediaOffloader offloader = MediaOffloader
		.builder(DefaultBlobUploaderRegistry.builder().defaultUploader((blob) -> "mem://blob").build())
		.build();

	@AfterEach
	void close() {
		this.loggerProvider.close();
	}

	private ObservationRegistry registry(boolean captureContent, SpanInfoResolver spans) {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig()
			.observationHandler((context) -> true)
			.observationFilter(new BlobOffloadObservationFilter(new MediaWalker(this.offloader, captureContent), spans,
					Set.of(AttributeLayout.SEMCONV), null, new GenAiEventEmitter(this.loggerProvider)));
		return registry;
	}

	private static ChatModelObservationContext chat(ChatOptions options) {
		return ChatModelObservationContext.builder()
			.prompt(new Prompt(List.of(new SystemMessage("Be brief."), new UserMessage("Hello")), options))
			.provider("openai")
			.build();
	}

	@Test
	void eventCarriesTheRequestResponseAndSpanOfTheCall() {
		ChatModelObservationContext context = chat(ChatOptions.builder()
			.model("gpt-4o")
			.temperature(0.2)
			.topP(0.9)
			.maxTokens(100)
			.stopSequences(List.of("END"))
			.build());
		Observation observation = Observation.createNotStarted("gen_ai.client.operation", () -> context,
				registry(true, () -> SPAN));

		observation.start();
		context.setResponse(new ChatResponse(
				List.of(new Generation(new AssistantMessage("Hi."),
						ChatGenerationMetadata.builder().finishReason("STOP").build())),
				ChatResponseMetadata.builder()
					.id("resp-1")
					.model("gpt-4o-2024")
					.usage(new DefaultUsage(12, 4))
					.build()));
		observation.stop();

		assertThat(this.logs.getFinishedLogRecordItems()).singleElement().satisfies((record) -> {
			assertThat(record.getEventName()).isEqualTo(GenAiEventEmitter.EVENT_NAME);
			assertThat(record.getInstrumentationScopeInfo().getName()).isEqualTo("io.github.blobupload.ai");
			assertThat(record.getSpanContext().getTraceId()).isEqualTo(SPAN.traceId());
			assertThat(record.getSpanContext().getSpanId()).isEqualTo(SPAN.spanId());
			assertThat(record.getSpanContext().isSampled()).isTrue();
			assertThat(record.getTimestampEpochNanos()).isPositive();
			assertThat(string(record, "gen_ai.operation.name")).isEqualTo("chat");
			assertThat(string(record, "gen_ai.provider.name")).isEqualTo("openai");
			assertThat(string(record, "gen_ai.request.model")).isEqualTo("gpt-4o");
			assertThat(record.getAttributes().get(AttributeKey.doubleKey("gen_ai.request.temperature"))).isEqualTo(0.2);
			assertThat(record.getAttributes().get(AttributeKey.doubleKey("gen_ai.request.top_p"))).isEqualTo(0.9);
			assertThat(record.getAttributes().get(AttributeKey.longKey("gen_ai.request.max_tokens"))).isEqualTo(100L);
			assertThat(record.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.request.stop_sequences")))
				.containsExactly("END");
			assertThat(string(record, "gen_ai.response.id")).isEqualTo("resp-1");
			assertThat(string(record, "gen_ai.response.model")).isEqualTo("gpt-4o-2024");
			assertThat(record.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(12L);
			assertThat(record.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(4L);
			assertThat(record.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
				.containsExactly("stop");
			assertThat(record.getAttributes().get(AttributeKey.stringKey("error.type"))).isNull();
			Value<?> instructions = record.getAttributes().get(AttributeKey.valueKey("gen_ai.system_instructions"));
			assertThat(instructions).isNotNull();
			assertThat(instructions.asString()).contains("Be brief.");
			assertThat(record.getAttributes().get(AttributeKey.valueKey("gen_ai.input.messages")).asString())
				.contains("Hello");
			assertThat(record.getAttributes().get(AttributeKey.valueKey("gen_ai.output.messages")).asString())
				.contains("Hi.");
		});
	}

	@Test
	void withoutContentCaptureTheEventHasNoText() {
		ChatModelObservationContext context = chat(ChatOptions.builder().model("gpt-4o").build());
		Observation observation = Observation.createNotStarted("gen_ai.client.operation", () -> context,
				registry(false, () -> SPAN));

		observation.start();
		context.setResponse(new ChatResponse(List.of(new Generation(new AssistantMessage("Hi.")))));
		observation.stop();

		LogRecordData record = this.logs.getFinishedLogRecordItems().get(0);
		assertThat(record.getAttributes().get(AttributeKey.valueKey("gen_ai.system_instructions"))).isNull();
		record.getAttributes()
			.forEach((key, value) -> assertThat(String.valueOf((value instanceof Value<?> v) ? v.asString() : value))
				.as("attribute %s", key.getKey())
				.doesNotContain("Hello")
				.doesNotContain("Hi.")
				.doesNotContain("Be brief."));
	}

	@Test
	void failedCallCarriesTheErrorType() {
		ChatModelObservationContext context = chat(ChatOptions.builder().model("gpt-4o").build());
		Observation observation = Observation.createNotStarted("gen_ai.client.operation", () -> context,
				registry(false, () -> SPAN));

		observation.start();
		observation.error(new IllegalStateException("model down"));
		observation.stop();

		assertThat(this.logs.getFinishedLogRecordItems()).singleElement()
			.satisfies((record) -> assertThat(string(record, "error.type"))
				.isEqualTo(IllegalStateException.class.getName()));
	}

	@Test
	void unsampledCallEmitsNothing() {
		ChatModelObservationContext context = chat(ChatOptions.builder().model("gpt-4o").build());
		Observation observation = Observation.createNotStarted("gen_ai.client.operation", () -> context,
				registry(false, () -> new SpanInfo(SPAN.traceId(), SPAN.spanId(), false)));

		observation.start();
		observation.stop();

		assertThat(this.logs.getFinishedLogRecordItems()).isEmpty();
	}

	@Test
	void callWithoutTracingEmitsWithoutASpan() {
		ChatModelObservationContext context = chat(ChatOptions.builder().model("gpt-4o").build());
		Observation observation = Observation.createNotStarted("gen_ai.client.operation", () -> context,
				registry(false, SpanInfoResolver.NONE));

		observation.start();
		observation.stop();

		assertThat(this.logs.getFinishedLogRecordItems()).singleElement()
			.satisfies((record) -> assertThat(record.getSpanContext().isValid()).isFalse());
	}

	private static String string(LogRecordData record, String key) {
		return record.getAttributes().get(AttributeKey.stringKey(key));
	}

}
