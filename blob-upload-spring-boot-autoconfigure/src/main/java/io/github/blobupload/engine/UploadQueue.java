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

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The blobs waiting for a worker, and the memory budget of the whole uploader: a bound in
 * blobs and a bound in bytes that count every blob whose bytes are in memory, whether
 * queued, in flight, waiting to retry or parked. Callers never block: a blob that does
 * not fit is refused at once. A blob whose bytes were moved to the spool gives its room
 * back and waits in the queue as a reference; a worker loads it again when room allows.
 */
final class UploadQueue {

	private final int maxBlobs;

	private final long maxBytes;

	private final LinkedBlockingQueue<UploadTask> queue = new LinkedBlockingQueue<>();

	private final AtomicInteger heldBlobs = new AtomicInteger();

	private final AtomicLong pendingBytes = new AtomicLong();

	private final AtomicLong peakPendingBytes = new AtomicLong();

	private final AtomicInteger inFlight = new AtomicInteger();

	UploadQueue(int maxBlobs, long maxBytes) {
		this.maxBlobs = maxBlobs;
		this.maxBytes = maxBytes;
	}

	/**
	 * Reserves room for one more blob in memory.
	 * @return {@code false} if {@code maxBlobs} are held; nothing was reserved then
	 */
	boolean reserveSlot() {
		while (true) {
			int held = this.heldBlobs.get();
			if (held >= this.maxBlobs) {
				return false;
			}
			if (this.heldBlobs.compareAndSet(held, held + 1)) {
				return true;
			}
		}
	}

	/**
	 * Reserves room for a blob in the byte budget, and raises the peak if it is higher.
	 * @param size the blob's size in bytes
	 * @return {@code false} if the blob does not fit; nothing was reserved then
	 */
	boolean reserveBytes(long size) {
		long held;
		while (true) {
			long current = this.pendingBytes.get();
			if (current + size > this.maxBytes) {
				return false;
			}
			held = current + size;
			if (this.pendingBytes.compareAndSet(current, held)) {
				break;
			}
		}
		long peak;
		while (held > (peak = this.peakPendingBytes.get()) && !this.peakPendingBytes.compareAndSet(peak, held)) {
			// Another caller raised the peak meanwhile; compare again.
		}
		return true;
	}

	/**
	 * Reserves a slot and bytes for a blob loaded back from the spool.
	 * @return {@code false} if it does not fit now; nothing was reserved then
	 */
	boolean tryReserve(long size) {
		if (!reserveSlot()) {
			return false;
		}
		if (!reserveBytes(size)) {
			this.heldBlobs.decrementAndGet();
			return false;
		}
		return true;
	}

	/**
	 * Gives back the slot and bytes of a blob whose bytes left memory: it finished, or
	 * was moved to the spool.
	 */
	void release(long size) {
		this.pendingBytes.addAndGet(-size);
		this.heldBlobs.decrementAndGet();
	}

	/**
	 * Gives back a slot reserved for a blob that was then refused for its bytes.
	 */
	void releaseSlot() {
		this.heldBlobs.decrementAndGet();
	}

	/**
	 * Queues a task, new or back for another attempt; never refuses (the room was
	 * reserved before).
	 */
	void add(UploadTask task) {
		this.queue.add(task);
	}

	/**
	 * Takes a task back before a worker had it.
	 * @return whether it was still queued
	 */
	boolean withdraw(UploadTask task) {
		return this.queue.remove(task);
	}

	/**
	 * Takes the next task for a worker, counting it in flight until
	 * {@link #attemptEnded()}.
	 * @param timeoutNanos how long to wait for one
	 * @return the task, or {@code null} if none came in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	@Nullable UploadTask take(long timeoutNanos) throws InterruptedException {
		UploadTask task = this.queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
		if (task != null) {
			task.takenByWorker();
			this.inFlight.incrementAndGet();
		}
		return task;
	}

	/**
	 * Marks the end of a worker's turn with a task taken by {@link #take(long)}; calling
	 * it again for the same turn has no effect.
	 */
	void attemptEnded(UploadTask task) {
		if (task.leaveWorker()) {
			this.inFlight.decrementAndGet();
		}
	}

	/**
	 * Takes the next queued task without waiting, as shutdown does with what is left.
	 * @return the task, or {@code null} if the queue is empty
	 */
	@Nullable UploadTask poll() {
		return this.queue.poll();
	}

	/**
	 * Returns whether memory is more than half full, in blobs or in bytes: spooled blobs
	 * then leave memory.
	 */
	boolean underPressure() {
		return this.pendingBytes.get() > this.maxBytes / 2 || this.heldBlobs.get() > this.maxBlobs / 2;
	}

	int queuedBlobs() {
		return this.queue.size();
	}

	int inFlight() {
		return this.inFlight.get();
	}

	long pendingBytes() {
		return this.pendingBytes.get();
	}

	long peakPendingBytes() {
		return this.peakPendingBytes.get();
	}

	int maxBlobs() {
		return this.maxBlobs;
	}

	long maxBytes() {
		return this.maxBytes;
	}

}
