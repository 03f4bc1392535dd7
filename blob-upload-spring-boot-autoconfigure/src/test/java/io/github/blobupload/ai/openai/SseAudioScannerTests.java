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

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.ai.audio.StreamedChatAudioAccess;
import io.github.blobupload.internal.RateLimitedLogger;
import okio.Buffer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SseAudioScanner}.
 */
class SseAudioScannerTests {

	private final StreamedChatAudio audio = new StreamedChatAudio(1024);

	private final RateLimitedLogger errors = new RateLimitedLogger(LoggerFactory.getLogger(SseAudioScannerTests.class),
			Duration.ofMinutes(1));

	@Test
	void linesSplitAcrossReadsAreAssembled() {
		String body = event("c1", 0, new byte[] { 1, 2, 3 }) + event("c1", 1, new byte[] { 7 })
				+ event("c1", 0, new byte[] { 4, 5 }).replace("\n", "\r\n") + "data: [DONE]";

		feedInPieces(body, 5);

		assertThat(StreamedChatAudioAccess.take(this.audio, "c1", 0)).containsExactly(1, 2, 3, 4, 5);
	}

	@Test
	void lastLineWithoutLineBreakIsRead() {
		SseAudioScanner scanner = feedInPieces(event("c1", 0, new byte[] { 1 }).trim(), 3);
		scanner.end();

		assertThat(StreamedChatAudioAccess.take(this.audio, "c1", 0)).containsExactly(1);
	}

	@Test
	void audioThatIsNotBase64LetsGoOfTheStreamsAudio() {
		String body = event("c1", 0, new byte[] { 1, 2 })
				+ "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"audio\":{\"data\":\"%%\"}}}]}\n\n"
				+ event("c1", 0, new byte[] { 3 });

		feedInPieces(body, 64);

		assertThat(this.audio.size()).isZero();
	}

	@Test
	void audioThatIsNotAStringLetsGoOfTheStreamsAudio() {
		String body = event("c1", 0, new byte[] { 1, 2 })
				+ "data: {\"id\":\"c1\",\"choices\":[{\"index\":0,\"delta\":{\"audio\":{\"data\":12}}}]}\n\n";

		feedInPieces(body, 64);

		assertThat(this.audio.size()).isZero();
	}

	@Test
	void eventLongerThanTheLimitLetsGoOfTheStreamsAudio() {
		String body = event("c1", 0, new byte[] { 1, 2 }) + "data: {\"audio\":\"" + "A".repeat(100_000) + "\"}\n\n";

		feedInPieces(body, 8192);

		assertThat(this.audio.size()).isZero();
	}

	@Test
	void eventsWithoutAudioAreNotParsed() {
		feedInPieces("data: {not json at all}\n\n" + event("c1", 0, new byte[] { 6 }), 64);

		assertThat(StreamedChatAudioAccess.take(this.audio, "c1", 0)).containsExactly(6);
	}

	private SseAudioScanner feedInPieces(String body, int size) {
		SseAudioScanner scanner = new SseAudioScanner(this.audio, this.errors);
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		Buffer buffer = new Buffer();
		for (int i = 0; i < bytes.length; i += size) {
			int count = Math.min(size, bytes.length - i);
			buffer.write(bytes, i, count);
			scanner.accept(buffer, buffer.size() - count, count);
		}
		assertThat(buffer.readByteArray()).as("the buffer is left as it was").isEqualTo(bytes);
		return scanner;
	}

	private static String event(String id, int choice, byte[] pcm) {
		return "data: {\"id\":\"" + id + "\",\"choices\":[{\"index\":" + choice + ",\"delta\":{\"audio\":{\"data\":\""
				+ Base64.getEncoder().encodeToString(pcm) + "\"}}}]}\n\n";
	}

}
