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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.github.blobupload.export.ExportGuardCounts;
import io.github.blobupload.export.ExportSignal;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export guard next to the Spring AI hooks, through Spring Boot's OpenTelemetry path
 * (the guard's {@code SpanFilter} in Boot's batch span processor): the starter's own
 * model spans pass unchanged, with no extra upload, whether their media was uploaded or
 * kept inline under the inline budget.
 */
@SpringBootTest(classes = SpringAiTestSupport.TestApplication.class,
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}default",
				"blob.upload.ai.inline-budget=4KB", "blob.upload.export.enabled=true",
				"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
				"spring.ai.openai.chat.options.model=gpt-4o-mini", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false" })
class SpringAiExportGuardIntegrationTests extends SpringAiIntegrationTest {

	@Autowired
	private ExportGuardCounts counts;

	@Test
	void uploadedAndInlineMediaOfTheStartersSpansPassUnchanged() throws IOException {
		SpringAiTestSupport.stubTextAnswer(server, "Two squares.");
		long filesBefore = countFiles(storage);
		long examinedBefore = this.counts.itemsExamined(ExportSignal.SPAN);

		this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is in these pictures?")
				.media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(png(20_000)))
				.media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(png(2_000))))
			.call()
			.chatResponse();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		String input = attribute(spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES),
				GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(firstMediaPart(input)).containsEntry("type", "uri");
		assertThat(input).as("the small image stays inline under the budget").contains("\"type\":\"blob\"");
		assertThat(countFiles(storage)).as("only the hooks' upload").isEqualTo(filesBefore + 1);
		assertThat(this.counts.itemsExamined(ExportSignal.SPAN)).isGreaterThan(examinedBefore);
		assertThat(this.counts.partsOffloaded(ExportSignal.SPAN)).isZero();
		assertThat(this.counts.markersWritten(ExportSignal.SPAN)).isZero();
	}

	private static long countFiles(Path folder) throws IOException {
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> !file.getFileName().toString().endsWith(".meta.json"))
				.count();
		}
	}

}
