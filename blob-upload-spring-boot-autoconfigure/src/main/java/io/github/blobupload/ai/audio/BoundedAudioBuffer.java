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

import java.util.Arrays;

/**
 * Assembles the audio chunks of one stream into one piece of audio, in memory up to a
 * limit: past it, what was assembled is let go and only the size is counted on, so that a
 * long stream never holds more than the limit. Not thread-safe: a stream's chunks come
 * one after another.
 */
public final class BoundedAudioBuffer {

	private final long maxBytes;

	private byte[] bytes = new byte[0];

	private long size;

	private boolean overflowed;

	/**
	 * Creates an empty assembly.
	 * @param maxBytes the most bytes held, positive
	 */
	BoundedAudioBuffer(long maxBytes) {
		if (maxBytes <= 0) {
			throw new IllegalArgumentException("maxBytes must be positive but was " + maxBytes);
		}
		this.maxBytes = maxBytes;
	}

	/**
	 * Appends a chunk; past the limit, only its size is counted.
	 * @param chunk the chunk's bytes, copied
	 */
	void append(byte[] chunk) {
		this.size += chunk.length;
		if (this.overflowed) {
			return;
		}
		if (this.size > this.maxBytes || this.size > Integer.MAX_VALUE - 16) {
			this.overflowed = true;
			this.bytes = new byte[0];
			return;
		}
		int used = (int) this.size - chunk.length;
		if (this.size > this.bytes.length) {
			long grown = Math.max(this.size, Math.min(this.maxBytes, 2L * this.bytes.length));
			this.bytes = Arrays.copyOf(this.bytes, (int) Math.min(grown, Integer.MAX_VALUE - 16));
		}
		System.arraycopy(chunk, 0, this.bytes, used, chunk.length);
	}

	/**
	 * Gives up holding the audio, as when it grows past its limit: what is held is let
	 * go, and from now on only its size is counted.
	 * @param more bytes of a chunk not appended, counted in the size
	 */
	void overflow(long more) {
		this.size += more;
		this.overflowed = true;
		this.bytes = new byte[0];
	}

	/**
	 * Returns how many bytes were appended, also past the limit.
	 * @return the size in bytes
	 */
	public long size() {
		return this.size;
	}

	/**
	 * Returns whether more than the limit was appended, so that the audio is not held.
	 * @return whether the limit was passed
	 */
	public boolean overflowed() {
		return this.overflowed;
	}

	/**
	 * Returns the assembled audio.
	 * @return the bytes appended, empty when the limit was passed
	 */
	public byte[] bytes() {
		if (this.overflowed) {
			return new byte[0];
		}
		return (this.bytes.length == this.size) ? this.bytes : Arrays.copyOf(this.bytes, (int) this.size);
	}

}
