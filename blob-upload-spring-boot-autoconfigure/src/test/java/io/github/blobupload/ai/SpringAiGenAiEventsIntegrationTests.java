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

import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.ai.format.GenAiEventEmitter;
import io.github.blobupload.ai.format.GenAiSchemas;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.openai.OpenAiImageOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiEventEmitter} and {@link BlobOffloadListener} events with a real
 * {@code ChatClient} and {@code ImageModel} (spring-ai-openai against a local server) and
 * the OpenTelemetry SDK with in-memory span and log exporters
 * ({@code blob.upload.ai.events.enabled=true}).
 */
@SpringBootTest(
		classes = { SpringAiTestSupport.TestApplication.class, SpringAiGenAiEventsIntegrationTests.Events.class },
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}",
				"blob.upload.ai.events.enabled=true", "spring.ai.openai.api-key=test-key",
				"spring.ai.retry.max-attempts=1", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false" })
class SpringAiGenAiEventsIntegrationTests extends SpringAiIntegrationTest {

	private static final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();

	private static final List<MediaOffloadEvent> events = new CopyOnWriteArrayList<>();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private ImageModel imageModel;

	@BeforeEach
	void reset() {
		logs.reset();
		events.clear();
		server.resetAll();
	}

	@Test
	void chatCallEmitsOneEventInTheModelSpanWithTheMediaAsUri() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A chart.");
		byte[] image = png(20_000);

		this.chatClientBuilder.build()
			.prompt()
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "conversation-42"))
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.call()
			.chatResponse();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter), GenAiSemconvAttributes.INPUT_MESSAGES);
		String spanUri = (String) firstMediaPart(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		LogRecordData record = singleEvent();
		assertThat(record.getSpanContext().getTraceId()).isEqualTo(span.getTraceId());
		assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanId());
		String input = json(record, GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(firstMediaPart(input)).containsEntry("type", "uri")
			.containsEntry("modality", "image")
			.containsEntry("uri", spanUri);
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(input)).isEmpty();
		String output = json(record, GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).isEmpty();
		assertThat(output).as("no text without capture-content").doesNotContain("A chart.");
		assertThat(input).doesNotContain("What is this?");
		assertThat(string(record, "gen_ai.operation.name")).isEqualTo("chat");
		assertThat(string(record, "gen_ai.conversation.id")).isEqualTo("conversation-42");
		assertThat(string(record, "gen_ai.response.model")).isEqualTo("gpt-4o-mini");
		assertThat(string(record, "gen_ai.response.id")).isEqualTo("chatcmpl-1");
		assertThat(record.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens"))).isEqualTo(10L);
		assertThat(record.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens"))).isEqualTo(3L);
		assertThat(record.getAttributes().get(AttributeKey.stringArrayKey("gen_ai.response.finish_reasons")))
			.containsExactly("stop");
		assertNoBase64(record, image);

		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.UPLOADED);
			assertThat(event.uri()).isEqualTo(spanUri);
			assertThat(event.traceId()).isEqualTo(span.getTraceId());
			assertThat(event.spanId()).isEqualTo(span.getSpanId());
			assertThat(event.conversationId()).isEqualTo("conversation-42")
				.isEqualTo(attribute(span, "gen_ai.conversation.id"));
			assertThat(event.operationName()).isEqualTo("chat");
			assertThat(event.direction()).isEqualTo(MediaFilter.Direction.INPUT);
			assertThat(event.messageIndex()).isZero();
			assertThat(event.size()).isEqualTo(image.length);
		});
	}

	@Test
	void imageCallEmitsOneEventWithTheGeneratedImageAsUri() {
		byte[] image = png(30_000);
		SpringAiTestSupport.stubImageAnswer(server, image);

		this.imageModel
			.call(new ImagePrompt("a red square", OpenAiImageOptions.builder().responseFormat("b64_json").build()));

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter),
				GenAiSemconvAttributes.OUTPUT_MESSAGES);
		String spanUri = (String) firstMediaPart(attribute(span, GenAiSemconvAttributes.OUTPUT_MESSAGES)).get("uri");
		LogRecordData record = singleEvent();
		assertThat(record.getSpanContext().getSpanId()).isEqualTo(span.getSpanId());
		String output = json(record, GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat(firstMediaPart(output)).containsEntry("uri", spanUri);
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).isEmpty();
		assertThat(string(record, "gen_ai.operation.name")).isEqualTo(attribute(span, "gen_ai.operation.name"));
		assertThat(string(record, "gen_ai.output.type")).isEqualTo("image");
		assertNoBase64(record, image);
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.operationName()).isEqualTo("image_generation");
			assertThat(event.spanId()).isEqualTo(span.getSpanId());
			assertThat(event.uri()).isEqualTo(spanUri);
		});
	}

	private static LogRecordData singleEvent() {
		List<LogRecordData> records = logs.getFinishedLogRecordItems()
			.stream()
			.filter((record) -> GenAiEventEmitter.EVENT_NAME.equals(record.getEventName()))
			.toList();
		assertThat(records).hasSize(1);
		return records.get(0);
	}

	private static String string(LogRecordData record, String key) {
		return record.getAttributes().get(AttributeKey.stringKey(key));
	}

	private static String json(LogRecordData record, String key) {
		Value<?> value = record.getAttributes().get(AttributeKey.valueKey(key));
		assertThat(value).as("structured attribute %s", key).isNotNull();
		return JSON.writeValueAsString(node(value));
	}

	private static void assertNoBase64(LogRecordData record, byte[] content) {
		String probe = Base64.getEncoder().encodeToString(content).substring(0, 40);
		record.getAttributes()
			.forEach((key,
					value) -> assertThat(String.valueOf(
							(value instanceof Value<?> structured) ? JSON.writeValueAsString(node(structured)) : value))
						.as("attribute %s", key.getKey())
						.doesNotContain(probe));
	}

	/** Turns a structured attribute value back into the JSON it was made from. */
	@SuppressWarnings("unchecked")
	private static JsonNode node(Value<?> value) {
		JsonNodeFactory nodes = JsonNodeFactory.instance;
		return switch (value.getType()) {
			case STRING -> nodes.stringNode((String) value.getValue());
			case BOOLEAN -> nodes.booleanNode((Boolean) value.getValue());
			case LONG -> nodes.numberNode((Long) value.getValue());
			case DOUBLE -> nodes.numberNode((Double) value.getValue());
			case ARRAY -> {
				ArrayNode array = nodes.arrayNode();
				((List<Value<?>>) value.getValue()).forEach((item) -> array.add(node(item)));
				yield array;
			}
			case KEY_VALUE_LIST -> {
				ObjectNode object = nodes.objectNode();
				((List<KeyValue>) value.getValue())
					.forEach((field) -> object.set(field.getKey(), node(field.getValue())));
				yield object;
			}
			default -> nodes.nullNode();
		};
	}

	/** The log processor with the in-memory exporter, and a listener of media events. */
	@Configuration(proxyBeanMethods = false)
	static class Events {

		@Bean
		LogRecordProcessor inMemoryLogRecordProcessor() {
			return SimpleLogRecordProcessor.create(logs);
		}

		@Bean
		BlobOffloadListener eventCollector() {
			return BlobOffloadListener.ofEvents(events::add);
		}

	}

}
