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

import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.export.ExportSignal;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GuardedSpanExporter}, with spans made through the real OpenTelemetry
 * API and SDK.
 */
class GuardedSpanExporterTests {

	static final String IMAGE = Base64.getEncoder().encodeToString(new byte[300]);

	static final String MESSAGES = "[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is this?\"},"
			+ "{\"type\":\"blob\",\"modality\":\"image\",\"mime_type\":\"image/png\",\"content\":\"" + IMAGE + "\"}]}]";

	private final RecordingGuard guard = new RecordingGuard();

	private final InMemorySpanExporter exported = InMemorySpanExporter.create();

	private final SdkTracerProvider tracerProvider = SdkTracerProvider.builder()
		.addSpanProcessor(SimpleSpanProcessor.create(GuardedSpanExporter.wrap(this.exported, this.guard)))
		.build();

	private final Tracer tracer = this.tracerProvider.get("test");

	@AfterEach
	void shutdown() {
		this.tracerProvider.shutdown();
	}

	@Test
	void blobPartInAnAttributeIsExportedAsAUriPart() {
		Span span = this.tracer.spanBuilder("chat gpt-4o")
			.setAttribute("gen_ai.input.messages", MESSAGES)
			.setAttribute("gen_ai.request.model", "gpt-4o")
			.startSpan();
		span.end();
		SpanData data = single();
		assertThat(data.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
			.isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"What is this?\"},"
					+ "{\"type\":\"uri\",\"modality\":\"image\",\"mime_type\":\"image/png\",\"uri\":\"mem://1\"}]}]");
		assertThat(data.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o");
		assertThat(data.getName()).isEqualTo("chat gpt-4o");
		assertThat(data.getSpanContext()).isEqualTo(span.getSpanContext());
		assertThat(this.guard.items).singleElement().satisfies((context) -> {
			assertThat(context.signal()).isEqualTo(ExportSignal.SPAN);
			assertThat(context.traceId()).isEqualTo(span.getSpanContext().getTraceId());
			assertThat(context.spanId()).isEqualTo(span.getSpanContext().getSpanId());
		});
	}

	@Test
	void spanEventAttributesAreGuarded() {
		Span span = this.tracer.spanBuilder("chat").startSpan();
		span.addEvent("gen_ai.client.inference.operation.details",
				Attributes.of(AttributeKey.stringKey("gen_ai.input.messages"), MESSAGES));
		span.addEvent("plain", Attributes.of(AttributeKey.stringKey("note"), "short"));
		span.end();
		SpanData data = single();
		assertThat(data.getEvents()).hasSize(2);
		assertThat(data.getEvents().get(0).getName()).isEqualTo("gen_ai.client.inference.operation.details");
		assertThat(data.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
			.contains("\"uri\":\"mem://1\"")
			.doesNotContain(IMAGE);
		assertThat(data.getEvents().get(1).getAttributes().get(AttributeKey.stringKey("note"))).isEqualTo("short");
	}

	@Test
	void dataUrlsInStringArraysAreGuarded() {
		AttributeKey<List<String>> urls = AttributeKey.stringArrayKey("image.urls");
		Span span = this.tracer.spanBuilder("chat")
			.setAttribute(urls, List.of("https://example.com/a.png", "data:image/png;base64," + IMAGE))
			.startSpan();
		span.end();
		assertThat(single().getAttributes().get(urls)).containsExactly("https://example.com/a.png", "mem://1");
	}

	@Test
	void spanWithoutMediaIsExportedAsTheSameInstance() {
		Span span = this.tracer.spanBuilder("chat").setAttribute("gen_ai.request.model", "gpt-4o").startSpan();
		span.addEvent("plain", Attributes.of(AttributeKey.stringKey("note"), "short"));
		span.end();
		SpanData recorded = this.exported.getFinishedSpanItems().get(0);
		assertThat(new SpanGuard(this.guard).guard(recorded)).isSameAs(recorded);
		List<SpanData> batch = List.of(recorded);
		CapturingExporter capturing = new CapturingExporter();
		GuardedSpanExporter.wrap(capturing, this.guard).export(batch);
		assertThat(capturing.last).isSameAs(batch);
	}

	@Test
	void guardThatThrowsCostsTheValueNotTheSpan() {
		ExportGuard failing = (key, value, context) -> {
			if (key.equals("gen_ai.input.messages")) {
				throw new IllegalStateException("boom");
			}
			return value;
		};
		InMemorySpanExporter target = InMemorySpanExporter.create();
		SpanData data;
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(GuardedSpanExporter.wrap(target, failing)))
			.build()) {
			provider.get("test")
				.spanBuilder("chat")
				.setAttribute("gen_ai.input.messages", MESSAGES)
				.setAttribute("gen_ai.request.model", "gpt-4o")
				.startSpan()
				.end();
			data = target.getFinishedSpanItems().get(0);
		}
		assertThat(data.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
			.isEqualTo(AttributeRewriter.STRIPPED);
		assertThat(data.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o");
	}

	@Test
	void failureOutsideTheValuesExportsTheSpanWithLongValuesStripped() {
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
		InMemorySpanExporter target = InMemorySpanExporter.create();
		SpanData data;
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(GuardedSpanExporter.wrap(target, failing)))
			.build()) {
			Span span = provider.get("test")
				.spanBuilder("chat")
				.setAttribute("gen_ai.input.messages", MESSAGES)
				.setAttribute("gen_ai.request.model", "gpt-4o")
				.startSpan();
			span.addEvent("details", Attributes.of(AttributeKey.stringKey("gen_ai.output.messages"), MESSAGES));
			span.end();
			data = target.getFinishedSpanItems().get(0);
		}
		assertThat(data.getName()).isEqualTo("chat");
		assertThat(data.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages")))
			.isEqualTo(AttributeRewriter.STRIPPED);
		assertThat(data.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model"))).isEqualTo("gpt-4o");
		assertThat(data.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("gen_ai.output.messages")))
			.isEqualTo(AttributeRewriter.STRIPPED);
	}

	@Test
	void flushAndShutdownPassThrough() {
		CapturingExporter capturing = new CapturingExporter();
		SpanExporter exporter = GuardedSpanExporter.wrap(capturing, this.guard);
		assertThat(exporter.flush()).isSameAs(capturing.flushResult);
		assertThat(exporter.shutdown()).isSameAs(capturing.shutdownResult);
		assertThat(capturing.flushes).hasValue(1);
		assertThat(capturing.shutdowns).hasValue(1);
	}

	@Test
	void wrappingTwiceWrapsOnce() {
		SpanExporter once = GuardedSpanExporter.wrap(this.exported, this.guard);
		assertThat(GuardedSpanExporter.wrap(once, this.guard)).isSameAs(once);
	}

	private SpanData single() {
		assertThat(this.exported.getFinishedSpanItems()).hasSize(1);
		return this.exported.getFinishedSpanItems().get(0);
	}

	private static final class CapturingExporter implements SpanExporter {

		final CompletableResultCode flushResult = CompletableResultCode.ofSuccess();

		final CompletableResultCode shutdownResult = CompletableResultCode.ofSuccess();

		final AtomicInteger flushes = new AtomicInteger();

		final AtomicInteger shutdowns = new AtomicInteger();

		Collection<SpanData> last;

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			this.last = spans;
			return CompletableResultCode.ofSuccess();
		}

		@Override
		public CompletableResultCode flush() {
			this.flushes.incrementAndGet();
			return this.flushResult;
		}

		@Override
		public CompletableResultCode shutdown() {
			this.shutdowns.incrementAndGet();
			return this.shutdownResult;
		}

	}

}
