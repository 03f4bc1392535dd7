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

package io.github.blobupload.ai.chat;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.format.GenAiSchemas;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.github.blobupload.ai.format.RecordedMessage;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.content.Media;
import org.springframework.ai.image.Image;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageResponse;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiSemconvAttributes} against the GenAI JSON schemas of the
 * OpenTelemetry semantic conventions, per part type.
 */
class GenAiSemconvSchemaTests {

	private static final SpanInfo SPAN = new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

	private final DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
		.defaultUploader((blob) -> "mem://blobs/" + blob.contentType())
		.build();

	@ParameterizedTest
	@EnumSource(PartType.class)
	void inputMessagePartMatchesTheInputSchema(PartType type) {
		Map<String, String> attributes = write(List.of(new RecordedMessage(type.role, List.of(type.part), null)),
				List.of());

		String input = attributes.get(GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(input)).isEmpty();
		assertThat(partsOf(input)).singleElement()
			.satisfies((part) -> assertThat(GenAiSchemas.INPUT_MESSAGES.validatePart(type.definition, part)).isEmpty());
	}

	@ParameterizedTest
	@EnumSource(PartType.class)
	void outputMessagePartMatchesTheOutputSchema(PartType type) {
		Map<String, String> attributes = write(List.of(),
				List.of(new RecordedMessage(type.role, List.of(type.part), "stop")));

		String output = attributes.get(GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).isEmpty();
		assertThat(partsOf(output)).singleElement()
			.satisfies(
					(part) -> assertThat(GenAiSchemas.OUTPUT_MESSAGES.validatePart(type.definition, part)).isEmpty());
	}

	@Test
	void systemInstructionsMatchTheirSchemaAndLeaveTheInput() {
		RecordedMessage system = new RecordedMessage("system", List
			.of(new RecordedMessage.TextPart("You are a translator."), new RecordedMessage.TextPart("Be brief.")),
				null);
		RecordedMessage user = new RecordedMessage("user", List.of(new RecordedMessage.TextPart("Bonjour")), null);

		Map<String, String> attributes = write(List.of(system, user), List.of());

		String instructions = attributes.get(GenAiSemconvAttributes.SYSTEM_INSTRUCTIONS);
		assertThat(instructions).isEqualTo(
				"[{\"type\":\"text\",\"content\":\"You are a translator.\"},{\"type\":\"text\",\"content\":\"Be brief.\"}]");
		assertThat(GenAiSchemas.SYSTEM_INSTRUCTIONS.validate(instructions)).isEmpty();
		for (JsonNode part : GenAiSchemas.read(instructions)) {
			assertThat(GenAiSchemas.SYSTEM_INSTRUCTIONS.validatePart("TextPart", part)).isEmpty();
		}
		assertThat(attributes.get(GenAiSemconvAttributes.INPUT_MESSAGES))
			.isEqualTo("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Bonjour\"}]}]");
	}

	@Test
	void walkedConversationMatchesEverySchema() {
		MediaWalker walker = new MediaWalker(MediaOffloader.builder(this.registry).inlineBudgetBytes(4).build(), true);
		List<Message> prompt = List.of(new SystemMessage("Describe pictures."),
				UserMessage.builder()
					.text("What is this?")
					.media(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(new byte[] { 1, 2, 3 }).build(),
							Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(new byte[64]).build())
					.build(),
				AssistantMessage.builder()
					.toolCalls(
							List.of(new AssistantMessage.ToolCall("call_1", "function", "lookup", "{\"q\":\"png\"}")))
					.build(),
				ToolResponseMessage.builder()
					.responses(
							List.of(new ToolResponseMessage.ToolResponse("call_1", "lookup", "{\"kind\":\"square\"}")))
					.build());

		Map<String, String> attributes = write(walker.input(prompt, MediaCall.of(SPAN, null, MediaCall.CHAT)),
				List.of());

		String input = attributes.get(GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(input)).isEmpty();
		assertThat(partsOf(input)).extracting((part) -> part.get("type").asString())
			.containsExactly("text", "blob", "uri", "tool_call", "tool_call_response");
		for (JsonNode part : partsOf(input)) {
			String definition = PartType.of(part.get("type").asString()).definition;
			assertThat(GenAiSchemas.INPUT_MESSAGES.validatePart(definition, part)).isEmpty();
		}
		String instructions = attributes.get(GenAiSemconvAttributes.SYSTEM_INSTRUCTIONS);
		assertThat(GenAiSchemas.SYSTEM_INSTRUCTIONS.validate(instructions)).isEmpty();
		assertThat(instructions).isEqualTo("[{\"type\":\"text\",\"content\":\"Describe pictures.\"}]");
	}

	@Test
	void systemInstructionsAreLeftOutWithoutContentCapture() {
		MediaWalker walker = new MediaWalker(MediaOffloader.builder(this.registry).build(), false);
		List<Message> prompt = List.of(new SystemMessage("Secret rules."), new UserMessage("Hi"));

		Map<String, String> attributes = write(walker.input(prompt, MediaCall.of(SPAN, null, MediaCall.CHAT)),
				List.of());

		assertThat(attributes).doesNotContainKey(GenAiSemconvAttributes.SYSTEM_INSTRUCTIONS);
		assertThat(attributes.get(GenAiSemconvAttributes.INPUT_MESSAGES))
			.isEqualTo("[{\"role\":\"user\",\"parts\":[]}]")
			.doesNotContain("Secret");
	}

	@Test
	void outputWithoutFinishReasonFailsTheOutputSchema() {
		RecordedMessage unfinished = new RecordedMessage("assistant", List.of(PartType.URI.part), null);

		Map<String, String> attributes = write(List.of(), List.of(unfinished));

		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(attributes.get(GenAiSemconvAttributes.OUTPUT_MESSAGES)))
			.anySatisfy((error) -> assertThat(error).contains("finish_reason"));
	}

	@Test
	void chatReplyWithoutFinishReasonIsRecordedAsUnknownAndValid() {
		MediaWalker walker = new MediaWalker(MediaOffloader.builder(this.registry).build(), true);
		ChatResponse response = new ChatResponse(List.of(new Generation(new AssistantMessage("Hi"))));

		Map<String, String> attributes = write(List.of(),
				walker.output(response, MediaCall.of(SPAN, null, MediaCall.CHAT)));

		String output = attributes.get(GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).isEmpty();
		assertThat(GenAiSchemas.read(output).get(0).get("finish_reason").asString()).isEqualTo("unknown");
	}

	@Test
	void providerFinishReasonsBecomeTheConventionsValues() {
		MediaWalker walker = new MediaWalker(MediaOffloader.builder(this.registry).build(), true);
		ChatResponse response = new ChatResponse(List.of(
				new Generation(new AssistantMessage("a"),
						ChatGenerationMetadata.builder().finishReason("TOOL_CALLS").build()),
				new Generation(new AssistantMessage("b"),
						ChatGenerationMetadata.builder().finishReason("max_tokens").build()),
				new Generation(new AssistantMessage("c"),
						ChatGenerationMetadata.builder().finishReason("STOP").build())));

		String output = write(List.of(), walker.output(response, MediaCall.of(SPAN, null, MediaCall.CHAT)))
			.get(GenAiSemconvAttributes.OUTPUT_MESSAGES);

		assertThat(GenAiSchemas.read(output)).extracting((message) -> message.get("finish_reason").asString())
			.containsExactly("tool_call", "length", "stop");
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).isEmpty();
	}

	@Test
	void toolCallArgumentsAndResponsesAreJsonWhenTheyAreJson() {
		MediaWalker walker = new MediaWalker(MediaOffloader.builder(this.registry).build(), true);
		List<Message> prompt = List.of(
				AssistantMessage.builder()
					.toolCalls(List.of(new AssistantMessage.ToolCall("call_1", "function", "lookup", "{\"q\":\"png\"}"),
							new AssistantMessage.ToolCall("call_2", "function", "echo", "not json {")))
					.build(),
				ToolResponseMessage.builder()
					.responses(List.of(new ToolResponseMessage.ToolResponse("call_1", "lookup", "[1,2]"),
							new ToolResponseMessage.ToolResponse("call_2", "echo", "plain text")))
					.build());

		String input = write(walker.input(prompt, MediaCall.of(SPAN, null, MediaCall.CHAT)), List.of())
			.get(GenAiSemconvAttributes.INPUT_MESSAGES);

		List<JsonNode> parts = partsOf(input);
		assertThat(parts.get(0).get("arguments").isObject()).isTrue();
		assertThat(parts.get(0).get("arguments").get("q").asString()).isEqualTo("png");
		assertThat(parts.get(1).get("arguments").asString()).isEqualTo("not json {");
		assertThat(parts.get(2).get("response").isArray()).isTrue();
		assertThat(parts.get(3).get("response").asString()).isEqualTo("plain text");
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(input)).isEmpty();
	}

	@Test
	void imageModelOutputMatchesTheOutputSchema() {
		MediaWalker walker = new MediaWalker(MediaOffloader.builder(this.registry).build(), false);
		String b64 = Base64.getEncoder().encodeToString(new byte[] { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 });
		ImageResponse response = new ImageResponse(List.of(new ImageGeneration(new Image(null, b64))));

		Map<String, String> attributes = write(List.of(),
				walker.output(response, MediaCall.of(SPAN, null, MediaCall.IMAGE_GENERATION)));

		String output = attributes.get(GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).isEmpty();
		assertThat(GenAiSchemas.read(output).get(0).get("finish_reason").asString()).isEqualTo("stop");
		assertThat(partsOf(output)).singleElement()
			.satisfies((part) -> assertThat(GenAiSchemas.OUTPUT_MESSAGES.validatePart("UriPart", part)).isEmpty());
	}

	private static Map<String, String> write(List<RecordedMessage> input, List<RecordedMessage> output) {
		Map<String, String> attributes = new LinkedHashMap<>();
		GenAiSemconvAttributes.write(input, output, attributes);
		return attributes;
	}

	private static List<JsonNode> partsOf(String messages) {
		List<JsonNode> parts = new ArrayList<>();
		for (JsonNode message : GenAiSchemas.read(messages)) {
			message.get("parts").forEach(parts::add);
		}
		return parts;
	}

	/** Each part type the starter writes, with the schema definition it must match. */
	enum PartType {

		TEXT("text", "TextPart", "user", new RecordedMessage.TextPart("Hello")),

		URI("uri", "UriPart", "user",
				new RecordedMessage.MediaPart(
						OffloadedMedia.uploaded("chat.input", "s3://bucket/a.png", "image/png", 10, SpanInfo.NONE))),

		BLOB("blob", "BlobPart", "user",
				new RecordedMessage.MediaPart(new OffloadedMedia(OffloadedMedia.Status.INLINE, "chat.input", null,
						"audio/wav", 3, SpanInfo.NONE, null, "AQID"))),

		TOOL_CALL("tool_call", "ToolCallRequestPart", "assistant",
				new RecordedMessage.ToolCallPart("call_1", "weather", "{\"city\":\"Paris\"}")),

		TOOL_CALL_RESPONSE("tool_call_response", "ToolCallResponsePart", "tool",
				new RecordedMessage.ToolResponsePart("call_1", "rainy"));

		private final String type;

		private final String definition;

		private final String role;

		private final RecordedMessage.Part part;

		PartType(String type, String definition, String role, RecordedMessage.Part part) {
			this.type = type;
			this.definition = definition;
			this.role = role;
			this.part = part;
		}

		static PartType of(String type) {
			for (PartType candidate : values()) {
				if (candidate.type.equals(type)) {
					return candidate;
				}
			}
			throw new IllegalArgumentException("No part type '" + type + "'");
		}

	}

}
