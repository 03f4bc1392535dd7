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

package io.github.blobupload.ai.audio;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link StreamedChatAudio}.
 */
class StreamedChatAudioTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void assemblesEachChoiceOfACompletionInOrder() {
		StreamedChatAudio audio = new StreamedChatAudio(4, 100, Duration.ofMinutes(1), this.clock);
		audio.append("c1", 1, new byte[] { 9 });
		audio.append("c1", 0, new byte[] { 1, 2 });
		audio.append("c1", 0, new byte[] { 3 });

		Map<Integer, BoundedAudioBuffer> taken = audio.take("c1");

		assertThat(taken.keySet()).containsExactly(0, 1);
		assertThat(taken.get(0).bytes()).containsExactly(1, 2, 3);
		assertThat(taken.get(1).bytes()).containsExactly(9);
		assertThat(audio.take("c1")).as("taken once").isEmpty();
		assertThat(audio.size()).isZero();
	}

	@Test
	void audioPastTheLimitIsOnlyCounted() {
		StreamedChatAudio audio = new StreamedChatAudio(4, 3, Duration.ofMinutes(1), this.clock);
		audio.append("c1", 0, new byte[] { 1, 2 });
		audio.append("c1", 0, new byte[] { 3, 4 });

		BoundedAudioBuffer taken = audio.take("c1").get(0);

		assertThat(taken.overflowed()).isTrue();
		assertThat(taken.size()).isEqualTo(4);
		assertThat(taken.bytes()).isEmpty();
	}

	@Test
	void oldestCompletionIsLetGoWhenFull() {
		StreamedChatAudio audio = new StreamedChatAudio(2, 100, Duration.ofMinutes(1), this.clock);
		audio.append("c1", 0, new byte[] { 1 });
		audio.append("c2", 0, new byte[] { 2 });
		audio.append("c3", 0, new byte[] { 3 });

		assertThat(audio.size()).isEqualTo(2);
		assertThat(audio.take("c1")).isEmpty();
		assertThat(audio.take("c3").get(0).bytes()).containsExactly(3);
	}

	@Test
	void audioNobodyTookExpires() {
		StreamedChatAudio audio = new StreamedChatAudio(4, 100, Duration.ofMinutes(1), this.clock);
		audio.append("c1", 0, new byte[] { 1 });
		this.clock.advance(Duration.ofSeconds(61));

		assertThat(audio.take("c1")).isEmpty();
	}

	@Test
	void discardLetsGoOfACompletion() {
		StreamedChatAudio audio = new StreamedChatAudio(100);
		audio.append("c1", 0, new byte[] { 1 });
		audio.discard("c1");

		assertThat(audio.take("c1")).isEmpty();
	}

	@Test
	void boundsMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StreamedChatAudio(0, 1, Duration.ofMinutes(1), this.clock))
			.withMessageContaining("maxStreams");
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamedChatAudio(0))
			.withMessageContaining("maxBytes");
		assertThatIllegalArgumentException().isThrownBy(() -> new StreamedChatAudio(1, 1, Duration.ZERO, this.clock))
			.withMessageContaining("expiry");
	}

	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public java.time.ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(java.time.ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	@Test
	void audioPastTheTotalBudgetIsRefusedWhileEarlierAudioIsKept() {
		StreamedChatAudio audio = new StreamedChatAudio(4, 100, 150, Duration.ofMinutes(1), this.clock);

		audio.append("a", 0, new byte[100]);
		audio.append("b", 0, new byte[40]);
		audio.append("b", 0, new byte[20]);
		audio.append("c", 0, new byte[10]);

		assertThat(audio.take("a").get(0).bytes()).hasSize(100);
		BoundedAudioBuffer refused = audio.take("b").get(0);
		assertThat(refused.overflowed()).isTrue();
		assertThat(refused.size()).isEqualTo(60);
		assertThat(audio.take("c").get(0).bytes()).as("b let go of its bytes when refused").hasSize(10);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new StreamedChatAudio(4, 100, 99, Duration.ofMinutes(1), this.clock))
			.withMessageContaining("maxTotalBytes");
	}

}
