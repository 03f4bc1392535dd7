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

package io.github.blobupload.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers when each object was last written or refreshed by this instance (a bounded
 * LRU), so that an object re-used many times is refreshed at most once per interval.
 */
final class RefreshMemo {

	private final int capacity;

	private final Map<String, Instant> marked;

	RefreshMemo(int capacity) {
		this.capacity = capacity;
		this.marked = new LinkedHashMap<>(16, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Instant> eldest) {
				return size() > RefreshMemo.this.capacity;
			}

		};
	}

	/**
	 * Claims a refresh of an object: returns whether it was not marked within the
	 * interval, and if so marks it now.
	 * @param uri the object
	 * @param now the current time
	 * @param interval the shortest time between two refreshes
	 * @return whether the caller should refresh it
	 */
	synchronized boolean claim(String uri, Instant now, Duration interval) {
		Instant last = this.marked.get(uri);
		if (last != null && last.plus(interval).isAfter(now)) {
			return false;
		}
		this.marked.put(uri, now);
		return true;
	}

	/**
	 * Marks an object written or refreshed now.
	 * @param uri the object
	 * @param now the current time
	 */
	synchronized void mark(String uri, Instant now) {
		this.marked.put(uri, now);
	}

	/**
	 * Forgets objects, so that the next re-use of each refreshes it (they were deleted).
	 * @param uris the objects
	 */
	synchronized void forget(Collection<String> uris) {
		for (String uri : uris) {
			this.marked.remove(uri);
		}
	}

	/**
	 * Forgets an object, so that its next re-use refreshes it (a refresh failed).
	 * @param uri the object
	 */
	synchronized void forget(String uri) {
		this.marked.remove(uri);
	}

}
