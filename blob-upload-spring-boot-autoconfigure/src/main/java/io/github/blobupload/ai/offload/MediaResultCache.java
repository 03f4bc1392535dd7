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

package io.github.blobupload.ai.offload;

import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import io.github.blobupload.ai.OffloadedMedia;
import org.jspecify.annotations.Nullable;

/**
 * Remembers what became of recently seen media objects, so that media seen again in the
 * same call or conversation (at the model call's start and stop, by the advisor) is not
 * uploaded twice and is recorded with the same URI, and remembers the call that last
 * counted each object, so that it is counted once per call. What became of an object is
 * kept as a future: prompt media is offloaded while the model works, and the result is
 * joined when it is recorded.
 * <p>
 * Compares by identity, never by {@code equals}: comparing URLs would resolve host names,
 * comparing arrays would cost as much as hashing. Weak keys and weak calls, bounded (the
 * oldest entry makes room), thread-safe. An entry older than the lifetime, when one is
 * set, is not trusted: the media is offloaded again. Entries whose upload went to given
 * URIs can be {@linkplain #forget forgotten}, as when their objects were deleted.
 */
final class MediaResultCache {

	private final @Nullable Object[] keys;

	private final @Nullable CompletableFuture<OffloadedMedia>[] values;

	private final @Nullable Object[] calls;

	/** When each entry was put, as {@code nanoClock} said. */
	private final long[] putNanos;

	private final long lifetimeNanos;

	private final LongSupplier nanoClock;

	private int next;

	/**
	 * Creates a memo that trusts its entries until they make room for others.
	 * @param size how many media objects it remembers
	 */
	MediaResultCache(int size) {
		this(size, null, System::nanoTime);
	}

	/**
	 * Creates a memo.
	 * @param size how many media objects it remembers
	 * @param lifetime how long an entry is trusted, or {@code null} until it makes room;
	 * zero trusts none
	 * @param nanoClock the time in nanoseconds, as {@link System#nanoTime()} gives it
	 */
	MediaResultCache(int size, @Nullable Duration lifetime, LongSupplier nanoClock) {
		this.keys = new Object[size];
		@SuppressWarnings("unchecked")
		CompletableFuture<OffloadedMedia>[] values = new CompletableFuture[size];
		this.values = values;
		this.calls = new Object[size];
		this.putNanos = new long[size];
		this.lifetimeNanos = (lifetime != null) ? lifetime.toNanos() : Long.MAX_VALUE;
		this.nanoClock = nanoClock;
	}

	/**
	 * Looks up a media object and claims it for a call.
	 * @param identity the media object
	 * @param call the call that sees it
	 * @param claim whether the call becomes the one that counted the object
	 * @return what was remembered, or {@code null} when the object is not remembered
	 */
	synchronized @Nullable Sighting see(Object identity, MediaCall call, boolean claim) {
		int i = indexOf(identity);
		if (i < 0) {
			return null;
		}
		if (this.nanoClock.getAsLong() - this.putNanos[i] >= this.lifetimeNanos) {
			clear(i);
			return null;
		}
		boolean sameCall = this.calls[i] instanceof WeakReference<?> ref && ref.get() == call;
		if (claim && !sameCall) {
			this.calls[i] = new WeakReference<>(call);
		}
		return new Sighting(this.values[i], sameCall);
	}

	/**
	 * Remembers what became of a media object in a call, in place of the oldest entry (or
	 * of the object's own entry).
	 * @param identity the media object
	 * @param call the call that counted it
	 * @param result what becomes of it, or {@code null} when it was skipped (not sampled)
	 */
	synchronized void put(Object identity, MediaCall call, @Nullable CompletableFuture<OffloadedMedia> result) {
		int i = indexOf(identity);
		if (i < 0) {
			i = this.next;
			this.next = (this.next + 1) % this.keys.length;
			this.keys[i] = new WeakReference<>(identity);
		}
		this.values[i] = result;
		this.calls[i] = new WeakReference<>(call);
		this.putNanos[i] = this.nanoClock.getAsLong();
	}

	/**
	 * Forgets the media whose upload went to one of the given URIs, so that it is
	 * offloaded again when it is seen again. Media still being offloaded is kept: its URI
	 * is not known yet.
	 * @param uris the URIs
	 */
	synchronized void forget(Collection<String> uris) {
		Set<String> forgotten = new HashSet<>(uris);
		for (int i = 0; i < this.keys.length; i++) {
			CompletableFuture<OffloadedMedia> result = this.values[i];
			if (result != null && result.isDone() && !result.isCompletedExceptionally()
					&& forgotten.contains(result.join().uri())) {
				clear(i);
			}
		}
	}

	private void clear(int i) {
		this.keys[i] = null;
		this.values[i] = null;
		this.calls[i] = null;
	}

	private int indexOf(Object identity) {
		for (int i = 0; i < this.keys.length; i++) {
			if (this.keys[i] instanceof WeakReference<?> ref && ref.get() == identity) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A remembered media object.
	 *
	 * @param result what becomes of it (done, or still being offloaded), or {@code null}
	 * when it was skipped
	 * @param sameCall whether it was counted by the call that sees it now
	 */
	record Sighting(@Nullable CompletableFuture<OffloadedMedia> result, boolean sameCall) {

	}

}
