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

package io.github.blobupload.ai.format;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploaders;
import io.github.blobupload.ai.AiBlobLabels;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiRefsWriter}.
 */
class GenAiRefsWriterTests {

	private static final MediaCall CALL = MediaCall.of(
			new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true), "conversation-1",
			MediaCall.CHAT);

	private final List<Blob> uploaded = new ArrayList<>();

	@Test
	void jsonLinesHoldOneMessageALineWithItsIndex() {
		GenAiRefsWriter writer = new GenAiRefsWriter(recordingRegistry(), GenAiRefsWriter.Format.JSONL);
		Map<String, String> attributes = new LinkedHashMap<>();

		writer.write(CALL, List.of(user("first"), user("second")), List.of(), List.of(), attributes);

		assertThat(attributes).containsOnlyKeys(GenAiRefsWriter.INPUT_MESSAGES_REF);
		Blob inputs = this.uploaded.get(0);
		assertThat(inputs.contentType()).isEqualTo("application/jsonl");
		assertThat(new String(inputs.rawBytes(), StandardCharsets.UTF_8))
			.isEqualTo("{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"first\"}],\"index\":0}\n"
					+ "{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"second\"}],\"index\":1}\n");
		assertThat(inputs.labels()).containsEntry(BlobLabels.TRACE_ID, "0af7651916cd43dd8448eb211c80319c")
			.containsEntry(AiBlobLabels.USE_CASE, AiUseCases.REFS)
			.containsEntry(AiBlobLabels.CONVERSATION_ID, "conversation-1")
			.containsEntry(BlobLabels.OBJECT_NAME, attributes.get(GenAiRefsWriter.INPUT_MESSAGES_REF));
	}

	@Test
	void toolSchemaThatIsNotJsonIsKeptAsText() {
		GenAiRefsWriter writer = new GenAiRefsWriter(recordingRegistry(), GenAiRefsWriter.Format.JSON);
		Map<String, String> attributes = new LinkedHashMap<>();

		writer.write(CALL, List.of(), List.of(),
				List.of(GenAiMessageJson.ToolDefinition.function("lookup", null, "not json {")), attributes);

		assertThat(attributes).containsOnlyKeys(GenAiRefsWriter.TOOL_DEFINITIONS_REF);
		assertThat(attributes.get(GenAiRefsWriter.TOOL_DEFINITIONS_REF))
			.matches("[0-9a-f]{64}_tool\\.definitions\\.json");
		assertThat(new String(this.uploaded.get(0).rawBytes(), StandardCharsets.UTF_8))
			.isEqualTo("[{\"type\":\"function\",\"name\":\"lookup\",\"parameters\":\"not json {\"}]\n");
	}

	@Test
	void refusedFilesAreCountedAndLeaveNoAttribute() {
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(BlobUploaders.disabled())
			.build();
		GenAiRefsWriter writer = new GenAiRefsWriter(registry, GenAiRefsWriter.Format.JSON);
		Map<String, String> attributes = new LinkedHashMap<>();

		writer.write(CALL, List.of(system("Be brief."), user("Hi")), List.of(user("Hello")), List.of(), attributes);

		assertThat(attributes).isEmpty();
		assertThat(writer.refusedCount()).isEqualTo(3);
		assertThat(writer.writtenCount()).isZero();
	}

	private DefaultBlobUploaderRegistry recordingRegistry() {
		return DefaultBlobUploaderRegistry.builder().defaultUploader((blob) -> {
			this.uploaded.add(blob);
			return blob.labels().get(BlobLabels.OBJECT_NAME);
		}).build();
	}

	private static RecordedMessage user(String text) {
		return new RecordedMessage("user", List.of(new RecordedMessage.TextPart(text)), null);
	}

	private static RecordedMessage system(String text) {
		return new RecordedMessage("system", List.of(new RecordedMessage.TextPart(text)), null);
	}

}
