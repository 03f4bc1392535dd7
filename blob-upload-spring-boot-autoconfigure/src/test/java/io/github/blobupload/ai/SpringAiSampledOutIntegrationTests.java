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
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import io.github.blobupload.ai.audio.StreamedChatAudio;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.content.Media;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a sampling probability of 0, media is not uploaded: the upload cost follows the
 * tracing sample rate, one INFO line says why, and each skipped media is counted once per
 * call.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@SpringBootTest(classes = SpringAiTestSupport.TestApplication.class,
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}",
				"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
				"management.tracing.sampling.probability=0.0", "management.otlp.metrics.export.enabled=false" })
class SpringAiSampledOutIntegrationTests extends SpringAiIntegrationTest {

	@Autowired
	private StreamedChatAudio streamedChatAudio;

	@Test
	@Order(1) // the INFO line is logged once per application: first
	void sampledOutCallUploadsNothingAndSaysWhyOnce(CapturedOutput output) throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A square.");
		long skippedBefore = this.offloader.count(MediaOffloadOutcome.SKIPPED_UNSAMPLED);

		for (int call = 0; call < 2; call++) {
			String answer = this.chatClientBuilder.build()
				.prompt()
				.user((user) -> user.text("What is this?")
					.media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(SpringAiTestSupport.png(5_000))))
				.call()
				.content();
			assertThat(answer).isEqualTo("A square.");
		}

		String line = "Media of a span that is not sampled was not uploaded";
		assertThat(output.getOut().split(line, -1)).as("the INFO line, logged once").hasSize(2);
		assertThat(output).contains("management.tracing.sampling.probability",
				"blob.upload.ai.upload-only-when-sampled=true");
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isZero();
		assertThat(this.offloader.count(MediaOffloadOutcome.SKIPPED_UNSAMPLED)).as("once per image and call")
			.isEqualTo(skippedBefore + 2);
		try (Stream<Path> files = Files.walk(storage)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void sampledOutStreamedChatAudioIsSkippedAndLetGo() throws Exception {
		byte[][] deltas = { SpringAiStreamIntegrationTests.pcm(4800, 1), SpringAiStreamIntegrationTests.pcm(4800, 2) };
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
				.withBody(SpringAiStreamIntegrationTests.audioStream(deltas))));
		long skippedBefore = this.offloader.count(MediaOffloadOutcome.SKIPPED_UNSAMPLED);

		List<String> texts = this.chatClientBuilder.build()
			.prompt()
			.user("Say hello")
			.options(OpenAiChatOptions.builder()
				.model("gpt-4o-audio-preview")
				.outputModalities(List.of("text", "audio"))
				.outputAudio(new OpenAiChatOptions.AudioParameters(OpenAiChatOptions.AudioParameters.Voice.ALLOY,
						OpenAiChatOptions.AudioParameters.AudioResponseFormat.PCM16)))
			.stream()
			.content()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(texts).containsExactly("Hel", "lo");
		// The model's observation stops just after the stream completes to its
		// subscriber.
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(this.offloader.count(MediaOffloadOutcome.SKIPPED_UNSAMPLED))
				.isEqualTo(skippedBefore + 1));
		assertThat(this.streamedChatAudio.size()).as("nothing left held").isZero();
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		try (Stream<Path> files = Files.walk(storage)) {
			assertThat(files.filter(Files::isRegularFile)).isEmpty();
		}
	}

	@Test
	void elevenUnsampledImagesAreCountedElevenTimes() {
		SpringAiTestSupport.stubTextAnswer(server, "Eleven squares.");
		long skippedBefore = this.offloader.count(MediaOffloadOutcome.SKIPPED_UNSAMPLED);
		Media[] images = new Media[11];
		for (int i = 0; i < images.length; i++) {
			images[i] = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(SpringAiTestSupport.png(1_000)).build();
		}

		this.chatClientBuilder.build().prompt().user((user) -> user.text("Count").media(images)).call().content();

		assertThat(this.offloader.count(MediaOffloadOutcome.SKIPPED_UNSAMPLED)).isEqualTo(skippedBefore + 11);
		assertThat(this.offloader.count(MediaOffloadOutcome.REUSED)).isZero();
	}

}
