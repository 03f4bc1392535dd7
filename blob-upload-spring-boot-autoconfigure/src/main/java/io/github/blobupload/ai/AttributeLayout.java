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

/**
 * The span attribute layouts that recorded messages can be written in.
 */
public enum AttributeLayout {

	/**
	 * OpenTelemetry GenAI semantic conventions: {@code gen_ai.input.messages},
	 * {@code gen_ai.output.messages} and {@code gen_ai.system_instructions} as JSON,
	 * media as {@code uri} parts.
	 */
	SEMCONV,

	/**
	 * OpenInference (Arize Phoenix):
	 * {@code llm.input_messages.{i}.message.contents.{j}.message_content.image.image.url}
	 * and the like, one attribute per value.
	 */
	OPENINFERENCE,

	/**
	 * The upstream reference format of OpenTelemetry's {@code opentelemetry-util-genai}
	 * upload hook: the messages, system instructions and tool definitions are written to
	 * storage as JSON files ({@code {uuid}_inputs.json}, {@code {uuid}_outputs.json},
	 * {@code {sha256}_system_instruction.json}, {@code {sha256}_tool.definitions.json},
	 * or {@code .jsonl}) and the span records their URIs as
	 * {@code gen_ai.input.messages_ref}, {@code gen_ai.output.messages_ref},
	 * {@code gen_ai.system_instructions_ref} and {@code gen_ai.tool.definitions_ref}. The
	 * files hold message text: see
	 * {@link io.github.blobupload.ai.format.GenAiRefsWriter}.
	 */
	REFS

}
