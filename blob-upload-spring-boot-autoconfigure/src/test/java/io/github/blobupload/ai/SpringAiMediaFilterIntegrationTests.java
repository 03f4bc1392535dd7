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
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.blobupload.BlobUploader;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.assertNoBase64Anywhere;
import static io.github.blobupload.ai.SpringAiTestSupport.assertStored;
import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Privacy before upload through a real {@code ChatClient} (spring-ai-openai against a
 * WireMock stub, real tracing): audio excluded by {@code blob.upload.ai.media.exclude}
 * never reaches storage, a masking {@link MediaFilter}'s replacement is what is stored, a
 * dropping one records {@code /dev/null}.
 */
@SpringBootTest(
		classes = { SpringAiTestSupport.TestApplication.class, SpringAiMediaFilterIntegrationTests.Filters.class },
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}",
				"blob.upload.ai.media.exclude=*.audio", "spring.ai.openai.api-key=test-key",
				"spring.ai.retry.max-attempts=1", "spring.ai.openai.chat.options.model=gpt-4o-mini",
				"management.tracing.sampling.probability=1.0", "management.otlp.metrics.export.enabled=false" })
class SpringAiMediaFilterIntegrationTests extends SpringAiIntegrationTest {

	/** What the masking filter stores in place of every PNG. */
	static final byte[] MASKED = png(300);

	@Test
	void excludedAudioNeverReachesStorageAndIsRecordedAsDevNull() throws Exception {
		byte[] wav = wav(4_000);
		long excludedBefore = this.offloader.count(MediaOffloadOutcome.EXCLUDED_BY_RULE);
		long filesBefore = countFiles();

		Map<String, Object> part = callWith(new MimeType("audio", "wav"), wav);

		assertThat(part).containsEntry("modality", "audio").containsEntry("uri", BlobUploader.NOT_UPLOADED);
		assertThat(countFiles()).as("nothing reached storage").isEqualTo(filesBefore);
		assertThat(this.offloader.count(MediaOffloadOutcome.EXCLUDED_BY_RULE)).isEqualTo(excludedBefore + 1);
	}

	@Test
	void maskingFilterReplacementIsWhatIsStored() throws Exception {
		byte[] image = png(20_000);

		Map<String, Object> part = callWith(MimeTypeUtils.IMAGE_PNG, image);

		String uri = (String) part.get("uri");
		assertStored(uri, MASKED);
		try (Stream<Path> files = Files.walk(storage)) {
			assertThat(files.filter(Files::isRegularFile)).noneMatch((file) -> sameContent(file, image));
		}
	}

	@Test
	void droppingFilterRecordsDevNull() throws Exception {
		byte[] image = png(10_000);
		long droppedBefore = this.offloader.count(MediaOffloadOutcome.EXCLUDED_BY_FILTER);
		long filesBefore = countFiles();

		Map<String, Object> part = callWith(MimeTypeUtils.IMAGE_JPEG, image);

		assertThat(part).containsEntry("modality", "image").containsEntry("uri", BlobUploader.NOT_UPLOADED);
		assertThat(countFiles()).isEqualTo(filesBefore);
		assertThat(this.offloader.count(MediaOffloadOutcome.EXCLUDED_BY_FILTER)).isEqualTo(droppedBefore + 1);
	}

	private Map<String, Object> callWith(MimeType type, byte[] content) {
		SpringAiTestSupport.stubTextAnswer(server, "Noted.");
		String answer = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is this?").media(type, new ByteArrayResource(content)))
			.call()
			.content();
		assertThat(answer).isEqualTo("Noted.");
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		assertNoBase64Anywhere(spans, content);
		return firstMediaPart(attribute(spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES),
				GenAiSemconvAttributes.INPUT_MESSAGES));
	}

	private static long countFiles() throws IOException {
		try (Stream<Path> files = Files.walk(storage)) {
			return files.filter(Files::isRegularFile).count();
		}
	}

	private static boolean sameContent(Path file, byte[] content) {
		try {
			return Arrays.equals(Files.readAllBytes(file), content);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] wav(int size) {
		byte[] wav = png(size);
		System.arraycopy(new byte[] { 'R', 'I', 'F', 'F' }, 0, wav, 0, 4);
		return wav;
	}

	/** A masking filter for PNGs, then a filter that drops JPEGs. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Filters {

		@Bean
		@Order(1)
		MediaFilter maskingFilter() {
			return (media) -> "image/png".equals(media.contentType())
					? MediaFilter.Decision.replace(MASKED, "image/png") : MediaFilter.Decision.pass();
		}

		@Bean
		@Order(2)
		MediaFilter droppingFilter() {
			return (media) -> "image/jpeg".equals(media.contentType()) ? MediaFilter.Decision.drop("no photos")
					: MediaFilter.Decision.pass();
		}

	}

}
