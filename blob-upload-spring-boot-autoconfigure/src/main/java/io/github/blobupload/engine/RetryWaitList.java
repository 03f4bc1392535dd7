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
import java.util.function.LongSupplier;

import org.jspecify.annotations.Nullable;

/**
 * The blobs waiting for a retry, so that no worker ever sleeps on one: blobs that will be
 * retried shortly (the {@link RetryPolicy}'s backoff), and <em>parked</em> blobs, whose
 * attempts all failed for a transient reason and which are retried later, with a longer,
 * growing backoff, until they are uploaded or too old.
 * <p>
 * Parking a blob means storage looks down. While it does, parked blobs go back one at a
 * time, a scout: when the scout is uploaded, storage is back and every parked blob goes
 * back at once; when it fails, the next scout waits for its own backoff. So an outage
 * costs one attempt per backoff period, not one per parked blob, and fresh blobs are not
 * held up behind retries that cannot succeed.
 * <p>
 * One daemon thread, {@linkplain #start started} by the uploader, hands blobs back when
 * they are due; {@link #takeDue()} is what it does each time it wakes up.
 */
final class RetryWaitList {

	private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);

	private final Object lock = new Object();

	private final PriorityQueue<Waiting> retrying = new PriorityQueue<>(Comparator.comparingLong(Waiting::dueNanos));

	private final PriorityQueue<Waiting> parked = new PriorityQueue<>(Comparator.comparingLong(Waiting::dueNanos));

	private final LongSupplier nanoClock;

	private @Nullable Thread thread;

	private long parkedBytes;

	private boolean outage;

	private @Nullable UploadTask scout;

	private long nextScoutNanos;

	private boolean stopped;

	/**
	 * Creates a wait list without its thread.
	 * @param nanoClock the time in nanoseconds, as {@link System#nanoTime()} gives it
	 */
	RetryWaitList(LongSupplier nanoClock) {
		this.nanoClock = nanoClock;
		this.nextScoutNanos = nanoClock.getAsLong();
	}

	/**
	 * Creates a wait list on {@link System#nanoTime()} and starts its thread.
	 * @param name the uploader's name, for the thread's name
	 * @param due takes each blob whose wait is over, on the wait list's thread
	 * @return the wait list
	 */
	static RetryWaitList started(String name, Consumer<UploadTask> due) {
		RetryWaitList waitList = new RetryWaitList(System::nanoTime);
		waitList.start(name, due);
		return waitList;
	}

	/**
	 * Starts the thread that hands blobs back when they are due.
	 * @param name the uploader's name, for the thread's name
	 * @param due takes each blob whose wait is over, on the wait list's thread
	 */
	void start(String name, Consumer<UploadTask> due) {
		Thread started = new Thread(() -> run(due), "blob-upload-" + name + "-retry");
		started.setDaemon(true);
		synchronized (this.lock) {
			this.thread = started;
		}
		started.start();
	}

	/**
	 * Puts a blob aside for a retry after the given delay.
	 * @return {@code false} if the wait list has stopped or the blob's drop was
	 * requested: the caller settles the blob
	 */
	boolean retryLater(UploadTask task, long delayNanos) {
		synchronized (this.lock) {
			if (this.stopped || task.isDropRequested()) {
				return false;
			}
			this.retrying.add(new Waiting(task, this.nanoClock.getAsLong() + delayNanos));
			this.lock.notifyAll();
			return true;
		}
	}

	/**
	 * Parks a blob whose attempts all failed for a transient reason; storage is now
	 * thought to be down.
	 * @return {@code false} if the wait list has stopped or the blob's drop was
	 * requested: the caller settles the blob
	 */
	boolean park(UploadTask task, long delayNanos) {
		synchronized (this.lock) {
			if (this.stopped || task.isDropRequested()) {
				return false;
			}
			long due = this.nanoClock.getAsLong() + delayNanos;
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
	 * and every parked blob is due now. They go back as retries, so that a blob parked
	 * after this call starts a new outage of its own.
	 */
	void uploaded() {
		synchronized (this.lock) {
			if (!this.outage) {
				return;
			}
			this.outage = false;
			this.scout = null;
			long now = this.nanoClock.getAsLong();
			this.nextScoutNanos = now;
			while (!this.parked.isEmpty()) {
				this.retrying.add(new Waiting(unpark(this.parked.poll()), now));
			}
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
		Thread running;
		synchronized (this.lock) {
			this.stopped = true;
			this.retrying.forEach((waiting) -> left.add(waiting.task()));
			this.parked.forEach((waiting) -> left.add(waiting.task()));
			this.retrying.clear();
			this.parked.clear();
			this.parkedBytes = 0;
			this.lock.notifyAll();
			running = this.thread;
		}
		if (running != null) {
			running.interrupt();
			try {
				// It may be handing blobs back to the queue; the shutdown drains the
				// queue next.
				running.join(1000);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return left;
	}

	/**
	 * Takes out every waiting blob whose {@linkplain UploadTask#requestDrop() drop was
	 * requested}, retrying or parked, for the caller to settle. A blob handed to
	 * {@link #retryLater} or {@link #park} after this call is refused if its drop was
	 * requested before it: the two are decided under the same lock.
	 * @return the blobs taken out
	 */
	List<UploadTask> removeDropRequested() {
		List<UploadTask> removed = new ArrayList<>();
		synchronized (this.lock) {
			this.retrying.removeIf((waiting) -> take(waiting, removed));
			this.parked.removeIf((waiting) -> {
				if (!take(waiting, removed)) {
					return false;
				}
				this.parkedBytes -= waiting.task().size();
				return true;
			});
			this.lock.notifyAll();
		}
		return removed;
	}

	private static boolean take(Waiting waiting, List<UploadTask> removed) {
		if (!waiting.task().isDropRequested()) {
			return false;
		}
		removed.add(waiting.task());
		return true;
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

	/**
	 * Takes out the blobs whose wait is over now: retries that are due, and parked blobs
	 * as the outage allows (a scout, or all of them once storage is back).
	 * @return the blobs to hand back, in the order they fell due
	 */
	List<UploadTask> takeDue() {
		List<UploadTask> ready = new ArrayList<>();
		synchronized (this.lock) {
			long now = this.nanoClock.getAsLong();
			takeDue(this.retrying, now, ready);
			takeParked(now, ready);
		}
		return ready;
	}

	/**
	 * Returns how long until the next blob falls due, as far as is known now.
	 * @return the wait in nanoseconds; zero or less when one is due;
	 * {@link Long#MAX_VALUE} when none waits
	 */
	long nanosUntilNextDue() {
		synchronized (this.lock) {
			return nanosUntilNext(this.nanoClock.getAsLong());
		}
	}

	private void run(Consumer<UploadTask> due) {
		while (true) {
			List<UploadTask> ready;
			synchronized (this.lock) {
				if (this.stopped) {
					return;
				}
				ready = takeDue();
				if (ready.isEmpty()) {
					long wait = Math.min(IDLE_WAIT_NANOS, nanosUntilNextDue());
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
				due.accept(task);
			}
		}
	}

	private void takeParked(long now, List<UploadTask> ready) {
		// Blobs are parked only during an outage: its end turns them all into retries.
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
		if (park != null && this.scout == null) {
			next = Math.min(next, Math.max(park.dueNanos(), this.nextScoutNanos) - now);
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
