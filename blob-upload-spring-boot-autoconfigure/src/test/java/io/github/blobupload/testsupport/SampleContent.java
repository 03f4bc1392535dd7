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

package io.github.blobupload.testsupport;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Small but real files of common types, built byte by byte so tests need no fixtures.
 */
public final class SampleContent {

	private SampleContent() {
	}

	/** A 1x1 transparent PNG. */
	public static byte[] png() {
		return Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
	}

	/** The start of a JPEG (SOI + JFIF APP0 segment) followed by filler. */
	public static byte[] jpeg() {
		byte[] header = { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00,
				0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00 };
		return Arrays.copyOf(header, 256);
	}

	/** A minimal PDF document. */
	public static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
				+ "trailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

	/** A WAV file: 16-bit mono PCM at 16 kHz, 100 samples of silence. */
	public static byte[] wav() {
		int samples = 100;
		ByteBuffer wav = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
		wav.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + samples * 2);
		wav.put("WAVE".getBytes(StandardCharsets.US_ASCII));
		wav.put("fmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1).putShort((short) 1);
		wav.putInt(16000).putInt(32000).putShort((short) 2).putShort((short) 16);
		wav.put("data".getBytes(StandardCharsets.US_ASCII)).putInt(samples * 2);
		return wav.array();
	}

	/**
	 * A PNG signature followed by random bytes: a distinct image-like blob per call.
	 * @param size the number of bytes, at least 8
	 * @return the bytes
	 */
	public static byte[] randomPng(int size) {
		byte[] bytes = new byte[size];
		ThreadLocalRandom.current().nextBytes(bytes);
		byte[] signature = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
		System.arraycopy(signature, 0, bytes, 0, signature.length);
		return bytes;
	}

	/** Bytes that match no known type. */
	public static byte[] unknown() {
		byte[] bytes = new byte[64];
		for (int i = 0; i < bytes.length; i++) {
			bytes[i] = (byte) (0x80 + (i * 7) % 0x70);
		}
		return bytes;
	}

}
