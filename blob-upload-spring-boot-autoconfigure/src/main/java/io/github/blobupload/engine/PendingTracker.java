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

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.TimeUnit;

/**
 * Tracks accepted blobs until they finish, so that a flush can wait for exactly the blobs
 * accepted before it, whatever order the workers finish them in; and keeps each
 * unfinished blob within reach, wherever it waits, so that blobs can be selected by their
 * labels and dropped.
 */
final class PendingTracker {

	private final Object lock = new Object();

	private final ConcurrentSkipListSet<Long> active = new ConcurrentSkipListSet<>();

	private final Map<Long, UploadTask> tasks = new ConcurrentHashMap<>();

	private long lastSequence;

	private volatile int waiters;

	/**
	 * Registers a newly accepted blob.
	 * @return its sequence number, to pass to {@link #end(long)}
	 */
	long begin() {
		synchronized (this.lock) {
			long sequence = ++this.lastSequence;
			this.active.add(sequence);
			return sequence;
		}
	}

	/**
	 * Keeps a task within reach of {@link #unfinished()} until it {@linkplain #end ends};
	 * call it before the task is queued.
	 * @param task a task whose sequence number {@link #begin()} returned
	 */
	void track(UploadTask task) {
		this.tasks.put(task.sequence(), task);
	}

	/**
	 * Returns the tracked tasks that have not ended yet.
	 * @return a copy, in no particular order
	 */
	List<UploadTask> unfinished() {
		return new ArrayList<>(this.tasks.values());
	}

	/**
	 * Marks a blob finished.
	 * @param sequence the number returned by {@link #begin()}
	 */
	void end(long sequence) {
		this.tasks.remove(sequence);
		this.active.remove(sequence);
		// Waiters is raised before a flush checks its condition under the lock, so a
		// completion either is seen by that check or notifies the waiting flush.
		if (this.waiters > 0) {
			synchronized (this.lock) {
				this.lock.notifyAll();
			}
		}
	}

	/**
	 * Waits until every blob registered before this call has finished.
	 * @param timeoutNanos how long to wait at most
	 * @return whether they all finished in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	boolean awaitAllBefore(long timeoutNanos) throws InterruptedException {
		long deadline = System.nanoTime() + timeoutNanos;
		synchronized (this.lock) {
			long target = this.lastSequence;
			this.waiters++;
			try {
				while (true) {
					Long oldest = this.active.ceiling(Long.MIN_VALUE);
					if (oldest == null || oldest > target) {
						return true;
					}
					long remaining = deadline - System.nanoTime();
					if (remaining <= 0) {
						return false;
					}
					TimeUnit.NANOSECONDS.timedWait(this.lock, remaining);
				}
			}
			finally {
				this.waiters--;
			}
		}
	}

}
