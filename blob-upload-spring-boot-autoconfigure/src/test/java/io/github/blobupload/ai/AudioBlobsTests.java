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

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.github.blobupload.AudioBlobs;
import io.github.blobupload.Blob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AudioBlobs}.
 */
class AudioBlobsTests {

	@Test
	void pcm16IsWrappedInAValidRiffHeader() {
		byte[] pcm = { 1, 2, 3, 4, 5, 6 };

		Blob wav = AudioBlobs.fromPcm16(pcm, 16_000, 2, Map.of("k", "v"));

		byte[] bytes = wav.rawBytes();
		ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(wav.contentType()).isEqualTo("audio/wav");
		assertThat(wav.labels()).containsEntry("k", "v");
		assertThat(bytes).hasSize(44 + pcm.length);
		assertThat(new String(bytes, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(header.getInt(4)).isEqualTo(36 + pcm.length);
		assertThat(new String(bytes, 8, 8, StandardCharsets.US_ASCII)).isEqualTo("WAVEfmt ");
		assertThat(header.getShort(20)).isEqualTo((short) 1);
		assertThat(header.getShort(22)).isEqualTo((short) 2);
		assertThat(header.getInt(24)).isEqualTo(16_000);
		assertThat(header.getInt(28)).isEqualTo(16_000 * 2 * 2);
		assertThat(header.getShort(32)).isEqualTo((short) 4);
		assertThat(header.getShort(34)).isEqualTo((short) 16);
		assertThat(new String(bytes, 36, 4, StandardCharsets.US_ASCII)).isEqualTo("data");
		assertThat(header.getInt(40)).isEqualTo(pcm.length);
		assertThat(bytes[44]).isEqualTo((byte) 1);
	}

	@Test
	void contentTypeParametersGiveRateAndChannelsAndL16IsSwapped() {
		Blob pcm = new Blob(new byte[] { 0x12, 0x34 }, "audio/L16;rate=8000;channels=1", null);

		Blob wav = AudioBlobs.toWavIfPcm16(pcm, 24_000, 2);

		ByteBuffer header = ByteBuffer.wrap(wav.rawBytes()).order(ByteOrder.LITTLE_ENDIAN);
		assertThat(header.getInt(24)).isEqualTo(8_000);
		assertThat(header.getShort(22)).isEqualTo((short) 1);
		assertThat(wav.rawBytes()[44]).isEqualTo((byte) 0x34);
		assertThat(wav.rawBytes()[45]).isEqualTo((byte) 0x12);
	}

	@Test
	void otherAudioIsLeftAlone() {
		Blob mp3 = new Blob(new byte[] { 1, 2, 3 }, "audio/mpeg", null);

		assertThat(AudioBlobs.toWavIfPcm16(mp3, 24_000, 1)).isSameAs(mp3);
	}

	@Test
	void badRateIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> AudioBlobs.fromPcm16(new byte[2], 0, 1, null))
			.withMessageContaining("sampleRate");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AudioBlobs.toWavIfPcm16(new Blob(new byte[2], "audio/pcm;rate=x", null), 24_000, 1))
			.withMessageContaining("rate");
	}

}
