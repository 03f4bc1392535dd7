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
 * The sample's audio, made in memory as WAV files: a chime, spoken questions and answers.
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

	/**
	 * Returns the recording of a spoken question, standing in for a user's voice: three
	 * beeps more than the turn's number (a second and a half or more), so each turn's
	 * recording differs.
	 * @param turn the turn, from 1
	 * @return the WAV bytes
	 */
	static byte[] spokenQuestion(int turn) {
		return tones(turn + 3, 440);
	}

	/**
	 * Returns a spoken answer, standing in for a text-to-speech model's output: about one
	 * beep per ten characters of text (at most ten), pitched after the text, so that
	 * different texts sound different.
	 * @param text the text spoken
	 * @return the WAV bytes
	 */
	static byte[] spokenAnswer(String text) {
		return tones(Math.max(1, Math.min(10, text.length() / 10)), 500 + Math.floorMod(text.hashCode(), 400));
	}

	private static byte[] tones(int count, double frequency) {
		int beep = SAMPLE_RATE / 5;
		int samples = count * beep * 2;
		ByteBuffer pcm = ByteBuffer.allocate(samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < samples; i++) {
			boolean sounding = (i / beep) % 2 == 0;
			double t = (double) i / SAMPLE_RATE;
			double value = sounding ? 0.3 * Math.sin(2 * Math.PI * frequency * t) : 0;
			pcm.putShort((short) Math.round(value * Short.MAX_VALUE));
		}
		return AudioBlobs.fromPcm16(pcm.array(), SAMPLE_RATE, 1, null).rawBytes();
	}

}
