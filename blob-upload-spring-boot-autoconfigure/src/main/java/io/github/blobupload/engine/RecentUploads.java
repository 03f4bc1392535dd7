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

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Remembers which destinations are being uploaded and which were uploaded recently (a
 * bounded LRU), so that the same content-addressed blob is not queued twice.
 */
final class RecentUploads {

	private final int capacity;

	private final Set<String> inFlight = new HashSet<>();

	private final Map<String, Boolean> uploaded;

	RecentUploads(int capacity) {
		this.capacity = capacity;
		this.uploaded = new LinkedHashMap<>(16, 0.75f, true) {

			private static final long serialVersionUID = 1L;

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
				return size() > RecentUploads.this.capacity;
			}

		};
	}

	/**
	 * Claims a destination for upload.
	 * @param uri the destination
	 * @return {@code true} if the caller should upload it; {@code false} if it was
	 * uploaded recently or is being uploaded
	 */
	synchronized boolean tryClaim(String uri) {
		if (this.capacity == 0) {
			return true;
		}
		if (this.uploaded.get(uri) != null) {
			return false;
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
			this.uploaded.put(uri, Boolean.TRUE);
		}
	}

}
