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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.internal.RateLimitedLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingChatOptions;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.definition.ToolDefinition;

/**
 * Writes a model call in the upstream reference format of OpenTelemetry's
 * {@code opentelemetry-util-genai} upload hook
 * ({@link io.github.blobupload.ai.AttributeLayout#REFS}): the input messages, output
 * messages, system instructions and tool definitions each become a file in storage, and
 * the span records their URIs as {@value #INPUT_MESSAGES_REF},
 * {@value #OUTPUT_MESSAGES_REF}, {@value #SYSTEM_INSTRUCTIONS_REF} and
 * {@value #TOOL_DEFINITIONS_REF}.
 * <p>
 * The files are named as upstream names them: {@code {uuid}_inputs.json} and
 * {@code {uuid}_outputs.json} (one random UUID per call, shared by both),
 * {@code {sha256}_system_instruction.json} and {@code {sha256}_tool.definitions.json},
 * named by the SHA-256 of their own bytes, so that the same instructions or tools are
 * stored once ({@code .jsonl} instead of {@code .json} in the {@link Format#JSONL}
 * format). Messages are written with the same typed JSON as the
 * {@link io.github.blobupload.ai.AttributeLayout#SEMCONV} layout: media is a {@code uri}
 * part naming the offloaded blob, never base64 (media within the inline budget stays a
 * {@code blob} part, as on the span). A file with nothing to hold is not written.
 * <p>
 * Each file is handed to the {@link BlobUploaderRegistry}'s uploader of the use case
 * {@link AiUseCases#REFS} ({@link BlobUploader#uploadAsync}, which never blocks), with
 * the label {@link BlobLabels#OBJECT_NAME} asking for its name. A file the uploader
 * refuses ({@link BlobUploader#NOT_UPLOADED}) leaves its attribute out and is counted.
 * Never throws.
 * <p>
 * The files hold message text (the prompt, the system instructions, the answer, tool
 * arguments and results) whether or not content capture on spans is on: writing them is
 * the point of this layout, as it is of the upstream hook.
 */
public final class GenAiRefsWriter {

	/** The attribute holding the URI of the input messages file. */
	public static final String INPUT_MESSAGES_REF = "gen_ai.input.messages_ref";

	/** The attribute holding the URI of the output messages file. */
	public static final String OUTPUT_MESSAGES_REF = "gen_ai.output.messages_ref";

	/** The attribute holding the URI of the system instructions file. */
	public static final String SYSTEM_INSTRUCTIONS_REF = "gen_ai.system_instructions_ref";

	/** The attribute holding the URI of the tool definitions file. */
	public static final String TOOL_DEFINITIONS_REF = "gen_ai.tool.definitions_ref";

	private final BlobUploaderRegistry registry;

	private final Format format;

	private final LongAdder written = new LongAdder();

	private final LongAdder refused = new LongAdder();

	private final RateLimitedLogger errors = new RateLimitedLogger(LoggerFactory.getLogger(GenAiRefsWriter.class),
			Duration.ofMinutes(1));

	/**
	 * Creates a writer.
	 * @param registry gives the uploader of {@link AiUseCases#REFS}
	 * @param format the file format
	 */
	public GenAiRefsWriter(BlobUploaderRegistry registry, Format format) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.format = Objects.requireNonNull(format, "format must not be null");
	}

	/**
	 * Returns the file format.
	 * @return the format
	 */
	public Format format() {
		return this.format;
	}

	/**
	 * Returns how many files were handed to the uploader and accepted since startup.
	 * @return the count
	 */
	public long writtenCount() {
		return this.written.sum();
	}

	/**
	 * Returns how many files were not written since startup: refused by the uploader
	 * ({@link BlobUploader#NOT_UPLOADED}) or failed (logged, rate-limited).
	 * @return the count
	 */
	public long refusedCount() {
		return this.refused.sum();
	}

	/**
	 * Writes the files of one call and adds the attributes of those the uploader
	 * accepted.
	 * @param call the call (its span and conversation label the files)
	 * @param input the prompt's messages as recorded, system messages included, with
	 * their text
	 * @param output the response's messages as recorded, with their text
	 * @param prompt the chat request, whose tools were offered to the model, or
	 * {@code null} for a call without tools (image generation)
	 * @param attributes where to put the attributes
	 */
	public void write(MediaCall call, List<RecordedMessage> input, List<RecordedMessage> output,
			@Nullable Prompt prompt, Map<String, String> attributes) {
		write(call, input, output, (prompt != null) ? toolsOf(prompt) : List.of(), attributes);
	}

	/**
	 * Writes the files of one call, with the given tool definitions.
	 * @param call the call
	 * @param input the prompt's messages as recorded
	 * @param output the response's messages as recorded
	 * @param tools the tools offered to the model
	 * @param attributes where to put the attributes
	 */
	void write(MediaCall call, List<RecordedMessage> input, List<RecordedMessage> output,
			List<GenAiMessageJson.ToolDefinition> tools, Map<String, String> attributes) {
		// The call's labels hold the caller's: the thread writing may be another's.
		call.upload(() -> {
			writeFiles(call, input, output, tools, attributes);
			return null;
		});
	}

	private void writeFiles(MediaCall call, List<RecordedMessage> input, List<RecordedMessage> output,
			List<GenAiMessageJson.ToolDefinition> tools, Map<String, String> attributes) {
		String uuid = UUID.randomUUID().toString();
		Map<String, String> labels = call.labels(AiUseCases.REFS);
		List<GenAiMessageJson.Message> inputMessages = GenAiSemconvAttributes.inputMessages(input);
		if (!inputMessages.isEmpty()) {
			upload(INPUT_MESSAGES_REF, uuid + "_inputs", inputMessages, false, labels, attributes);
		}
		if (!output.isEmpty()) {
			upload(OUTPUT_MESSAGES_REF, uuid + "_outputs", GenAiSemconvAttributes.outputMessages(output), false, labels,
					attributes);
		}
		List<GenAiMessageJson.Part> instructions = GenAiSemconvAttributes.systemInstructions(input);
		if (!instructions.isEmpty()) {
			upload(SYSTEM_INSTRUCTIONS_REF, "_system_instruction", instructions, true, labels, attributes);
		}
		if (!tools.isEmpty()) {
			upload(TOOL_DEFINITIONS_REF, "_tool.definitions", tools, true, labels, attributes);
		}
	}

	/**
	 * Returns the definitions of the tools a chat request offers the model: those of the
	 * tool callbacks of its {@link ToolCallingChatOptions}.
	 * @param prompt the request
	 * @return the definitions, empty when it offers none
	 */
	static List<GenAiMessageJson.ToolDefinition> toolsOf(Prompt prompt) {
		ChatOptions options = prompt.getOptions();
		if (!(options instanceof ToolCallingChatOptions toolOptions) || toolOptions.getToolCallbacks() == null) {
			return List.of();
		}
		List<GenAiMessageJson.ToolDefinition> tools = new ArrayList<>();
		for (ToolCallback callback : toolOptions.getToolCallbacks()) {
			ToolDefinition definition = (callback != null) ? callback.getToolDefinition() : null;
			if (definition != null && definition.name() != null) {
				tools.add(GenAiMessageJson.ToolDefinition.function(definition.name(), definition.description(),
						definition.inputSchema()));
			}
		}
		return tools;
	}

	private void upload(String attribute, String name, List<?> values, boolean contentAddressed,
			Map<String, String> labels, Map<String, String> attributes) {
		try {
			String text = (this.format == Format.JSONL) ? GenAiMessageJson.writeLines(values)
					: GenAiMessageJson.write(values) + "\n";
			Blob blob = new Blob(text.getBytes(StandardCharsets.UTF_8), this.format.contentType(), labels);
			String objectName = (contentAddressed ? BlobNamingStrategies.sha256Hex(blob) + name : name) + "."
					+ this.format.extension();
			String uri = this.registry.getBlobUploader(AiUseCases.REFS)
				.uploadAsync(blob.withLabels(Map.of(BlobLabels.OBJECT_NAME, objectName)));
			if (uri == null || BlobUploader.NOT_UPLOADED.equals(uri)) {
				this.refused.increment();
				return;
			}
			this.written.increment();
			attributes.put(attribute, uri);
		}
		catch (RuntimeException ex) {
			this.refused.increment();
			this.errors.warn(() -> "Could not write the " + attribute + " file: " + ex.getClass().getName(), ex);
		}
	}

	/**
	 * The format of the files, as {@code OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT} names
	 * it.
	 */
	public enum Format {

		/** One JSON array a file ({@code application/json}, {@code .json}). */
		JSON("application/json"),

		/**
		 * JSON Lines: one message (or part, or tool) a line, with an {@code index} field
		 * ({@code application/jsonl}, {@code .jsonl}).
		 */
		JSONL("application/jsonl");

		private final String contentType;

		Format(String contentType) {
			this.contentType = contentType;
		}

		/**
		 * Returns the content type of the files.
		 * @return {@code application/json} or {@code application/jsonl}
		 */
		public String contentType() {
			return this.contentType;
		}

		/**
		 * Returns the file extension, without the dot.
		 * @return {@code json} or {@code jsonl}
		 */
		public String extension() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

}
