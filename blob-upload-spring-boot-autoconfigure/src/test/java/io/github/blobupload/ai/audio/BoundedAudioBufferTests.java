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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BoundedAudioBuffer}.
 */
class BoundedAudioBufferTests {

	@Test
	void assemblesChunksInOrder() {
		BoundedAudioBuffer audio = new BoundedAudioBuffer(100);

		audio.append(new byte[] { 1, 2, 3 });
		audio.append(new byte[0]);
		audio.append(new byte[] { 4, 5 });

		assertThat(audio.bytes()).containsExactly(1, 2, 3, 4, 5);
		assertThat(audio.size()).isEqualTo(5);
		assertThat(audio.overflowed()).isFalse();
	}

	@Test
	void keepsAudioOfExactlyTheLimit() {
		BoundedAudioBuffer audio = new BoundedAudioBuffer(4);

		audio.append(new byte[] { 1, 2 });
		audio.append(new byte[] { 3, 4 });

		assertThat(audio.overflowed()).isFalse();
		assertThat(audio.bytes()).containsExactly(1, 2, 3, 4);
	}

	@Test
	void pastTheLimitLetsTheAudioGoAndCountsOn() {
		BoundedAudioBuffer audio = new BoundedAudioBuffer(4);

		audio.append(new byte[] { 1, 2, 3 });
		audio.append(new byte[] { 4, 5 });
		audio.append(new byte[] { 6 });

		assertThat(audio.overflowed()).isTrue();
		assertThat(audio.size()).isEqualTo(6);
		assertThat(audio.bytes()).isEmpty();
	}

	@Test
	void limitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BoundedAudioBuffer(0))
			.withMessageContaining("maxBytes must be positive but was 0");
	}

}
