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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.blobupload.ai.SpringAiTestSupport.assertStored;
import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Prompt media offloaded while the model works, through a real {@code ChatClient}
 * (spring-ai-openai against a WireMock stub, real tracing): the stub holds the model's
 * answer until a {@link MediaFilter} has seen the prompt's image, so the call only
 * completes in time if the offloading runs during the model call, off the caller's
 * thread.
 */
@SpringBootTest(
		classes = { SpringAiTestSupport.TestApplication.class, SpringAiPromptOffloadIntegrationTests.Filters.class },
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}",
				"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
				"spring.ai.openai.chat.options.model=gpt-4o-mini", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false" })
class SpringAiPromptOffloadIntegrationTests extends SpringAiIntegrationTest {

	private static final AtomicReference<CountDownLatch> filtered = new AtomicReference<>(new CountDownLatch(1));

	private static final AtomicReference<Thread> filteredOn = new AtomicReference<>();

	private static final AtomicBoolean answeredAfterTheFilter = new AtomicBoolean();

	@BeforeAll
	static void holdingServer() {
		replaceOpenAiServer(startServer());
	}

	@BeforeEach
	void reset() {
		filtered.set(new CountDownLatch(1));
		filteredOn.set(null);
		answeredAfterTheFilter.set(false);
	}

	@Test
	void promptImageIsOffloadedWhileTheModelAnswers() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A red square.");
		byte[] image = png(50_000);
		long uploadedBefore = this.offloader.count(MediaOffloadOutcome.UPLOADED);

		ChatClientResponse response = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.call()
			.chatClientResponse();

		assertThat(answeredAfterTheFilter).as("the filter saw the image while the model's request was held").isTrue();
		assertThat(filteredOn.get()).isNotSameAs(Thread.currentThread());
		assertThat(filteredOn.get().getName()).startsWith("blob-upload-prompt-media-");
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		SpanData modelSpan = spanWith(flushSpans(this.tracerProvider, this.exporter),
				GenAiSemconvAttributes.INPUT_MESSAGES);
		String uri = (String) firstMediaPart(attribute(modelSpan, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		assertStored(uri, image);
		Map<String, String> labels = SpringAiTestSupport
			.json(Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json")), "$.labels");
		assertThat(labels).as("labels name the model's span, taken on the caller's thread")
			.containsEntry("span_id", modelSpan.getSpanId());
		List<?> offloaded = (List<?>) response.context().get(BlobOffloadAdvisor.OFFLOADED_MEDIA);
		assertThat(offloaded).singleElement()
			.satisfies((media) -> assertThat(((OffloadedMedia) media).uri()).isEqualTo(uri));
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(uploadedBefore + 1);
	}

	private static WireMockServer startServer() {
		WireMockServer server = new WireMockServer(
				options().bindAddress("127.0.0.1").dynamicPort().extensions(new HoldUntilFiltered()));
		server.start();
		return server;
	}

	/** Holds every answer of the stub until the filter has seen the prompt's media. */
	static final class HoldUntilFiltered implements ResponseDefinitionTransformerV2 {

		@Override
		public ResponseDefinition transform(ServeEvent serveEvent) {
			try {
				answeredAfterTheFilter.set(filtered.get().await(10, TimeUnit.SECONDS));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return serveEvent.getResponseDefinition();
		}

		@Override
		public String getName() {
			return "hold-until-filtered";
		}

	}

	/** A filter that notes the thread it runs on. */
	@TestConfiguration(proxyBeanMethods = false)
	static class Filters {

		@Bean
		MediaFilter threadNotingFilter() {
			return (media) -> {
				if (media.direction() == MediaFilter.Direction.INPUT) {
					filteredOn.set(Thread.currentThread());
					filtered.get().countDown();
				}
				return MediaFilter.Decision.pass();
			};
		}

	}

}
