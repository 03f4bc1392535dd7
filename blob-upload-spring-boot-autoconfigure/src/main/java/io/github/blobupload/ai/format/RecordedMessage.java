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

import io.github.blobupload.ai.OffloadedMedia;
import org.jspecify.annotations.Nullable;

/**
 * A prompt or response message as recorded on a span: its role and its parts, with media
 * replaced by where it was offloaded.
 *
 * @param role {@code system}, {@code user}, {@code assistant} or {@code tool}
 * @param parts the parts in order; text parts only when content capture is on
 * @param finishReason why the model stopped (output messages), or {@code null}
 */
public record RecordedMessage(String role, List<Part> parts, @Nullable String finishReason) {

	/**
	 * Creates a message.
	 * @param role the role
	 * @param parts the parts
	 * @param finishReason the finish reason or {@code null}
	 */
	public RecordedMessage {
		parts = List.copyOf(parts);
	}

	/**
	 * Returns this message as it is recorded without content capture: without text, tool
	 * results and tool-call arguments (what
	 * {@link io.github.blobupload.ai.chat.MediaWalker} leaves out when content capture is
	 * off).
	 * @return the message without content
	 */
	public RecordedMessage withoutContent() {
		List<Part> kept = new ArrayList<>(this.parts.size());
		for (Part part : this.parts) {
			if (part instanceof ToolCallPart call) {
				kept.add(new ToolCallPart(call.id(), call.name(), null));
			}
			else if (!(part instanceof TextPart) && !(part instanceof ToolResponsePart)) {
				kept.add(part);
			}
		}
		return new RecordedMessage(this.role, kept, this.finishReason);
	}

	/** One part of a message. */
	public sealed interface Part permits TextPart, MediaPart, ToolCallPart, ToolResponsePart {

	}

	/**
	 * Text content (recorded only when content capture is on).
	 *
	 * @param content the text
	 */
	public record TextPart(String content) implements Part {

	}

	/**
	 * A piece of media and what became of it.
	 *
	 * @param media the offloaded media
	 */
	public record MediaPart(OffloadedMedia media) implements Part {

	}

	/**
	 * A tool call requested by the model.
	 *
	 * @param id the call id, or {@code null}
	 * @param name the tool name
	 * @param arguments the arguments (only when content capture is on), or {@code null}
	 */
	public record ToolCallPart(@Nullable String id, String name, @Nullable String arguments) implements Part {

	}

	/**
	 * The result of a tool call sent back to the model (only when content capture is on).
	 *
	 * @param id the call id, or {@code null}
	 * @param response what the tool returned
	 */
	public record ToolResponsePart(@Nullable String id, String response) implements Part {

	}

}
