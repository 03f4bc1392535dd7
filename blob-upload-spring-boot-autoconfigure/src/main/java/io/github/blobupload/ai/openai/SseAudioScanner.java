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

package io.github.blobupload.ai.openai;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.Set;

import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.internal.RateLimitedLogger;
import okio.Buffer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the server-sent events of one chat completion stream line by line as its bytes
 * pass, and appends the decoded audio of each {@code choices[i].delta.audio.data} to a
 * {@link StreamedChatAudio}. Only {@code data:} lines that mention {@code "audio"} are
 * parsed. Anything unexpected lets go of the audio of this stream and stops the reading;
 * nothing is ever thrown. Not thread-safe: a body is read by one thread at a time.
 */
final class SseAudioScanner {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final byte[] AUDIO = "\"audio\"".getBytes(StandardCharsets.US_ASCII);

	private final StreamedChatAudio audio;

	private final RateLimitedLogger errors;

	private final int maxLineBytes;

	private final ByteArrayOutputStream line = new ByteArrayOutputStream();

	private final Set<String> ids = new LinkedHashSet<>();

	private boolean lineTooLong;

	private boolean stopped;

	SseAudioScanner(StreamedChatAudio audio, RateLimitedLogger errors) {
		this.audio = audio;
		this.errors = errors;
		// Base64 takes 4 bytes for 3; an event with more than a blob's audio is not read.
		this.maxLineBytes = (int) Math.min(Integer.MAX_VALUE - 16, audio.maxBytes() / 3 * 4 + 64 * 1024);
	}

	/**
	 * Reads bytes that were just read into a buffer, leaving the buffer as it is.
	 * @param buffer the reader's buffer
	 * @param offset where the new bytes start
	 * @param count how many bytes are new
	 */
	void accept(Buffer buffer, long offset, long count) {
		if (this.stopped) {
			return;
		}
		try {
			Buffer copy = new Buffer();
			buffer.copyTo(copy, offset, count);
			byte[] bytes = copy.readByteArray();
			int start = 0;
			for (int i = 0; i < bytes.length; i++) {
				if (bytes[i] == '\n') {
					append(bytes, start, i - start);
					endOfLine();
					if (this.stopped) {
						return;
					}
					start = i + 1;
				}
			}
			append(bytes, start, bytes.length - start);
		}
		catch (RuntimeException ex) {
			fail("Could not read the audio of a streamed chat completion: " + ex.getClass().getName());
		}
	}

	/** Reads the last line, when the stream ends without a line break. */
	void end() {
		if (this.stopped) {
			return;
		}
		try {
			endOfLine();
		}
		catch (RuntimeException ex) {
			fail("Could not read the audio of a streamed chat completion: " + ex.getClass().getName());
		}
		this.stopped = true;
	}

	private void append(byte[] bytes, int start, int length) {
		if (this.lineTooLong || length == 0) {
			return;
		}
		if (this.line.size() + (long) length > this.maxLineBytes) {
			this.lineTooLong = true;
			this.line.reset();
			return;
		}
		this.line.write(bytes, start, length);
	}

	private void endOfLine() {
		if (this.lineTooLong) {
			this.lineTooLong = false;
			fail("An event of a streamed chat completion was longer than " + this.maxLineBytes
					+ " bytes; its audio is not offloaded");
			return;
		}
		byte[] bytes = this.line.toByteArray();
		this.line.reset();
		int length = bytes.length;
		if (length > 0 && bytes[length - 1] == '\r') {
			length--;
		}
		if (length < 5 || bytes[0] != 'd' || bytes[1] != 'a' || bytes[2] != 't' || bytes[3] != 'a' || bytes[4] != ':'
				|| !contains(bytes, length, AUDIO)) {
			return;
		}
		JsonNode event;
		try {
			event = JSON.readTree(bytes, 5, length - 5);
		}
		catch (RuntimeException ex) {
			fail("An event with audio of a streamed chat completion is not JSON (" + ex.getClass().getName()
					+ "); its audio is not offloaded");
			return;
		}
		read(event);
	}

	private void read(JsonNode event) {
		JsonNode id = event.path("id");
		JsonNode choices = event.path("choices");
		if (!id.isString() || !choices.isArray()) {
			return;
		}
		for (int i = 0; i < choices.size(); i++) {
			JsonNode choice = choices.get(i);
			JsonNode data = choice.path("delta").path("audio").path("data");
			if (data.isMissingNode() || data.isNull()) {
				continue;
			}
			this.ids.add(id.stringValue());
			byte[] pcm;
			try {
				pcm = Base64.getDecoder().decode(data.stringValue());
			}
			catch (RuntimeException ex) {
				fail("The audio of a streamed chat completion is not base64 (" + ex.getClass().getName()
						+ "); it is not offloaded");
				return;
			}
			this.audio.append(id.stringValue(), choice.path("index").asInt(i), pcm);
		}
	}

	private void fail(String message) {
		this.stopped = true;
		this.line.reset();
		this.ids.forEach(this.audio::discard);
		this.errors.warn(() -> message);
	}

	private static boolean contains(byte[] bytes, int length, byte[] word) {
		outer: for (int i = 0; i <= length - word.length; i++) {
			for (int j = 0; j < word.length; j++) {
				if (bytes[i + j] != word[j]) {
					continue outer;
				}
			}
			return true;
		}
		return false;
	}

}
