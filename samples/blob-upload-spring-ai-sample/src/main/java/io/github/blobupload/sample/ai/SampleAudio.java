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

package io.github.blobupload.sample.ai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import io.github.blobupload.AudioBlobs;

/**
 * The sample's recording: a short chime as a WAV file, made in memory.
 */
final class SampleAudio {

	private static final int SAMPLE_RATE = 24_000;

	private SampleAudio() {
	}

	/**
	 * Returns a 1.5-second chime (two tones, fading out) as a 16-bit mono WAV file.
	 * @return the WAV bytes
	 */
	static byte[] chime() {
		int samples = SAMPLE_RATE * 3 / 2;
		ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < samples; i++) {
			double t = (double) i / SAMPLE_RATE;
			double fade = Math.exp(-2.5 * t);
			double value = 0.35 * fade * (Math.sin(2 * Math.PI * 660 * t) + 0.6 * Math.sin(2 * Math.PI * 880 * t));
			pcm.putShort((short) Math.round(value * Short.MAX_VALUE * 0.6));
		}
		return AudioBlobs.fromPcm16(pcm.array(), SAMPLE_RATE, 1, null).rawBytes();
	}

}
