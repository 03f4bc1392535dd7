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

import io.github.blobupload.internal.Json;

/**
 * Writes recorded messages as the OpenTelemetry GenAI semantic-convention attributes
 * {@code gen_ai.input.messages} and {@code gen_ai.output.messages} (JSON per the
 * conventions' message schemas). Media becomes
 * {@code {"type":"uri","modality":"image","mime_type":"image/png","uri":"s3://..."}}; media
 * kept inline becomes a {@code blob} part; refused media records
 * {@link io.github.blobupload.BlobUploader#NOT_UPLOADED} as its URI, never its bytes.
 */
final class GenAiSemconvAttributes {

	/** The attribute holding the prompt's messages. */
	static final String INPUT_MESSAGES = "gen_ai.input.messages";

	/** The attribute holding the response's messages. */
	static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

	private GenAiSemconvAttributes() {
	}

	/**
	 * Adds the attributes for the given messages; an empty list adds nothing.
	 * @param input the prompt's messages
	 * @param output the response's messages
	 * @param attributes where to put them
	 */
	static void write(List<RecordedMessage> input, List<RecordedMessage> output, Map<String, String> attributes) {
		if (!input.isEmpty()) {
			attributes.put(INPUT_MESSAGES, toJson(input));
		}
		if (!output.isEmpty()) {
			attributes.put(OUTPUT_MESSAGES, toJson(output));
		}
	}

	/**
	 * Returns messages as a semantic-convention JSON array.
	 * @param messages the messages
	 * @return the JSON text
	 */
	static String toJson(List<RecordedMessage> messages) {
		StringBuilder json = new StringBuilder("[");
		for (int i = 0; i < messages.size(); i++) {
			RecordedMessage message = messages.get(i);
			json.append((i > 0) ? "," : "").append("{\"role\":").append(Json.quote(message.role())).append(",\"parts\":[");
			List<RecordedMessage.Part> parts = message.parts();
			for (int j = 0; j < parts.size(); j++) {
				json.append((j > 0) ? "," : "");
				appendPart(json, parts.get(j));
			}
			json.append(']');
			if (message.finishReason() != null) {
				json.append(",\"finish_reason\":").append(Json.quote(message.finishReason()));
			}
			json.append('}');
		}
		return json.append(']').toString();
	}

	private static void appendPart(StringBuilder json, RecordedMessage.Part part) {
		if (part instanceof RecordedMessage.TextPart text) {
			json.append("{\"type\":\"text\",\"content\":").append(Json.quote(text.content())).append('}');
		}
		else if (part instanceof RecordedMessage.ToolCallPart call) {
			json.append("{\"type\":\"tool_call\"");
			if (call.id() != null) {
				json.append(",\"id\":").append(Json.quote(call.id()));
			}
			json.append(",\"name\":").append(Json.quote(call.name()));
			if (call.arguments() != null) {
				json.append(",\"arguments\":").append(Json.quote(call.arguments()));
			}
			json.append('}');
		}
		else if (part instanceof RecordedMessage.MediaPart mediaPart) {
			OffloadedMedia media = mediaPart.media();
			boolean inline = media.status() == OffloadedMedia.Status.INLINE && media.inlineBase64() != null;
			json.append("{\"type\":").append(inline ? "\"blob\"" : "\"uri\"");
			json.append(",\"modality\":").append(Json.quote(media.modality()));
			json.append(",\"mime_type\":").append(Json.quote(media.contentType()));
			if (inline) {
				json.append(",\"content\":").append(Json.quote(media.inlineBase64()));
			}
			else {
				json.append(",\"uri\":").append(Json.quote(String.valueOf(media.uri())));
			}
			json.append('}');
		}
	}

}
