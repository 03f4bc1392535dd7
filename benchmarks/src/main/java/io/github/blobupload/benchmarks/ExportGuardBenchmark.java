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

package io.github.blobupload.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.export.media.MediaExportGuard;
import io.github.blobupload.export.tracing.GuardingSpanFilter;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.internal.otlp.traces.TraceRequestMarshaler;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the export guard on Spring Boot's span export path: one GenAI chat span
 * exported through Micrometer's {@code CompositeSpanExporter} (as Spring Boot's batch
 * span processor does) into OTLP protobuf marshalling ({@code TraceRequestMarshaler},
 * what {@code OtlpHttpSpanExporter} does before it sends), with the guard's
 * {@link GuardingSpanFilter} ({@code guarded}) and without it ({@code baseline}).
 * <p>
 * {@code media=none}: a span of 14 attributes, with 2 KB of text messages
 * ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}) and no media: the guard
 * looks at the two long values and finds nothing. {@code media=1MB}: the same span with a
 * 1 MB {@code blob} image part in {@code gen_ai.input.messages}: the guard reads the
 * JSON, decodes the base64, hands the bytes to {@code uploadAsync} (content-addressed
 * names: one SHA-256; the upload itself is the engine's, into a discarding store) and
 * exports a {@code uri} part, so what is marshalled is 1 MB smaller. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.blobupload.benchmarks.RatioReport ExportGuardBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ExportGuardBenchmark {

	/** The media on the span. */
	@Param({ "none", "1MB" })
	public String media;

	private ManagedBlobUploader uploader;

	private MediaOffloader offloader;

	private SpanExporter baseline;

	private SpanExporter guarded;

	private List<SpanData> spans;

	/**
	 * Records the span through a real SDK and builds both export paths.
	 */
	@Setup(Level.Trial)
	public void setUp() {
		this.uploader = DiscardingStorage.uploader(BlobNamingStrategies.contentAddressed(), "export");
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(this.uploader)
			.build();
		this.offloader = MediaOffloader.builder(registry).build();
		MediaExportGuard guard = MediaExportGuard.builder(this.offloader).build();
		this.baseline = new CompositeSpanExporter(List.of(new MarshallingExporter()), List.of(), List.of(), List.of());
		this.guarded = new CompositeSpanExporter(List.of(new MarshallingExporter()), List.of(), List.of(),
				List.of(new GuardingSpanFilter(guard)));
		this.spans = List.of(span("1MB".equals(this.media)));
	}

	/**
	 * Outside the measured time: lets the engine catch up.
	 */
	@TearDown(Level.Iteration)
	public void afterIteration() {
		this.uploader.flush(Duration.ofSeconds(60));
	}

	/**
	 * Stops the engine.
	 */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.offloader.close();
		this.uploader.shutdown(Duration.ofSeconds(10));
	}

	/**
	 * Exports the span without the guard.
	 * @return the export's result
	 */
	@Benchmark
	public CompletableResultCode baseline() {
		return this.baseline.export(this.spans);
	}

	/**
	 * Exports the span through the guard.
	 * @return the export's result
	 */
	@Benchmark
	public CompletableResultCode guarded() {
		return this.guarded.export(this.spans);
	}

	private static SpanData span(boolean withImage) {
		InMemorySpanExporter recorded = InMemorySpanExporter.create();
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(recorded))
			.build()) {
			Span span = provider.get("benchmark").spanBuilder("chat gpt-4o").startSpan();
			span.setAttribute("gen_ai.operation.name", "chat");
			span.setAttribute("gen_ai.provider.name", "openai");
			span.setAttribute("gen_ai.request.model", "gpt-4o");
			span.setAttribute("gen_ai.response.model", "gpt-4o-2024-08-06");
			span.setAttribute("gen_ai.response.id", "chatcmpl-123");
			span.setAttribute("gen_ai.request.temperature", 0.7);
			span.setAttribute("gen_ai.request.max_tokens", 1024L);
			span.setAttribute("gen_ai.usage.input_tokens", 1200L);
			span.setAttribute("gen_ai.usage.output_tokens", 300L);
			span.setAttribute("gen_ai.response.finish_reasons", "stop");
			span.setAttribute("server.address", "api.openai.com");
			span.setAttribute("server.port", 443L);
			String text = "Describe the picture in detail. ".repeat(32);
			String image = "";
			if (withImage) {
				byte[] bytes = new byte[1024 * 1024];
				ThreadLocalRandom.current().nextBytes(bytes);
				image = ",{\"type\":\"blob\",\"modality\":\"image\",\"mime_type\":\"image/png\",\"content\":\""
						+ Base64.getEncoder().encodeToString(bytes) + "\"}";
			}
			span.setAttribute("gen_ai.input.messages",
					"[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"" + text + "\"}" + image + "]}]");
			span.setAttribute("gen_ai.output.messages", "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\","
					+ "\"content\":\"" + text + "\"}],\"finish_reason\":\"stop\"}]");
			span.end();
			// Before the provider's shutdown, which empties the in-memory exporter.
			return recorded.getFinishedSpanItems().get(0);
		}
	}

	/** Marshals spans to OTLP protobuf as the OTLP exporters do, and sends nothing. */
	private static final class MarshallingExporter implements SpanExporter {

		@Override
		public CompletableResultCode export(Collection<SpanData> spans) {
			try {
				TraceRequestMarshaler.create(spans).writeBinaryTo(OutputStream.nullOutputStream());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
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

	}

}
