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

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The message JSON of the OpenTelemetry GenAI semantic conventions as typed records,
 * written with the Jackson that Spring AI brings (Jackson 3, {@code tools.jackson}). Each
 * record is one {@code $defs} entry of the conventions' schemas
 * ({@code gen-ai-input-messages.json}, {@code gen-ai-output-messages.json},
 * {@code gen-ai-system-instructions.json}); {@code null} fields are left out. Only the
 * Spring AI integration uses it: the core API stays free of Jackson.
 */
final class GenAiMessageJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
		.build();

	private GenAiMessageJson() {
	}

	/**
	 * Returns the given value (messages or parts) as JSON text.
	 * @param value a list of {@link Message} or {@link Part}
	 * @return the JSON text
	 */
	static String write(List<?> value) {
		return MAPPER.writeValueAsString(value);
	}

	/**
	 * Returns tool-call arguments or a tool's response as they are written: a JSON object
	 * or array as itself (the schemas let them be any JSON value), anything else (plain
	 * text, malformed JSON) as a string.
	 * @param text the text the model or tool gave
	 * @return a JSON tree or the text
	 */
	static Object jsonOrText(String text) {
		String trimmed = text.strip();
		if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
			try {
				return MAPPER.readTree(trimmed);
			}
			catch (JacksonException ex) {
				return text;
			}
		}
		return text;
	}

	/**
	 * Returns the given values as JSON Lines: one value a line, each with an
	 * {@code index} field holding its position (from 0), as the upload hook of
	 * OpenTelemetry's {@code opentelemetry-util-genai} writes them for streaming readers.
	 * @param values a list of {@link Message}, {@link Part} or {@link ToolDefinition}
	 * @return the lines, each ended by a newline
	 */
	static String writeLines(List<?> values) {
		StringBuilder lines = new StringBuilder();
		for (int i = 0; i < values.size(); i++) {
			ObjectNode line = MAPPER.valueToTree(values.get(i));
			line.put("index", i);
			lines.append(MAPPER.writeValueAsString(line)).append('\n');
		}
		return lines.toString();
	}

	/**
	 * A function tool offered to the model ({@code FunctionToolDefinition} of
	 * {@code gen_ai.tool.definitions}).
	 *
	 * @param type always {@code function}
	 * @param name the tool name
	 * @param description what the tool does, or {@code null}
	 * @param parameters the JSON schema of its input, or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "type", "name", "description", "parameters" })
	record ToolDefinition(String type, String name, @Nullable String description, @Nullable JsonNode parameters) {

		/**
		 * Returns the definition of a function tool.
		 * @param name the tool name
		 * @param description what the tool does, or {@code null}
		 * @param inputSchema the JSON schema of its input as text, or {@code null}; kept
		 * as a JSON string when it is not valid JSON
		 * @return the definition
		 */
		static ToolDefinition function(String name, @Nullable String description, @Nullable String inputSchema) {
			JsonNode parameters = null;
			if (inputSchema != null && !inputSchema.isBlank()) {
				try {
					parameters = MAPPER.readTree(inputSchema);
				}
				catch (JacksonException ex) {
					parameters = MAPPER.getNodeFactory().stringNode(inputSchema);
				}
			}
			return new ToolDefinition("function", name, description, parameters);
		}
	}

	/**
	 * A chat message ({@code ChatMessage}) or, with a finish reason, an output message
	 * ({@code OutputMessage}).
	 *
	 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
	 * @param parts the parts in order
	 * @param finishReason why the model stopped (output messages only), or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "role", "parts", "finish_reason" })
	record Message(String role, List<Part> parts, @JsonProperty("finish_reason") @Nullable String finishReason) {

	}

	/** One part of a message; {@code type} tells which. */
	sealed interface Part permits TextPart, UriPart, BlobPart, ToolCallRequestPart, ToolCallResponsePart {

		/**
		 * Returns the part type.
		 * @return the {@code type} discriminator
		 */
		String type();

	}

	/**
	 * Text sent to or received from the model ({@code TextPart}).
	 *
	 * @param type always {@code text}
	 * @param content the text
	 */
	@JsonPropertyOrder({ "type", "content" })
	record TextPart(String type, String content) implements Part {

		TextPart(String content) {
			this("text", content);
		}

	}

	/**
	 * Media referenced by URI ({@code UriPart}): where the starter offloaded it.
	 *
	 * @param type always {@code uri}
	 * @param modality {@code image}, {@code audio}, {@code video} or another modality
	 * @param mimeType the media type, or {@code null}
	 * @param uri the URI
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "type", "modality", "mime_type", "uri" })
	record UriPart(String type, String modality, @JsonProperty("mime_type") @Nullable String mimeType,
			String uri) implements Part {

		UriPart(String modality, @Nullable String mimeType, String uri) {
			this("uri", modality, mimeType, uri);
		}

	}

	/**
	 * Media kept inline ({@code BlobPart}).
	 *
	 * @param type always {@code blob}
	 * @param modality {@code image}, {@code audio}, {@code video} or another modality
	 * @param mimeType the media type, or {@code null}
	 * @param content the bytes in base64
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "type", "modality", "mime_type", "content" })
	record BlobPart(String type, String modality, @JsonProperty("mime_type") @Nullable String mimeType,
			String content) implements Part {

		BlobPart(String modality, @Nullable String mimeType, String content) {
			this("blob", modality, mimeType, content);
		}

	}

	/**
	 * A tool call requested by the model ({@code ToolCallRequestPart}).
	 *
	 * @param type always {@code tool_call}
	 * @param id the call id, or {@code null}
	 * @param name the tool name
	 * @param arguments the arguments (a JSON tree, or the text the model gave when it is
	 * not a JSON object or array), or {@code null}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "type", "id", "name", "arguments" })
	record ToolCallRequestPart(String type, @Nullable String id, String name,
			@Nullable Object arguments) implements Part {

		ToolCallRequestPart(@Nullable String id, String name, @Nullable String arguments) {
			this("tool_call", id, name, (arguments != null) ? jsonOrText(arguments) : null);
		}

	}

	/**
	 * The result of a tool call sent back to the model ({@code ToolCallResponsePart}).
	 *
	 * @param type always {@code tool_call_response}
	 * @param id the call id, or {@code null}
	 * @param response the tool's response (a JSON tree, or its text when it is not a JSON
	 * object or array)
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	@JsonPropertyOrder({ "type", "id", "response" })
	record ToolCallResponsePart(String type, @Nullable String id, Object response) implements Part {

		ToolCallResponsePart(@Nullable String id, String response) {
			this("tool_call_response", id, jsonOrText(response));
		}

	}

}
