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

package io.github.blobupload.observation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploaderRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The per-attempt observation through real tracing: Spring Boot's OpenTelemetry
 * auto-configuration (Micrometer bridge, SDK, batch span processor) exporting to an
 * in-memory exporter. Each test uploads three blobs inside a caller's observation.
 */
class BlobUploadObservationTracingIntegrationTests {

	private static final AttributeKey<String> URI = AttributeKey.stringKey("blob.upload.uri");

	@TempDir
	Path storage;

	@Test
	void offByDefaultOnlyTheCallersSpanIsExported() {
		try (ConfigurableApplicationContext context = start(false)) {
			UploadRun run = uploadThreeBlobsInsideACallerObservation(context);

			assertThat(run.spans()).extracting(SpanData::getName).containsExactly("caller");
			assertThat(context.getBeanNamesForType(BlobUploadObservations.class)).isEmpty();
			assertThat(context.getBean(MeterRegistry.class).find("blob.upload.attempt").timer()).isNull();
		}
	}

	@Test
	void onOneRootSpanPerUploadedBlobWithItsAttributesAndNoContent() {
		try (ConfigurableApplicationContext context = start(true)) {
			UploadRun run = uploadThreeBlobsInsideACallerObservation(context);

			SpanData caller = run.spans()
				.stream()
				.filter((span) -> span.getName().equals("caller"))
				.findFirst()
				.orElseThrow();
			List<SpanData> uploads = run.spans()
				.stream()
				.filter((span) -> span.getName().equals("upload file"))
				.toList();
			assertThat(run.spans()).hasSize(4);
			assertThat(uploads).hasSize(3);
			assertThat(uploads).extracting((span) -> span.getAttributes().get(URI))
				.containsExactlyInAnyOrderElementsOf(run.uris());
			for (SpanData upload : uploads) {
				Map<String, String> attributes = new TreeMap<>();
				upload.getAttributes().forEach((key, value) -> attributes.put(key.getKey(), String.valueOf(value)));
				assertThat(attributes).containsEntry("blob.upload.use_case", "default")
					.containsEntry("blob.upload.scheme", "file")
					.containsEntry("blob.upload.outcome", "success")
					.containsEntry("blob.upload.content_type", "text/plain")
					.containsKey("blob.upload.size");
				assertThat(attributes.values())
					.noneMatch((value) -> value.contains("secret-label") || value.contains("content number"));
				// Not parented to the caller: a trace of its own.
				assertThat(upload.getParentSpanContext().isValid()).isFalse();
				assertThat(upload.getTraceId()).isNotEqualTo(caller.getTraceId());
			}
			// Micrometer's meter handler derives a timer from the same observation.
			Timer attempts = context.getBean(MeterRegistry.class)
				.find("blob.upload.attempt")
				.tags("blob.upload.use_case", "default", "blob.upload.scheme", "file", "blob.upload.outcome", "success")
				.timer();
			assertThat(attempts).isNotNull();
			assertThat(attempts.count()).isEqualTo(3);
		}
	}

	private ConfigurableApplicationContext start(boolean observations) {
		return new SpringApplicationBuilder(TracingApplication.class).web(WebApplicationType.NONE)
			.properties("blob.upload.enabled=true", "blob.upload.uri-prefix=" + this.storage.toUri(),
					"blob.upload.observations.enabled=" + observations, "management.tracing.sampling.probability=1.0",
					"management.otlp.metrics.export.enabled=false", "spring.ai.openai.api-key=unused",
					"spring.main.banner-mode=off")
			.run();
	}

	private static UploadRun uploadThreeBlobsInsideACallerObservation(ConfigurableApplicationContext context) {
		BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
		List<String> uris = new ArrayList<>();
		Observation.createNotStarted("caller", context.getBean(ObservationRegistry.class)).observe(() -> {
			for (int i = 1; i <= 3; i++) {
				uris.add(registry.getBlobUploader(null)
					.uploadAsync(new Blob(("content number " + i).getBytes(StandardCharsets.UTF_8), "text/plain",
							Map.of("note", "secret-label"))));
			}
			// Uploaded while the caller's observation is still open, to show the worker
			// does
			// not pick it up.
			assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
		});
		context.getBean(SdkTracerProvider.class).forceFlush().join(10, TimeUnit.SECONDS);
		return new UploadRun(uris, context.getBean(InMemorySpanExporter.class).getFinishedSpanItems());
	}

	private record UploadRun(List<String> uris, List<SpanData> spans) {
	}

	/** The application under test: only auto-configuration plus the test exporter. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TracingApplication {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
