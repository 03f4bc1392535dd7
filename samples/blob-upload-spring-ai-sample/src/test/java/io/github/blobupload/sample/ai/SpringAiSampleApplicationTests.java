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

package io.github.blobupload.sample.ai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import io.github.blobupload.viewer.TraceIndexWriter;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the Spring AI sample runs end to end and reports its actuator.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringAiSampleApplicationTests {

	private static final AttributeKey<String> CONVERSATION = AttributeKey.stringKey("gen_ai.conversation.id");

	private static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");

	@TempDir
	Path folder;

	@Test
	void offloadsTheImagesAndShowsThemInTheActuator(CapturedOutput output) throws Exception {
		SpringAiSampleApplication.Run run = SpringAiSampleApplication
			.start(new String[] { "--blob.upload.uri-prefix=file://" + this.folder });
		assertThat(run.exit()).isZero();
		assertThat(output).contains("carrying the original image as a data: URI")
			.contains("gen_ai.input.messages")
			.contains("-> file://" + this.folder + "/chat-input/")
			.contains("\"uri\":\"http://127.0.0.1:")
			.contains("/blob-viewer/traces/")
			.doesNotContain("data:image/png;base64")
			.contains("GET http://127.0.0.1:")
			.contains("\"status\" : \"UP\"")
			.contains("\"chat-input\" : {")
			.contains("\"destination\" : \"file://" + this.folder + "/chat-input\"")
			.contains("  blob.upload.blobs", "  blob.upload.bytes", "  blob.upload.duration", "  blob.upload.retries",
					"  blob.upload.queue.blobs", "  blob.upload.queue.bytes");
		try (Stream<Path> files = Files.walk(this.folder)) {
			assertThat(files.filter(Files::isRegularFile).map((file) -> this.folder.relativize(file).toString()))
				.anyMatch((name) -> name.matches("chat-input/[0-9a-f]{64}\\.png"))
				.anyMatch((name) -> name.matches("image-output/[0-9a-f]{64}\\.png"));
		}
	}

	@Test
	void voiceConversationOffloadsEveryTurnAndTheImageOnce(CapturedOutput output) throws Exception {
		SpringAiSampleApplication.Run run = SpringAiSampleApplication
			.start(new String[] { "--blob.upload.uri-prefix=file://" + this.folder });
		VoiceConversation voice = run.context().getBean(VoiceConversation.class);
		CollectingSpanExporter exporter = run.context().getBean(CollectingSpanExporter.class);
		List<String> traces = voice.traceIds();
		assertThat(run.context().getBean(TraceIndexWriter.class).flush(Duration.ofSeconds(10))).isTrue();
		RestClient viewer = RestClient.create(run.viewerUrl());
		List<String> pages = traces.stream()
			.map((trace) -> viewer.get().uri("traces/" + trace).retrieve().body(String.class))
			.toList();
		assertThat(run.exit()).isZero();

		assertThat(pages).as("every turn's page shows the image its chat call recorded, uploaded in the first")
			.allSatisfy((page) -> assertThat(page).contains("/blob-viewer/chat-input/")
				.contains("audio-input")
				.contains("audio-output"));

		assertThat(traces).hasSize(3).doesNotHaveDuplicates();
		List<String> steps = List.of("voice.turn", "transcription", "chat gpt-4o-mini", "text_to_speech");
		List<SpanData> spans = exporter.spans()
			.stream()
			.filter((span) -> traces.contains(span.getTraceId()) && steps.contains(span.getName()))
			.toList();
		for (String trace : traces) {
			assertThat(spans).filteredOn((span) -> span.getTraceId().equals(trace))
				.extracting(SpanData::getName)
				.containsExactlyInAnyOrderElementsOf(steps);
		}
		assertThat(spans).extracting((span) -> span.getAttributes().get(CONVERSATION))
			.doesNotContainNull()
			.containsOnly(spans.get(0).getAttributes().get(CONVERSATION));
		assertThat(stored(spans, "input.audio.url")).hasSize(3)
			.allMatch((name) -> name.matches("audio-input/[0-9a-f]{64}\\.wav"));
		assertThat(stored(spans, "output.audio.url")).hasSize(3)
			.allMatch((name) -> name.matches("audio-output/[0-9a-f]{64}\\.wav"));
		assertThat(spans).filteredOn((span) -> span.getName().startsWith("chat"))
			.extracting((span) -> imageLinks(span.getAttributes().get(INPUT_MESSAGES)))
			.containsOnly(List.of(imageLinks(spans.stream()
				.filter((span) -> span.getName().startsWith("chat"))
				.findFirst()
				.orElseThrow()
				.getAttributes()
				.get(INPUT_MESSAGES)).get(0)));
		assertThat(output).contains("recorded as 1 URI");
	}

	private Set<String> stored(List<SpanData> spans, String attribute) {
		Set<String> names = new HashSet<>();
		for (SpanData span : spans) {
			String link = span.getAttributes().get(AttributeKey.stringKey(attribute));
			if (link != null) {
				String name = link.substring(link.indexOf("/blob-viewer/") + "/blob-viewer/".length());
				assertThat(this.folder.resolve(name)).isRegularFile();
				names.add(name);
			}
		}
		return names;
	}

	private static List<String> imageLinks(String messages) {
		List<String> links = new ArrayList<>();
		for (JsonNode message : JsonMapper.builder().build().readTree(messages)) {
			for (JsonNode part : message.path("parts")) {
				if ("image".equals(part.path("modality").asString())) {
					links.add(part.path("uri").asString());
				}
			}
		}
		return links;
	}

}
