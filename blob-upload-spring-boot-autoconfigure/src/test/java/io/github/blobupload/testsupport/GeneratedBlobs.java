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
import java.util.Random;
import java.util.SplittableRandom;

import io.github.blobupload.Blob;

/**
 * Blobs of mixed sizes made from a seed, so that a test can offer thousands of distinct
 * blobs cheaply and later rebuild any one of them to compare with what storage holds.
 * Sizes are log-uniform between the bounds (many small blobs, some large ones, as with
 * images and audio); the content is a slice of one random pool, its first 8 bytes the
 * blob's index, so that every blob is distinct and names itself.
 */
public final class GeneratedBlobs {

	private static final String[] CONTENT_TYPES = { "image/png", "image/jpeg", "audio/wav", "application/pdf" };

	private final long seed;

	private final int minSize;

	private final int maxSize;

	private final byte[] pool;

	/**
	 * Creates a generator.
	 * @param seed the seed of sizes and content
	 * @param minSize the smallest size, at least 8
	 * @param maxSize the largest size
	 */
	public GeneratedBlobs(long seed, int minSize, int maxSize) {
		if (minSize < Long.BYTES || maxSize < minSize) {
			throw new IllegalArgumentException("need 8 <= minSize <= maxSize");
		}
		this.seed = seed;
		this.minSize = minSize;
		this.maxSize = maxSize;
		this.pool = new byte[2 * maxSize];
		new Random(seed).nextBytes(this.pool);
	}

	/**
	 * Returns the size of a blob.
	 * @param index the blob's index
	 * @return its size in bytes
	 */
	public int size(int index) {
		double fraction = new SplittableRandom(this.seed * 31 + index).nextDouble();
		return (int) Math.round(this.minSize * Math.pow((double) this.maxSize / this.minSize, fraction));
	}

	/**
	 * Returns the content of a blob.
	 * @param index the blob's index
	 * @return a new array
	 */
	public byte[] content(int index) {
		int size = size(index);
		int offset = Math.floorMod(index * 7919, this.pool.length - size + 1);
		byte[] content = new byte[size];
		System.arraycopy(this.pool, offset, content, 0, size);
		ByteBuffer.wrap(content).putLong(index);
		return content;
	}

	/**
	 * Returns a blob with a declared content type, no labels.
	 * @param index the blob's index
	 * @return the blob
	 */
	public Blob blob(int index) {
		return new Blob(content(index), CONTENT_TYPES[index % CONTENT_TYPES.length], null);
	}

	/**
	 * Returns the index a generated blob carries.
	 * @param blob a blob from {@link #blob(int)}
	 * @return its index
	 */
	public static int indexOf(Blob blob) {
		return (int) blob.asReadOnlyByteBuffer().getLong(0);
	}

}
