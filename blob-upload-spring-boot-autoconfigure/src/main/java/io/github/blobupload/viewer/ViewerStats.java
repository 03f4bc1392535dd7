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
package io.github.blobupload.viewer;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the {@link BlobViewerServlet} has answered since it started, for its meters: the
 * requests by page and status class, the bytes of objects sent, and the requests being
 * answered now. Holds counts only: no object name, trace id or user.
 */
public final class ViewerStats {

	/** The status classes counted: every answer of the viewer is one of them. */
	public static final List<String> STATUS_CLASSES = List.of("2xx", "3xx", "4xx", "5xx");

	private final LongAdder[][] requests = new LongAdder[ViewerPage.values().length][STATUS_CLASSES.size()];

	private final LongAdder bytes = new LongAdder();

	private final AtomicInteger active = new AtomicInteger();

	ViewerStats() {
		for (LongAdder[] byStatus : this.requests) {
			for (int i = 0; i < byStatus.length; i++) {
				byStatus[i] = new LongAdder();
			}
		}
	}

	/**
	 * Returns the requests answered for a page with a status class.
	 * @param page what they asked for
	 * @param statusClass one of {@link #STATUS_CLASSES}, such as {@code "2xx"}
	 * @return their number since the viewer started
	 * @throws IllegalArgumentException if the status class is not one of them
	 */
	public long requests(ViewerPage page, String statusClass) {
		int index = STATUS_CLASSES.indexOf(statusClass);
		if (index < 0) {
			throw new IllegalArgumentException("statusClass must be one of " + STATUS_CLASSES + ", not " + statusClass);
		}
		return this.requests[page.ordinal()][index].sum();
	}

	/**
	 * Returns the bytes of objects the viewer has sent: the bodies of its raw-bytes
	 * answers, as written to the connection (a transfer the client cut short counts what
	 * was written until then).
	 * @return the bytes since the viewer started
	 */
	public long bytesServed() {
		return this.bytes.sum();
	}

	/**
	 * Returns the requests being answered now, from the moment the viewer takes one until
	 * its answer is written.
	 * @return the requests in flight
	 */
	public int activeRequests() {
		return this.active.get();
	}

	void started() {
		this.active.incrementAndGet();
	}

	void finished(ViewerPage page, int status) {
		this.active.decrementAndGet();
		int statusClass = Math.min(Math.max(status / 100, 2), 5) - 2;
		this.requests[page.ordinal()][statusClass].increment();
	}

	void served(long count) {
		this.bytes.add(count);
	}

}
