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
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * Where blobs wait between attempts, so that no worker ever sleeps on a retry: blobs that
 * will be retried shortly (the {@link RetryPolicy}'s backoff), and <em>parked</em> blobs,
 * whose attempts all failed for a transient reason and which are retried later, with a
 * longer, growing backoff, until they are uploaded or too old.
 * <p>
 * Parking a blob means storage looks down. While it does, parked blobs go back one at a
 * time, a scout: when the scout is uploaded, storage is back and every parked blob goes
 * back at once; when it fails, the next scout waits for its own backoff. So an outage
 * costs one attempt per backoff period, not one per parked blob, and fresh blobs are not
 * held up behind retries that cannot succeed.
 * <p>
 * One daemon thread hands blobs back when they are due.
 */
final class RetryLot {

	private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Object lock = new Object();

	private final PriorityQueue<Waiting> retrying = new PriorityQueue<>(Comparator.comparingLong(Waiting::dueNanos));

	private final PriorityQueue<Waiting> parked = new PriorityQueue<>(Comparator.comparingLong(Waiting::dueNanos));

	private final Consumer<UploadTask> due;

	private final Thread thread;

	private long parkedBytes;

	private boolean outage;

	private @Nullable UploadTask scout;

	private long nextScoutNanos;

	private boolean releaseAll;

	private boolean stopped;

	/**
	 * Starts the lot's thread.
	 * @param name the uploader's name, for the thread's name
	 * @param due takes each blob whose wait is over, on the lot's thread
	 */
	RetryLot(String name, Consumer<UploadTask> due) {
		this.due = due;
		this.thread = new Thread(this::run, "blob-upload-" + name + "-retry");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Puts a blob aside for a retry after the given delay.
	 * @return {@code false} if the lot has stopped: the caller settles the blob
	 */
	boolean retryLater(UploadTask task, long delayNanos) {
		synchronized (this.lock) {
			if (this.stopped) {
				return false;
			}
			this.retrying.add(new Waiting(task, System.nanoTime() + delayNanos));
			this.lock.notifyAll();
			return true;
		}
	}

	/**
	 * Parks a blob whose attempts all failed for a transient reason; storage is now
	 * thought to be down.
	 * @return {@code false} if the lot has stopped: the caller settles the blob
	 */
	boolean park(UploadTask task, long delayNanos) {
		synchronized (this.lock) {
			if (this.stopped) {
				return false;
			}
			long due = System.nanoTime() + delayNanos;
			if (this.scout == task) {
				// The scout failed: storage is still down, and the next scout waits as
				// long as this one will.
				this.scout = null;
				this.nextScoutNanos = due;
			}
			this.outage = true;
			this.parked.add(new Waiting(task, due));
			this.parkedBytes += task.size();
			this.lock.notifyAll();
			return true;
		}
	}

	/**
	 * Returns whether storage is thought to be down: a blob was parked and none has been
	 * uploaded since.
	 */
	boolean outageSuspected() {
		synchronized (this.lock) {
			return this.outage;
		}
	}

	/**
	 * Records that a blob was uploaded: if storage was thought to be down, it is back,
	 * and every parked blob goes back now.
	 */
	void uploaded() {
		synchronized (this.lock) {
			if (!this.outage) {
				return;
			}
			this.outage = false;
			this.scout = null;
			this.releaseAll = true;
			this.lock.notifyAll();
		}
	}

	/**
	 * Records that a blob ended otherwise than by being parked again (uploaded, failed,
	 * dropped), so that a scout that ended lets the next one go.
	 */
	void ended(UploadTask task) {
		synchronized (this.lock) {
			if (this.scout == task) {
				this.scout = null;
				this.lock.notifyAll();
			}
		}
	}

	/**
	 * Stops the thread and takes every waiting blob out, for the shutdown to settle.
	 * @return the blobs that were waiting
	 */
	List<UploadTask> stop() {
		List<UploadTask> left = new ArrayList<>();
		synchronized (this.lock) {
			this.stopped = true;
			this.retrying.forEach((waiting) -> left.add(waiting.task()));
			this.parked.forEach((waiting) -> left.add(waiting.task()));
			this.retrying.clear();
			this.parked.clear();
			this.parkedBytes = 0;
			this.lock.notifyAll();
		}
		this.thread.interrupt();
		try {
			// It may be handing blobs back to the queue; the shutdown drains the queue
			// next.
			this.thread.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return left;
	}

	int parkedBlobs() {
		synchronized (this.lock) {
			return this.parked.size();
		}
	}

	long parkedBytes() {
		synchronized (this.lock) {
			return this.parkedBytes;
		}
	}

	int retryingBlobs() {
		synchronized (this.lock) {
			return this.retrying.size();
		}
	}

	/**
	 * Returns when the longest-parked blob was first parked.
	 * @return its {@link System#nanoTime()}, or {@code null} if none is parked
	 */
	@Nullable Long oldestParkedSinceNanos() {
		synchronized (this.lock) {
			Long oldest = null;
			for (Waiting waiting : this.parked) {
				long since = waiting.task().parkedSinceNanos();
				if (oldest == null || since < oldest) {
					oldest = since;
				}
			}
			return oldest;
		}
	}

	private void run() {
		List<UploadTask> ready = new ArrayList<>();
		while (true) {
			synchronized (this.lock) {
				if (this.stopped) {
					return;
				}
				long now = System.nanoTime();
				takeDue(this.retrying, now, ready);
				takeParked(now, ready);
				if (ready.isEmpty()) {
					long wait = Math.min(IDLE_WAIT_NANOS, nanosUntilNext(now));
					try {
						TimeUnit.NANOSECONDS.timedWait(this.lock, Math.max(1, wait));
					}
					catch (InterruptedException ex) {
						if (this.stopped) {
							return;
						}
					}
					continue;
				}
			}
			for (UploadTask task : ready) {
				this.due.accept(task);
			}
			ready.clear();
		}
	}

	private void takeParked(long now, List<UploadTask> ready) {
		if (!this.outage) {
			if (this.releaseAll) {
				// Storage is back: every parked blob goes now.
				this.releaseAll = false;
				while (!this.parked.isEmpty()) {
					ready.add(unpark(this.parked.poll()));
				}
			}
			else {
				// Storage works, but these blobs failed anyway: each waits its own
				// backoff.
				while (!this.parked.isEmpty() && this.parked.peek().dueNanos() <= now) {
					ready.add(unpark(this.parked.poll()));
				}
			}
			return;
		}
		Waiting head = this.parked.peek();
		if (this.scout == null && head != null && head.dueNanos() <= now && now - this.nextScoutNanos >= 0) {
			this.scout = unpark(this.parked.poll());
			ready.add(this.scout);
		}
	}

	private UploadTask unpark(Waiting waiting) {
		this.parkedBytes -= waiting.task().size();
		return waiting.task();
	}

	private long nanosUntilNext(long now) {
		long next = Long.MAX_VALUE;
		Waiting retry = this.retrying.peek();
		if (retry != null) {
			next = retry.dueNanos() - now;
		}
		Waiting park = this.parked.peek();
		if (park != null && this.releaseAll) {
			return 0;
		}
		if (park != null && this.scout == null) {
			long due = (this.outage) ? Math.max(park.dueNanos(), this.nextScoutNanos) : park.dueNanos();
			next = Math.min(next, due - now);
		}
		return next;
	}

	private static void takeDue(PriorityQueue<Waiting> queue, long now, List<UploadTask> ready) {
		while (!queue.isEmpty() && queue.peek().dueNanos() <= now) {
			ready.add(queue.poll().task());
		}
	}

	private record Waiting(UploadTask task, long dueNanos) {
	}

}
