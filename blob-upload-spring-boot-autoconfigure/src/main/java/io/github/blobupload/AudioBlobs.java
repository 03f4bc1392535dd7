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

package io.github.blobupload;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Turns raw PCM audio, as realtime and some text-to-speech APIs return it, into a WAV
 * {@link Blob} that any player opens.
 */
public final class AudioBlobs {

	/** The content type of the blobs made here. */
	public static final String WAV = "audio/wav";

	private static final int HEADER_BYTES = 44;

	private AudioBlobs() {
	}

	/**
	 * Wraps 16-bit little-endian PCM samples in a WAV (RIFF) container.
	 * @param pcm the samples, interleaved by channel; an odd trailing byte is dropped
	 * @param sampleRate samples per second per channel, such as 24000
	 * @param channels the number of channels, 1 or more
	 * @param labels the labels, or {@code null} for none
	 * @return a blob of type {@value #WAV}, 44 bytes longer than the samples
	 * @throws IllegalArgumentException if the rate or channel count is not positive
	 */
	public static Blob fromPcm16(byte[] pcm, int sampleRate, int channels, @Nullable Map<String, String> labels) {
		return wav(pcm, false, sampleRate, channels, labels);
	}

	/**
	 * Returns whether a content type names raw 16-bit PCM: {@code audio/pcm},
	 * {@code audio/pcm16}, {@code audio/L16} or {@code audio/x-pcm}, with or without
	 * parameters.
	 * @param contentType the content type, or {@code null}
	 * @return whether it is raw PCM
	 */
	public static boolean isPcm16(@Nullable String contentType) {
		if (contentType == null) {
			return false;
		}
		String base = ContentTypes.baseType(contentType);
		return base.equals("audio/pcm") || base.equals("audio/pcm16") || base.equals("audio/l16")
				|| base.equals("audio/x-pcm");
	}

	/**
	 * Converts raw PCM content to WAV when its content type says it is raw PCM; other
	 * blobs are returned unchanged. The rate and channels come from the content type's
	 * {@code rate} and {@code channels} parameters when present, else from the defaults.
	 * {@code audio/L16} is big-endian (RFC 2586); the other PCM types are little-endian.
	 * @param blob the blob
	 * @param defaultSampleRate the rate when the content type has none
	 * @param defaultChannels the channel count when the content type has none
	 * @return a WAV blob with the same labels, or {@code blob} itself
	 * @throws IllegalArgumentException if a rate or channel count is not a positive
	 * number
	 */
	public static Blob toWavIfPcm16(Blob blob, int defaultSampleRate, int defaultChannels) {
		String contentType = blob.contentType();
		if (!isPcm16(contentType)) {
			return blob;
		}
		int rate = parameter(contentType, "rate", defaultSampleRate);
		int channels = parameter(contentType, "channels", defaultChannels);
		boolean bigEndian = ContentTypes.baseType(contentType).equals("audio/l16");
		return wav(blob.unsafeBytes(), bigEndian, rate, channels, blob.labels());
	}

	private static Blob wav(byte[] pcm, boolean bigEndian, int sampleRate, int channels,
			@Nullable Map<String, String> labels) {
		if (sampleRate <= 0) {
			throw new IllegalArgumentException("sampleRate must be positive but was " + sampleRate);
		}
		if (channels <= 0) {
			throw new IllegalArgumentException("channels must be positive but was " + channels);
		}
		int dataBytes = pcm.length & ~1;
		int blockAlign = channels * 2;
		ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
		wav.put(new byte[] { 'R', 'I', 'F', 'F' }).putInt(36 + dataBytes).put(new byte[] { 'W', 'A', 'V', 'E' });
		wav.put(new byte[] { 'f', 'm', 't', ' ' }).putInt(16).putShort((short) 1).putShort((short) channels);
		wav.putInt(sampleRate).putInt(sampleRate * blockAlign).putShort((short) blockAlign).putShort((short) 16);
		wav.put(new byte[] { 'd', 'a', 't', 'a' }).putInt(dataBytes);
		if (bigEndian) {
			for (int i = 0; i < dataBytes; i += 2) {
				wav.put(pcm[i + 1]).put(pcm[i]);
			}
		}
		else {
			wav.put(pcm, 0, dataBytes);
		}
		return Blob.ofOwnedBytes(wav.array(), WAV, labels);
	}

	private static int parameter(String contentType, String name, int defaultValue) {
		for (String parameter : contentType.split(";")) {
			int equals = parameter.indexOf('=');
			if (equals > 0 && parameter.substring(0, equals).strip().toLowerCase(Locale.ROOT).equals(name)) {
				String value = parameter.substring(equals + 1).strip().replace("\"", "");
				try {
					int parsed = Integer.parseInt(value);
					if (parsed > 0) {
						return parsed;
					}
				}
				catch (NumberFormatException ex) {
					// fall through to the error below
				}
				throw new IllegalArgumentException(
						"The content type parameter '" + name + "' must be a positive number but was '" + value + "'");
			}
		}
		return defaultValue;
	}

}
