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

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.Blob;
import io.github.blobupload.ai.format.GenAiSchemas;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.ai.offload.MediaOffloaderBuilder;
import io.github.blobupload.export.media.MediaExportGuard;
import io.github.blobupload.export.tracing.GuardingSpanFilter;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the export guard on Spring Boot's OpenTelemetry path: spans made through the
 * real OpenTelemetry API, exported by the real SDK through Micrometer's
 * {@link CompositeSpanExporter} with a {@link GuardingSpanFilter} to an
 * {@link InMemorySpanExporter}, with media stored through a real {@link MediaOffloader}.
 */
class ExportGuardSpanTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final AttributeKey<String> INPUT = AttributeKey.stringKey("gen_ai.input.messages");

	private static final AttributeKey<String> OUTPUT = AttributeKey.stringKey("gen_ai.output.messages");

	private static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system_instructions");

	private final List<Blob> uploaded = new CopyOnWriteArrayList<>();

	private final DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
		.defaultUploader((blob) -> {
			this.uploaded.add(blob);
			return "mem://blobs/" + this.uploaded.size();
		})
		.build();

	private final ExportGuardCounts counts = new ExportGuardCounts();

	private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

	private SdkTracerProvider provider;

	@AfterEach
	void close() {
		if (this.provider != null) {
			this.provider.close();
		}
	}

	@Test
	void blobPartsOfEveryMessageAttributeBecomeUriParts() {
		byte[] image = bytes(3000, 1);
		byte[] pdf = bytes(5000, 2);
		byte[] audio = bytes(4000, 3);
		Tracer tracer = tracer(MediaOffloader.builder(this.registry));
		Span span = tracer.spanBuilder("chat gpt-4o").startSpan();
		span.setAttribute(INPUT, "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is it?\"},"
				+ blob("image", "image/png", image) + "]}]");
		span.setAttribute(SYSTEM,
				"[{\"type\":\"text\",\"content\":\"Be brief.\"}," + blob("document", "application/pdf", pdf) + "]");
		span.setAttribute(OUTPUT, "[{\"role\":\"assistant\",\"parts\":[" + blob("audio", "audio/wav", audio)
				+ "],\"finish_reason\":\"stop\"}]");
		span.end();

		SpanData exported = single();
		JsonNode imagePart = part(GenAiSchemas.INPUT_MESSAGES, exported.getAttributes().get(INPUT), 0, 1);
		assertUriPart(GenAiSchemas.INPUT_MESSAGES, imagePart, "image", "image/png", image);
		assertThat(
				JSON.readTree(exported.getAttributes().get(INPUT)).get(0).get("parts").get(0).get("content").asString())
			.isEqualTo("What is it?");
		String system = exported.getAttributes().get(SYSTEM);
		assertThat(GenAiSchemas.SYSTEM_INSTRUCTIONS.validate(system)).isEmpty();
		assertUriPart(GenAiSchemas.SYSTEM_INSTRUCTIONS, JSON.readTree(system).get(1), "document", "application/pdf",
				pdf);
		JsonNode audioPart = part(GenAiSchemas.OUTPUT_MESSAGES, exported.getAttributes().get(OUTPUT), 0, 0);
		assertUriPart(GenAiSchemas.OUTPUT_MESSAGES, audioPart, "audio", "audio/wav", audio);
		assertThat(this.uploaded).hasSize(3);
		assertThat(this.uploaded.get(0).labels()).containsValue(exported.getTraceId())
			.containsValue(exported.getSpanId());
		assertThat(this.uploaded).allSatisfy((blob) -> assertThat(blob.labels()).containsValue("export.span"));
		assertThat(this.counts.itemsExamined(ExportSignal.SPAN)).isOne();
		assertThat(this.counts.partsOffloaded(ExportSignal.SPAN)).isEqualTo(3);
	}

	@Test
	void blobPartInASpanEventBecomesAUriPart() {
		byte[] image = bytes(2000, 4);
		Tracer tracer = tracer(MediaOffloader.builder(this.registry));
		Span span = tracer.spanBuilder("chat").startSpan();
		span.setAttribute("gen_ai.operation.name", "chat");
		span.addEvent("gen_ai.client.inference.operation.details",
				Attributes.of(INPUT, "[{\"role\":\"user\",\"parts\":[" + blob("image", "image/jpeg", image) + "]}]",
						AttributeKey.longKey("n"), 7L));
		span.end();

		SpanData exported = single();
		assertThat(exported.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name"))).isEqualTo("chat");
		assertThat(exported.getEvents()).hasSize(1);
		Attributes event = exported.getEvents().get(0).getAttributes();
		assertThat(event.get(AttributeKey.longKey("n"))).isEqualTo(7L);
		assertUriPart(GenAiSchemas.INPUT_MESSAGES, part(GenAiSchemas.INPUT_MESSAGES, event.get(INPUT), 0, 0), "image",
				"image/jpeg", image);
	}

	@Test
	void openInferenceImageDataUrlBecomesTheStoredUri() {
		byte[] image = bytes(2000, 5);
		Tracer tracer = tracer(MediaOffloader.builder(this.registry));
		Span span = tracer.spanBuilder("ChatCompletion").startSpan();
		String prefix = "llm.input_messages.0.message.contents.";
		span.setAttribute("openinference.span.kind", "LLM");
		span.setAttribute(prefix + "0.message_content.type", "text");
		span.setAttribute(prefix + "0.message_content.text", "What is in this image?");
		span.setAttribute(prefix + "1.message_content.type", "image");
		span.setAttribute(prefix + "1.message_content.image.image.url",
				"data:image/png;base64," + Base64.getEncoder().encodeToString(image));
		span.end();

		Attributes exported = single().getAttributes();
		assertThat(exported.get(AttributeKey.stringKey(prefix + "1.message_content.image.image.url")))
			.isEqualTo("mem://blobs/1");
		assertThat(exported.get(AttributeKey.stringKey(prefix + "0.message_content.text")))
			.isEqualTo("What is in this image?");
		assertThat(this.uploaded.get(0).rawBytes()).isEqualTo(image);
		assertThat(this.uploaded.get(0).contentType()).isEqualTo("image/png");
	}

	@Test
	void mediaTheHooksKeepInlineUnderTheBudgetStaysInline() {
		String input = "[{\"role\":\"user\",\"parts\":[" + blob("image", "image/png", bytes(2000, 6))
				+ ",{\"type\":\"uri\",\"modality\":\"image\",\"mime_type\":\"image/png\",\"uri\":\"s3://b/k.png\"}]}]";
		Tracer tracer = tracer(MediaOffloader.builder(this.registry).inlineBudgetBytes(4096));
		Span span = tracer.spanBuilder("chat").startSpan();
		span.setAttribute(INPUT, input);
		span.end();

		assertThat(single().getAttributes().get(INPUT)).isEqualTo(input);
		assertThat(this.uploaded).isEmpty();
		assertThat(this.counts.partsOffloaded(ExportSignal.SPAN)).isZero();
	}

	@Test
	void mediaExcludedByThePrivacyRulesBecomesAMarker() {
		Tracer tracer = tracer(MediaOffloader.builder(this.registry).exclude("*.audio"));
		Span span = tracer.spanBuilder("chat").startSpan();
		span.setAttribute(OUTPUT, "[{\"role\":\"assistant\",\"parts\":[" + blob("audio", "audio/mpeg", bytes(3000, 7))
				+ "],\"finish_reason\":\"stop\"}]");
		span.end();

		JsonNode marker = part(GenAiSchemas.OUTPUT_MESSAGES, single().getAttributes().get(OUTPUT), 0, 0);
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validatePart("UriPart", marker)).isEmpty();
		assertThat(marker.get("uri").asString()).isEqualTo("/dev/null");
		assertThat(marker.get("modality").asString()).isEqualTo("audio");
		assertThat(marker.get("mime_type").asString()).isEqualTo("audio/mpeg");
		assertThat(marker.get("stripped_reason").asString()).isEqualTo("rule");
		assertThat(this.uploaded).isEmpty();
		assertThat(this.counts.markersWritten(ExportSignal.SPAN, "rule")).isOne();
	}

	@Test
	void withUploadingOffMediaBecomesAMarker() {
		this.provider = provider(MediaExportGuard.strippingBuilder().listeners(List.of(this.counts)).build());
		Span span = this.provider.get("test").spanBuilder("chat").startSpan();
		span.setAttribute(INPUT,
				"[{\"role\":\"user\",\"parts\":[" + blob("image", "image/png", bytes(2000, 8)) + "]}]");
		span.setAttribute("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes(2000, 9)));
		span.end();

		Attributes exported = single().getAttributes();
		JsonNode marker = part(GenAiSchemas.INPUT_MESSAGES, exported.get(INPUT), 0, 0);
		assertThat(marker.get("stripped_reason").asString()).isEqualTo("uploading_off");
		assertThat(exported.get(AttributeKey.stringKey("url"))).isEqualTo("/dev/null");
		assertThat(this.counts.markersWritten(ExportSignal.SPAN, "uploading_off")).isEqualTo(2);
	}

	@Test
	void truncatedDataUrlBecomesDevNull() {
		Tracer tracer = tracer(MediaOffloader.builder(this.registry));
		String dataUrl = "data:image/png;base64," + Base64.getEncoder().encodeToString(bytes(3000, 10));
		Span span = tracer.spanBuilder("chat").startSpan();
		// As the SDK's attribute length limit cuts it: the base64 ends mid-quantum.
		span.setAttribute("llm.input_messages.0.message.contents.0.message_content.image.image.url",
				dataUrl.substring(0, 2001));
		span.end();

		assertThat(single().getAttributes()
			.get(AttributeKey.stringKey("llm.input_messages.0.message.contents.0.message_content.image.image.url")))
			.isEqualTo("/dev/null");
		assertThat(this.counts.markersWritten(ExportSignal.SPAN, "truncated")).isOne();
	}

	@Test
	void valuesThatAreNotJsonOrTooDeepAreLeftAsTheyAreAndCounted() {
		this.provider = provider(MediaExportGuard.builder(MediaOffloader.builder(this.registry).build())
			.maxDepth(8)
			.listeners(List.of(this.counts))
			.build());
		String notJson = "[{\"type\":\"blob\",\"content\":\"" + "A".repeat(2000);
		String deep = "[".repeat(20) + "{\"type\":\"blob\",\"content\":\"" + "A".repeat(2000) + "\"}" + "]".repeat(20);
		Span span = this.provider.get("test").spanBuilder("chat").startSpan();
		span.setAttribute("a", notJson);
		span.setAttribute("b", deep);
		span.end();

		Attributes exported = single().getAttributes();
		assertThat(exported.get(AttributeKey.stringKey("a"))).isEqualTo(notJson);
		assertThat(exported.get(AttributeKey.stringKey("b"))).isEqualTo(deep);
		assertThat(this.counts.valuesSkipped(ExportSignal.SPAN, SkipReason.NOT_JSON)).isOne();
		assertThat(this.counts.valuesSkipped(ExportSignal.SPAN, SkipReason.TOO_DEEP)).isOne();
		assertThat(this.uploaded).isEmpty();
	}

	@Test
	void spanWithoutMediaIsExportedAsRecorded() {
		Tracer tracer = tracer(MediaOffloader.builder(this.registry));
		Span span = tracer.spanBuilder("chat").startSpan();
		String text = "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + "x".repeat(3000) + "\"}]}]";
		span.setAttribute(INPUT, text);
		span.setAttribute(AttributeKey.booleanArrayKey("flags"), List.of(true, false));
		span.addEvent("e", Attributes.of(AttributeKey.stringKey("k"), "v"));
		span.end();

		SpanData exported = single();
		assertThat(exported.getAttributes().get(INPUT)).isSameAs(text);
		assertThat(exported.getAttributes().get(AttributeKey.booleanArrayKey("flags"))).containsExactly(true, false);
		assertThat(exported.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("k"))).isEqualTo("v");
		assertThat(this.counts.itemsExamined(ExportSignal.SPAN)).isOne();
		assertThat(this.counts.valuesExamined(ExportSignal.SPAN)).isZero();
	}

	private Tracer tracer(MediaOffloaderBuilder offloader) {
		this.provider = provider(MediaExportGuard.builder(offloader.build()).listeners(List.of(this.counts)).build());
		return this.provider.get("test");
	}

	private SdkTracerProvider provider(ExportGuard guard) {
		// As Spring Boot builds it: SpanFilters applied by the bridge's composite
		// exporter.
		CompositeSpanExporter composite = new CompositeSpanExporter(List.of(this.exporter), List.of(), List.of(),
				List.of(new GuardingSpanFilter(guard)));
		return SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(composite)).build();
	}

	private SpanData single() {
		List<SpanData> spans = this.exporter.getFinishedSpanItems();
		assertThat(spans).hasSize(1);
		return spans.get(0);
	}

	private static JsonNode part(GenAiSchemas schema, String messages, int message, int part) {
		assertThat(schema.validate(messages)).isEmpty();
		return JSON.readTree(messages).get(message).get("parts").get(part);
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

	static String blob(String modality, String mimeType, byte[] bytes) {
		return "{\"type\":\"blob\",\"modality\":\"" + modality + "\",\"mime_type\":\"" + mimeType + "\",\"content\":\""
				+ Base64.getEncoder().encodeToString(bytes) + "\"}";
	}

	static byte[] bytes(int size, long seed) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

}
