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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.blobupload.ai.OffloadedMedia;

/**
 * Writes recorded messages as the OpenTelemetry GenAI semantic-convention attributes
 * {@code gen_ai.input.messages}, {@code gen_ai.output.messages} and
 * {@code gen_ai.system_instructions}, as JSON that follows the conventions' schemas
 * (through the typed parts of {@link GenAiMessageJson}). Media becomes
 * {@code {"type":"uri","modality":"image","mime_type":"image/png","uri":"s3://..."}};
 * media kept inline becomes a {@code blob} part; refused media records
 * {@link io.github.blobupload.BlobUploader#NOT_UPLOADED} as its URI, never its bytes.
 * <p>
 * System messages go to {@code gen_ai.system_instructions} (their text parts, so only
 * when content capture is on) and are left out of {@code gen_ai.input.messages}: Spring
 * AI gives instructions apart from the conversation ({@code ChatClient.system(..)},
 * {@code SystemMessage}), which is the case the conventions keep that attribute for.
 * Media labels still count {@code message_index} in the prompt, system messages included.
 */
public final class GenAiSemconvAttributes {

	/** The attribute holding the prompt's messages. */
	public static final String INPUT_MESSAGES = "gen_ai.input.messages";

	/** The attribute holding the response's messages. */
	public static final String OUTPUT_MESSAGES = "gen_ai.output.messages";

	/** The attribute holding the prompt's system instructions. */
	public static final String SYSTEM_INSTRUCTIONS = "gen_ai.system_instructions";

	private static final String SYSTEM = "system";

	private GenAiSemconvAttributes() {
	}

	/**
	 * Adds the attributes for the given messages; an attribute with nothing to hold is
	 * not added.
	 * @param input the prompt's messages, system messages included
	 * @param output the response's messages
	 * @param attributes where to put them
	 */
	public static void write(List<RecordedMessage> input, List<RecordedMessage> output,
			Map<String, String> attributes) {
		List<GenAiMessageJson.Message> messages = inputMessages(input);
		List<GenAiMessageJson.Part> instructions = systemInstructions(input);
		if (!messages.isEmpty()) {
			attributes.put(INPUT_MESSAGES, GenAiMessageJson.write(messages));
		}
		if (!instructions.isEmpty()) {
			attributes.put(SYSTEM_INSTRUCTIONS, GenAiMessageJson.write(instructions));
		}
		if (!output.isEmpty()) {
			attributes.put(OUTPUT_MESSAGES, toJson(output));
		}
	}

	/**
	 * Returns the prompt's messages other than system messages, as
	 * {@code gen_ai.input.messages} holds them.
	 * @param input the prompt's messages, system messages included
	 * @return the typed messages
	 */
	static List<GenAiMessageJson.Message> inputMessages(List<RecordedMessage> input) {
		List<GenAiMessageJson.Message> messages = new ArrayList<>(input.size());
		for (RecordedMessage message : input) {
			if (!SYSTEM.equals(message.role())) {
				messages.add(message(message));
			}
		}
		return messages;
	}

	/**
	 * Returns the text parts of the prompt's system messages, as
	 * {@code gen_ai.system_instructions} holds them.
	 * @param input the prompt's messages
	 * @return the typed parts, empty when there is no system text
	 */
	static List<GenAiMessageJson.Part> systemInstructions(List<RecordedMessage> input) {
		List<GenAiMessageJson.Part> instructions = new ArrayList<>();
		for (RecordedMessage message : input) {
			if (SYSTEM.equals(message.role())) {
				for (RecordedMessage.Part part : message.parts()) {
					if (part instanceof RecordedMessage.TextPart text) {
						instructions.add(new GenAiMessageJson.TextPart(text.content()));
					}
				}
			}
		}
		return instructions;
	}

	/**
	 * Returns the response's messages, as {@code gen_ai.output.messages} holds them.
	 * @param output the response's messages
	 * @return the typed messages
	 */
	static List<GenAiMessageJson.Message> outputMessages(List<RecordedMessage> output) {
		return output.stream().map(GenAiSemconvAttributes::message).toList();
	}

	/**
	 * Returns messages as a semantic-convention JSON array.
	 * @param messages the messages
	 * @return the JSON text
	 */
	static String toJson(List<RecordedMessage> messages) {
		return GenAiMessageJson.write(outputMessages(messages));
	}

	private static GenAiMessageJson.Message message(RecordedMessage message) {
		List<GenAiMessageJson.Part> parts = new ArrayList<>(message.parts().size());
		for (RecordedMessage.Part part : message.parts()) {
			parts.add(part(part));
		}
		return new GenAiMessageJson.Message(message.role(), parts, message.finishReason());
	}

	private static GenAiMessageJson.Part part(RecordedMessage.Part part) {
		if (part instanceof RecordedMessage.TextPart text) {
			return new GenAiMessageJson.TextPart(text.content());
		}
		if (part instanceof RecordedMessage.ToolCallPart call) {
			return new GenAiMessageJson.ToolCallRequestPart(call.id(), call.name(), call.arguments());
		}
		if (part instanceof RecordedMessage.ToolResponsePart response) {
			return new GenAiMessageJson.ToolCallResponsePart(response.id(), response.response());
		}
		OffloadedMedia media = ((RecordedMessage.MediaPart) part).media();
		if (media.status() == OffloadedMedia.Status.INLINE && media.inlineBase64() != null) {
			return new GenAiMessageJson.BlobPart(media.modality(), media.contentType(), media.inlineBase64());
		}
		return new GenAiMessageJson.UriPart(media.modality(), media.contentType(), String.valueOf(media.uri()));
	}

}
