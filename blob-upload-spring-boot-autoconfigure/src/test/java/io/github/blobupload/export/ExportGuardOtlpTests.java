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

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.export.media.MediaExportGuard;
import io.github.blobupload.export.tracing.GuardingSpanFilter;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.otel.bridge.CompositeSpanExporter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the export guard against a real OTLP/HTTP export: the SDK's
 * {@link OtlpHttpSpanExporter} sends to a local receiver that, as many collectors do,
 * refuses bodies over 4 MiB with 413. A span with a 5 MB {@code blob} part makes the
 * batch fail without the guard and arrive with it.
 */
class ExportGuardOtlpTests {

	private static final int LIMIT = 4 * 1024 * 1024;

	private final List<Integer> statuses = new CopyOnWriteArrayList<>();

	private final List<String> accepted = new CopyOnWriteArrayList<>();

	private HttpServer receiver;

	@BeforeEach
	void startReceiver() throws IOException {
		this.receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.receiver.createContext("/v1/traces", (exchange) -> {
			try (InputStream body = exchange.getRequestBody()) {
				byte[] bytes = body.readNBytes(LIMIT + 1);
				int status = (bytes.length > LIMIT) ? 413 : 200;
				if (status == 200) {
					this.accepted.add(new String(bytes, StandardCharsets.ISO_8859_1));
				}
				body.transferTo(OutputStream.nullOutputStream());
				this.statuses.add(status);
				exchange.sendResponseHeaders(status, -1);
			}
			finally {
				exchange.close();
			}
		});
		this.receiver.start();
	}

	@AfterEach
	void stopReceiver() {
		this.receiver.stop(0);
	}

	@Test
	void spanWithA5MbBlobPartFailsTheBatchWithoutTheGuard() {
		export(List.of());

		assertThat(this.statuses).containsExactly(413);
		assertThat(this.accepted).isEmpty();
	}

	@Test
	void spanWithA5MbBlobPartArrivesWithTheGuard() {
		List<String> uploaded = new CopyOnWriteArrayList<>();
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder().defaultUploader((blob) -> {
			uploaded.add(blob.contentType());
			return "s3://media/export/" + blob.size();
		}).build();
		MediaExportGuard guard = MediaExportGuard.builder(MediaOffloader.builder(registry).build()).build();

		export(List.of(new GuardingSpanFilter(guard)));

		assertThat(this.statuses).containsExactly(200);
		assertThat(this.accepted).singleElement()
			.satisfies((body) -> assertThat(body).contains("s3://media/export/5000000")
				.contains("\"type\":\"uri\"")
				.contains("small span"));
		assertThat(uploaded).containsExactly("image/png");
	}

	private void export(List<SpanFilter> filters) {
		OtlpHttpSpanExporter otlp = OtlpHttpSpanExporter.builder()
			.setEndpoint("http://127.0.0.1:" + this.receiver.getAddress().getPort() + "/v1/traces")
			.build();
		CompositeSpanExporter composite = new CompositeSpanExporter(List.of(otlp), List.of(), List.of(), filters);
		try (SdkTracerProvider provider = SdkTracerProvider.builder()
			.addSpanProcessor(BatchSpanProcessor.builder(composite).build())
			.build()) {
			Span large = provider.get("test").spanBuilder("chat").startSpan();
			large.setAttribute("gen_ai.input.messages",
					"[{\"role\":\"user\",\"parts\":["
							+ ExportGuardSpanTests.blob("image", "image/png", ExportGuardSpanTests.bytes(5_000_000, 1))
							+ "]}]");
			large.end();
			provider.get("test").spanBuilder("small span").startSpan().end();
			assertThat(provider.forceFlush().join(30, TimeUnit.SECONDS).isDone()).isTrue();
		}
	}

}
