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

import java.util.List;
import java.util.Map;

import io.github.blobupload.BlobLinks;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.assertStored;
import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MediaOffloader} recording the {@link BlobLinks} of the media viewer
 * ({@code blob.upload.viewer.record-links=true}) on the spans of a real
 * {@code ChatClient} call (spring-ai-openai against a local server, OpenTelemetry SDK):
 * the span carries the link, the application still gets the storage URI.
 */
@SpringBootTest(
		classes = { SpringAiTestSupport.TestApplication.class, SpringAiRecordedLinksIntegrationTests.Links.class },
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}",
				"blob.upload.ai.layouts=semconv,openinference", "blob.upload.viewer.enabled=true",
				"blob.upload.viewer.record-links=true",
				"blob.upload.viewer.base-url=https://ops.example.com/blob-viewer", "spring.ai.openai.api-key=test-key",
				"spring.ai.retry.max-attempts=1", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false" })
class SpringAiRecordedLinksIntegrationTests extends SpringAiIntegrationTest {

	@Test
	@SuppressWarnings("unchecked")
	void spanRecordsTheViewerLinkAndTheAppGetsTheStorageUri() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A chart.");
		byte[] image = png(5_000);

		ChatClientResponse response = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.call()
			.chatClientResponse();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		String storageUri = ((List<OffloadedMedia>) response.context().get(BlobOffloadAdvisor.OFFLOADED_MEDIA)).get(0)
			.uri();
		assertStored(storageUri, image);
		String link = Links.PREFIX + storageUri.substring(storageUri.lastIndexOf('/') + 1);
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		SpanData span = spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES);
		Map<String, Object> part = firstMediaPart(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES));
		assertThat(part).containsEntry("uri", link);
		assertThat(attribute(span, "llm.input_messages.0.message.contents.0.message_content.image.image.url"))
			.isEqualTo(link);
		assertThat(span.getAttributes().asMap().values())
			.noneMatch((value) -> String.valueOf(value).contains(storageUri));
	}

	/** Links of the application's own, standing in for the viewer's. */
	@Configuration(proxyBeanMethods = false)
	static class Links {

		static final String PREFIX = "https://ops.example.com/blob-viewer/default/";

		@Bean
		BlobLinks blobLinks() {
			return (uri) -> uri.startsWith("file:") ? PREFIX + uri.substring(uri.lastIndexOf('/') + 1) : uri;
		}

	}

}
