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

import java.lang.ref.WeakReference;

import org.jspecify.annotations.Nullable;

/**
 * Remembers what became of recently seen media objects, so that media seen again in the
 * same call or conversation (by the advisor, then by the model observation) is not
 * uploaded twice and is recorded with the same URI.
 * <p>
 * Compares by identity, never by {@code equals}: comparing URLs would resolve host names,
 * comparing arrays would cost as much as hashing. Weak keys, bounded (the oldest entry
 * makes room), thread-safe.
 */
final class MediaMemo {

	private final Object[] keys;

	private final OffloadedMedia[] values;

	private int next;

	/**
	 * Creates a memo.
	 * @param size how many media objects it remembers
	 */
	MediaMemo(int size) {
		this.keys = new Object[size];
		this.values = new OffloadedMedia[size];
	}

	/**
	 * Returns what became of this very object, if it is remembered.
	 * @param identity the media object
	 * @return the earlier result, or {@code null}
	 */
	synchronized @Nullable OffloadedMedia get(Object identity) {
		for (int i = 0; i < this.keys.length; i++) {
			if (this.keys[i] instanceof WeakReference<?> ref && ref.get() == identity) {
				return this.values[i];
			}
		}
		return null;
	}

	/**
	 * Remembers what became of a media object, in place of the oldest entry.
	 * @param identity the media object
	 * @param result what became of it
	 */
	synchronized void put(Object identity, OffloadedMedia result) {
		this.keys[this.next] = new WeakReference<>(identity);
		this.values[this.next] = result;
		this.next = (this.next + 1) % this.keys.length;
	}

}
