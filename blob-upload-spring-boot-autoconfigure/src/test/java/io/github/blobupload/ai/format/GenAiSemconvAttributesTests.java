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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiSemconvAttributes}: the OpenTelemetry GenAI message layout.
 */
class GenAiSemconvAttributesTests {

	private final OffloadedMedia image = OffloadedMedia.uploaded("chat.input", "s3://bucket/a.png", "image/png", 10,
			SpanInfo.NONE);

	@Test
	void mediaIsWrittenAsUriPartsAndTextOnlyWhenGiven() {
		RecordedMessage user = new RecordedMessage("user",
				List.of(new RecordedMessage.TextPart("Say \"hi\""), new RecordedMessage.MediaPart(this.image)), null);
		RecordedMessage answer = new RecordedMessage("assistant", List.of(), "stop");
		Map<String, String> attributes = new LinkedHashMap<>();

		GenAiSemconvAttributes.write(List.of(user), List.of(answer), attributes);

		assertThat(attributes).containsEntry(GenAiSemconvAttributes.INPUT_MESSAGES,
				"[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Say \\\"hi\\\"\"},"
						+ "{\"type\":\"uri\",\"modality\":\"image\",\"mime_type\":\"image/png\",\"uri\":\"s3://bucket/a.png\"}]}]");
		assertThat(attributes).containsEntry(GenAiSemconvAttributes.OUTPUT_MESSAGES,
				"[{\"role\":\"assistant\",\"parts\":[],\"finish_reason\":\"stop\"}]");
	}

	@Test
	void openInferenceLayoutNamesImageUrls() {
		RecordedMessage user = new RecordedMessage("user", List.of(new RecordedMessage.MediaPart(this.image)), null);
		Map<String, String> attributes = new LinkedHashMap<>();

		OpenInferenceAttributes.write(List.of(user), List.of(), attributes);

		assertThat(attributes).containsEntry("llm.input_messages.0.message.role", "user")
			.containsEntry("llm.input_messages.0.message.contents.0.message_content.type", "image")
			.containsEntry("llm.input_messages.0.message.contents.0.message_content.image.image.url",
					"s3://bucket/a.png");
	}

}
