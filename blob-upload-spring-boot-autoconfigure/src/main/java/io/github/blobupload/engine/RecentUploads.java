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

package io.github.blobupload.engine;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * Remembers which destinations are being uploaded and which were uploaded recently (a
 * bounded LRU), so that the same content-addressed blob is not queued twice. An upload is
 * remembered for a limited time when a lifetime is set: older entries are not trusted,
 * and the blob is uploaded again. Destinations can also be {@linkplain #forget forgotten}
 * at once, as when their objects were deleted.
 */
final class RecentUploads {

	private final int capacity;

	private final long lifetimeNanos;

	private final LongSupplier nanoClock;

	private final Set<String> inFlight = new HashSet<>();

	/**
	 * Each remembered destination and when it was uploaded, as {@code nanoClock} said.
	 */
	private final Map<String, Long> uploaded;

	/**
	 * Creates a memo that trusts its entries until they are pushed out.
	 * @param capacity how many uploads to remember; 0 remembers none
	 */
	RecentUploads(int capacity) {
		this(capacity, null, System::nanoTime);
	}

	/**
	 * Creates a memo.
	 * @param capacity how many uploads to remember; 0 remembers none
	 * @param lifetime how long an upload is trusted, or {@code null} for as long as it is
	 * remembered; zero trusts none
	 * @param nanoClock the time in nanoseconds, as {@link System#nanoTime()} gives it
	 */
	RecentUploads(int capacity, @Nullable Duration lifetime, LongSupplier nanoClock) {
		this.capacity = capacity;
		this.lifetimeNanos = (lifetime != null) ? lifetime.toNanos() : Long.MAX_VALUE;
		this.nanoClock = nanoClock;
		this.uploaded = new LinkedHashMap<>(16, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
				return size() > RecentUploads.this.capacity;
			}

		};
	}

	/**
	 * Claims a destination for upload.
	 * @param uri the destination
	 * @return {@code true} if the caller should upload it; {@code false} if it was
	 * uploaded recently (within the lifetime) or is being uploaded
	 */
	synchronized boolean tryClaim(String uri) {
		if (this.capacity == 0) {
			return true;
		}
		Long uploadedAt = this.uploaded.get(uri);
		if (uploadedAt != null) {
			if (this.nanoClock.getAsLong() - uploadedAt < this.lifetimeNanos) {
				return false;
			}
			this.uploaded.remove(uri);
		}
		return this.inFlight.add(uri);
	}

	/**
	 * Releases a claimed destination.
	 * @param uri the destination
	 * @param success whether it was uploaded, in which case it is remembered
	 */
	synchronized void release(String uri, boolean success) {
		if (this.capacity == 0) {
			return;
		}
		this.inFlight.remove(uri);
		if (success) {
			this.uploaded.put(uri, this.nanoClock.getAsLong());
		}
	}

	/**
	 * Forgets that the given destinations were uploaded, so that the next blob for any of
	 * them is uploaded again. Destinations being uploaded now stay claimed.
	 * @param uris the destinations
	 */
	synchronized void forget(Collection<String> uris) {
		for (String uri : uris) {
			this.uploaded.remove(uri);
		}
	}

}
