package io.github.blobupload.ai;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A prompt or response message as recorded on a span: its role and its parts, with media
 * replaced by where it was offloaded.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param parts the parts in order; text parts only when content capture is on
 * @param finishReason why the model stopped (output messages), or {@code null}
 */
record RecordedMessage(String role, List<Part> parts, @Nullable String finishReason) {

	/**
	 * Creates a message.
	 * @param role the role
	 * @param parts the parts
	 * @param finishReason the finish reason or {@code null}
	 */
	RecordedMessage {
		parts = List.copyOf(parts);
	}

	/** One part of a message. */
	sealed interface Part permits TextPart, MediaPart, ToolCallPart {

	}

	/**
	 * Text content (recorded only when content capture is on).
	 *
	 * @param content the text
	 */
	record TextPart(String content) implements Part {

	}

	/**
	 * A piece of media and what became of it.
	 *
	 * @param media the offloaded media
	 */
	record MediaPart(OffloadedMedia media) implements Part {

	}

	/**
	 * A tool call requested by the model.
	 *
	 * @param id the call id, or {@code null}
	 * @param name the tool name
	 * @param arguments the arguments (only when content capture is on), or {@code null}
	 */
	record ToolCallPart(@Nullable String id, String name, @Nullable String arguments) implements Part {

	}

}
