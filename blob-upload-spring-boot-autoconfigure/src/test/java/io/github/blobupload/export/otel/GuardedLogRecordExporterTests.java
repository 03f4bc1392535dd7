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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.export.ExportSignal;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GuardedLogRecordExporter}, with log records made through the real
 * OpenTelemetry Logs API and SDK.
 */
class GuardedLogRecordExporterTests {

	private static final String IMAGE = GuardedSpanExporterTests.IMAGE;

	private static final SpanContext SPAN = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
			TraceFlags.getSampled(), TraceState.getDefault());

	private final RecordingGuard guard = new RecordingGuard();

	private final InMemoryLogRecordExporter exported = InMemoryLogRecordExporter.create();

	private final SdkLoggerProvider loggerProvider = SdkLoggerProvider.builder()
		.addLogRecordProcessor(
				SimpleLogRecordProcessor.create(GuardedLogRecordExporter.wrap(this.exported, this.guard)))
		.build();

	private final Logger logger = this.loggerProvider.get("test");

	@AfterEach
	void shutdown() {
		this.loggerProvider.shutdown();
	}

	@Test
	void structuredMessagesAttributeGetsUriParts() {
		AttributeKey<Value<?>> input = AttributeKey.valueKey("gen_ai.input.messages");
		this.logger.logRecordBuilder()
			.setEventName("gen_ai.client.inference.operation.details")
			.setContext(Context.root().with(Span.wrap(SPAN)))
			.setAttribute(input, Value.of(message(blobPart())))
			.setAttribute("gen_ai.operation.name", "chat")
			.emit();
		LogRecordData record = single();
		assertThat(record.getEventName()).isEqualTo("gen_ai.client.inference.operation.details");
		assertThat(record.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
		Value<?> messages = record.getAttributes().get(input);
		assertThat(messages).isEqualTo(Value.of(message(uriPart(1))));
		assertThat(this.guard.items).singleElement().satisfies((context) -> {
			assertThat(context.signal()).isEqualTo(ExportSignal.LOG);
			assertThat(context.traceId()).isEqualTo(SPAN.getTraceId());
			assertThat(context.spanId()).isEqualTo(SPAN.getSpanId());
		});
	}

	@Test
	void structuredBodyGetsUriParts() {
		Map<String, Value<?>> body = new LinkedHashMap<>();
		body.put("gen_ai.input.messages", Value.of(message(blobPart())));
		body.put("gen_ai.output.messages", Value.of(message(textPart("A cat."))));
		this.logger.logRecordBuilder()
			.setEventName("gen_ai.client.inference.operation.details")
			.setBody(Value.of(body))
			.emit();
		Map<String, Value<?>> expected = new LinkedHashMap<>();
		expected.put("gen_ai.input.messages", Value.of(message(uriPart(1))));
		expected.put("gen_ai.output.messages", Value.of(message(textPart("A cat."))));
		assertThat(single().getBodyValue()).isEqualTo(Value.of(expected));
		assertThat(this.guard.keys).containsExactly("body");
	}

	@Test
	void dataUrlStringBodyIsGuarded() {
		this.logger.logRecordBuilder().setBody("data:image/png;base64," + IMAGE).emit();
		LogRecordData record = single();
		assertThat(record.getBodyValue()).isEqualTo(Value.of("mem://1"));
		assertThat(bodyOf(record)).isEqualTo("mem://1");
	}

	@Test
	void recordWithoutMediaIsExportedAsTheSameInstance() {
		this.logger.logRecordBuilder()
			.setBody(Value.of(Map.of("role", Value.of("user"), "content", Value.of("hello"))))
			.setAttribute(AttributeKey.valueKey("gen_ai.input.messages"), Value.of(message(textPart("hi"))))
			.setAttribute("gen_ai.operation.name", "chat")
			.emit();
		LogRecordData recorded = single();
		GuardedLogRecordExporter exporter = (GuardedLogRecordExporter) GuardedLogRecordExporter.wrap(this.exported,
				this.guard);
		assertThat(exporter.guard(recorded)).isSameAs(recorded);
		assertThat(this.guard.keys).as("short structured values are not written as JSON for the guard")
			.containsOnly("gen_ai.operation.name");
	}

	@Test
	void failureOutsideTheValuesExportsTheRecordWithLongValuesStripped() {
		ExportGuard failing = new ExportGuard() {

			@Override
			public String guard(String key, String value, io.github.blobupload.export.ExportContext context) {
				return value;
			}

			@Override
			public void itemExamined(io.github.blobupload.export.ExportContext context) {
				throw new IllegalStateException("boom");
			}

		};
		InMemoryLogRecordExporter target = InMemoryLogRecordExporter.create();
		LogRecordData record;
		try (SdkLoggerProvider provider = SdkLoggerProvider.builder()
			.addLogRecordProcessor(SimpleLogRecordProcessor.create(GuardedLogRecordExporter.wrap(target, failing)))
			.build()) {
			provider.get("test")
				.logRecordBuilder()
				.setEventName("gen_ai.client.inference.operation.details")
				.setBody(Value.of(message(blobPart())))
				.setAttribute("gen_ai.operation.name", "chat")
				.emit();
			record = target.getFinishedLogRecordItems().get(0);
		}
		assertThat(record.getEventName()).isEqualTo("gen_ai.client.inference.operation.details");
		assertThat(record.getBodyValue()).isEqualTo(Value.of(AttributeRewriter.STRIPPED));
		assertThat(record.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
	}

	@Test
	void flushAndShutdownPassThrough() {
		LogRecordExporter exporter = GuardedLogRecordExporter.wrap(this.exported, this.guard);
		this.logger.logRecordBuilder().setBody("x").emit();
		assertThat(exporter.flush().isSuccess()).isTrue();
		assertThat(exporter.shutdown().isSuccess()).isTrue();
		assertThat(this.exported.getFinishedLogRecordItems()).as("shut down: the in-memory exporter forgets").isEmpty();
	}

	@SuppressWarnings("deprecation")
	private static String bodyOf(LogRecordData record) {
		return record.getBody().asString();
	}

	private LogRecordData single() {
		assertThat(this.exported.getFinishedLogRecordItems()).hasSize(1);
		return this.exported.getFinishedLogRecordItems().get(0);
	}

	static List<Value<?>> message(Map<String, Value<?>> part) {
		Map<String, Value<?>> message = new LinkedHashMap<>();
		message.put("role", Value.of("user"));
		message.put("parts", Value.of(List.of(Value.of(textPart("What is this?")), Value.of(part))));
		return List.of(Value.of(message));
	}

	static Map<String, Value<?>> textPart(String text) {
		Map<String, Value<?>> part = new LinkedHashMap<>();
		part.put("type", Value.of("text"));
		part.put("content", Value.of(text));
		return part;
	}

	static Map<String, Value<?>> blobPart() {
		Map<String, Value<?>> part = new LinkedHashMap<>();
		part.put("type", Value.of("blob"));
		part.put("modality", Value.of("image"));
		part.put("mime_type", Value.of("image/png"));
		part.put("content", Value.of(IMAGE));
		return part;
	}

	static Map<String, Value<?>> uriPart(int stored) {
		Map<String, Value<?>> part = new LinkedHashMap<>();
		part.put("type", Value.of("uri"));
		part.put("modality", Value.of("image"));
		part.put("mime_type", Value.of("image/png"));
		part.put("uri", Value.of("mem://" + stored));
		return part;
	}

}
