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

package io.github.blobupload.export;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.Blob;
import io.github.blobupload.ai.format.GenAiSchemas;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.export.media.MediaExportGuard;
import io.github.blobupload.export.otel.GuardedLogRecordExporter;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Logger;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the export guard on log records: GenAI log events made through the real
 * OpenTelemetry Logs API, with their messages in the body or in structured attributes as
 * the conventions' event {@code gen_ai.client.inference.operation.details} holds them,
 * exported by the real SDK through a {@link GuardedLogRecordExporter} to an
 * {@link InMemoryLogRecordExporter}, with media stored through a real
 * {@link MediaOffloader}.
 */
class ExportGuardLogTests {

	private static final String EVENT = "gen_ai.client.inference.operation.details";

	private static final SpanContext SPAN = SpanContext.create("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7",
			TraceFlags.getSampled(), TraceState.getDefault());

	private final List<Blob> uploaded = new CopyOnWriteArrayList<>();

	private final DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
		.defaultUploader((blob) -> {
			this.uploaded.add(blob);
			return "mem://blobs/" + this.uploaded.size();
		})
		.build();

	private final ExportGuardCounts counts = new ExportGuardCounts();

	private final InMemoryLogRecordExporter exporter = InMemoryLogRecordExporter.create();

	private final SdkLoggerProvider provider = SdkLoggerProvider.builder()
		.addLogRecordProcessor(SimpleLogRecordProcessor.create(GuardedLogRecordExporter.wrap(this.exporter,
				MediaExportGuard.builder(MediaOffloader.builder(this.registry).build())
					.listeners(List.of(this.counts))
					.build())))
		.build();

	private final Logger logger = this.provider.get("test");

	@AfterEach
	void close() {
		this.provider.close();
	}

	@Test
	void blobPartsInAStructuredBodyBecomeUriParts() {
		byte[] image = ExportGuardSpanTests.bytes(3000, 21);
		byte[] audio = ExportGuardSpanTests.bytes(4000, 22);
		Map<String, Value<?>> body = new LinkedHashMap<>();
		body.put("gen_ai.input.messages", messages("user", text("What is it?"), blob("image", "image/png", image)));
		body.put("gen_ai.output.messages", messages("assistant", blob("audio", "audio/wav", audio)));
		this.logger.logRecordBuilder()
			.setEventName(EVENT)
			.setContext(Context.root().with(Span.wrap(SPAN)))
			.setBody(Value.of(body))
			.emit();

		LogRecordData record = single();
		assertThat(record.getEventName()).isEqualTo(EVENT);
		JsonNode exported = GenAiSchemas.read(record.getBodyValue().asString());
		JsonNode input = exported.get("gen_ai.input.messages");
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(input.toString())).isEmpty();
		assertThat(input.get(0).get("parts").get(0).get("content").asString()).isEqualTo("What is it?");
		assertUriPart(GenAiSchemas.INPUT_MESSAGES, input.get(0).get("parts").get(1), "image", "image/png", image);
		JsonNode output = exported.get("gen_ai.output.messages");
		assertUriPart(GenAiSchemas.OUTPUT_MESSAGES, output.get(0).get("parts").get(0), "audio", "audio/wav", audio);
		assertThat(this.uploaded).allSatisfy((blob) -> assertThat(blob.labels()).containsValue("export.log")
			.containsValue(SPAN.getTraceId())
			.containsValue(SPAN.getSpanId()));
		assertThat(this.counts.itemsExamined(ExportSignal.LOG)).isOne();
		assertThat(this.counts.partsOffloaded(ExportSignal.LOG)).isEqualTo(2);
	}

	@Test
	void blobPartInAStructuredAttributeBecomesAUriPart() {
		byte[] pdf = ExportGuardSpanTests.bytes(5000, 23);
		AttributeKey<Value<?>> system = AttributeKey.valueKey("gen_ai.system_instructions");
		this.logger.logRecordBuilder()
			.setEventName(EVENT)
			.setAttribute("gen_ai.operation.name", "chat")
			.setAttribute(system, Value.of(text("Be brief."), blob("document", "application/pdf", pdf)))
			.emit();

		LogRecordData record = single();
		assertThat(record.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
		String json = record.getAttributes().get(system).asString();
		assertThat(GenAiSchemas.SYSTEM_INSTRUCTIONS.validate(json)).isEmpty();
		assertUriPart(GenAiSchemas.SYSTEM_INSTRUCTIONS, GenAiSchemas.read(json).get(1), "document", "application/pdf",
				pdf);
	}

	@Test
	void blobPartInAStringBodyBecomesAUriPart() {
		byte[] image = ExportGuardSpanTests.bytes(2000, 24);
		String input = "[{\"role\":\"user\",\"parts\":[" + ExportGuardSpanTests.blob("image", "image/jpeg", image)
				+ "]}]";
		this.logger.logRecordBuilder().setEventName(EVENT).setBody(input).emit();

		String exported = single().getBodyValue().asString();
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(exported)).isEmpty();
		assertUriPart(GenAiSchemas.INPUT_MESSAGES, GenAiSchemas.read(exported).get(0).get("parts").get(0), "image",
				"image/jpeg", image);
	}

	@Test
	void recordWithoutMediaIsExportedAsEmitted() {
		Map<String, Value<?>> body = new LinkedHashMap<>();
		body.put("gen_ai.input.messages", messages("user", text("x".repeat(3000))));
		this.logger.logRecordBuilder().setEventName(EVENT).setBody(Value.of(body)).emit();

		LogRecordData record = single();
		assertThat(record.getBodyValue()).isEqualTo(Value.of(body));
		assertThat(this.uploaded).isEmpty();
		assertThat(this.counts.itemsExamined(ExportSignal.LOG)).isOne();
	}

	private LogRecordData single() {
		List<LogRecordData> records = this.exporter.getFinishedLogRecordItems();
		assertThat(records).hasSize(1);
		return records.get(0);
	}

	private void assertUriPart(GenAiSchemas schema, JsonNode part, String modality, String mimeType, byte[] original) {
		assertThat(schema.validatePart("UriPart", part)).isEmpty();
		assertThat(part.get("type").asString()).isEqualTo("uri");
		assertThat(part.get("modality").asString()).isEqualTo(modality);
		assertThat(part.get("mime_type").asString()).isEqualTo(mimeType);
		assertThat(part.has("content")).isFalse();
		int index = Integer.parseInt(part.get("uri").asString().substring("mem://blobs/".length())) - 1;
		assertThat(this.uploaded.get(index).rawBytes()).isEqualTo(original);
		assertThat(this.uploaded.get(index).contentType()).isEqualTo(mimeType);
	}

	private static Value<?> messages(String role, Value<?>... parts) {
		List<KeyValue> message = new ArrayList<>();
		message.add(KeyValue.of("role", Value.of(role)));
		message.add(KeyValue.of("parts", Value.of(parts)));
		return Value.of(Value.of(message.toArray(KeyValue[]::new)));
	}

	private static Value<?> text(String text) {
		return Value.of(KeyValue.of("type", Value.of("text")), KeyValue.of("content", Value.of(text)));
	}

	private static Value<?> blob(String modality, String mimeType, byte[] bytes) {
		return Value.of(KeyValue.of("type", Value.of("blob")), KeyValue.of("modality", Value.of(modality)),
				KeyValue.of("mime_type", Value.of(mimeType)),
				KeyValue.of("content", Value.of(Base64.getEncoder().encodeToString(bytes))));
	}

}
