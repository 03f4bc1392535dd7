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
import java.util.Map;

import io.github.blobupload.ai.OffloadedMedia;

/**
 * Writes recorded messages in the OpenInference attribute layout used by Arize Phoenix:
 * {@code llm.input_messages.{i}.message.role},
 * {@code llm.input_messages.{i}.message.contents.{j}.message_content.type} ({@code text},
 * {@code image}, {@code audio}) and {@code ...message_content.image.image.url} or
 * {@code ...message_content.audio.audio.url} (with {@code ...audio.audio.mime_type});
 * likewise {@code llm.output_messages}. OpenInference has no content type for documents
 * (PDFs): they are left out of this layout (the semconv layout records them).
 */
public final class OpenInferenceAttributes {

	private OpenInferenceAttributes() {
	}

	/**
	 * Adds the attributes for the given messages.
	 * @param input the prompt's messages
	 * @param output the response's messages
	 * @param attributes where to put them
	 */
	public static void write(List<RecordedMessage> input, List<RecordedMessage> output,
			Map<String, String> attributes) {
		write("llm.input_messages.", input, attributes);
		write("llm.output_messages.", output, attributes);
	}

	private static void write(String prefix, List<RecordedMessage> messages, Map<String, String> attributes) {
		for (int i = 0; i < messages.size(); i++) {
			RecordedMessage message = messages.get(i);
			String base = prefix + i + ".message.";
			attributes.put(base + "role", message.role());
			int j = 0;
			for (RecordedMessage.Part part : message.parts()) {
				String content = base + "contents." + j + ".message_content.";
				if (part instanceof RecordedMessage.TextPart text) {
					attributes.put(content + "type", "text");
					attributes.put(content + "text", text.content());
					j++;
				}
				else if (part instanceof RecordedMessage.MediaPart mediaPart) {
					OffloadedMedia media = mediaPart.media();
					String modality = media.modality();
					if (!modality.equals("image") && !modality.equals("audio")) {
						continue;
					}
					String url = (media.status() == OffloadedMedia.Status.INLINE)
							? "data:" + media.contentType() + ";base64," + media.inlineBase64()
							: String.valueOf(media.uri());
					attributes.put(content + "type", modality);
					attributes.put(content + modality + "." + modality + ".url", url);
					if (modality.equals("audio")) {
						attributes.put(content + "audio.audio.mime_type", media.contentType());
					}
					j++;
				}
			}
		}
	}

}
