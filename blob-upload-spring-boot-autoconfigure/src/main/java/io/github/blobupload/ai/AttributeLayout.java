package io.github.blobupload.ai;

/**
 * The span attribute layouts that recorded messages can be written in.
 */
public enum AttributeLayout {

	/**
	 * OpenTelemetry GenAI semantic conventions: {@code gen_ai.input.messages} and
	 * {@code gen_ai.output.messages} as JSON, media as {@code uri} parts.
	 */
	SEMCONV,

	/**
	 * OpenInference (Arize Phoenix): {@code llm.input_messages.{i}.message.contents.{j}.message_content.image.image.url}
	 * and the like, one attribute per value.
	 */
	OPENINFERENCE

}
