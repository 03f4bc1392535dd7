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

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * The blobs waiting for a worker and those being uploaded: a queue bounded in blobs, and
 * a budget in bytes that counts queued and in-flight blobs alike. Callers never block:
 * a blob that does not fit is refused at once.
 */
final class UploadQueue {

	private final int maxBlobs;

	private final long maxBytes;

	private final BlockingQueue<UploadTask> queue;

	private final AtomicLong pendingBytes = new AtomicLong();

	private final AtomicLong peakPendingBytes = new AtomicLong();

	private final AtomicInteger inFlight = new AtomicInteger();

	UploadQueue(int maxBlobs, long maxBytes) {
		this.maxBlobs = maxBlobs;
		this.maxBytes = maxBytes;
		this.queue = new LinkedBlockingQueue<>(maxBlobs);
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
	 * Queues a task whose bytes are {@linkplain #reserveBytes reserved}.
	 * @param task the task
	 * @return {@code false} if the queue is full in blobs; its bytes were given back then
	 */
	boolean offer(UploadTask task) {
		if (this.queue.offer(task)) {
			return true;
		}
		this.pendingBytes.addAndGet(-task.blob().size());
		return false;
	}

	/**
	 * Takes a task back before a worker had it, and gives back its bytes.
	 * @param task the task
	 * @return whether it was still queued
	 */
	boolean withdraw(UploadTask task) {
		if (!this.queue.remove(task)) {
			return false;
		}
		this.pendingBytes.addAndGet(-task.blob().size());
		return true;
	}

	/**
	 * Takes the next task for a worker, counting it in flight.
	 * @param timeoutNanos how long to wait for one
	 * @return the task, or {@code null} if none came in time
	 * @throws InterruptedException if interrupted while waiting
	 */
	@Nullable UploadTask take(long timeoutNanos) throws InterruptedException {
		UploadTask task = this.queue.poll(timeoutNanos, TimeUnit.NANOSECONDS);
		if (task != null) {
			this.inFlight.incrementAndGet();
		}
		return task;
	}

	/**
	 * Takes the next queued task without waiting, as shutdown does with what is left.
	 * @return the task, or {@code null} if the queue is empty
	 */
	@Nullable UploadTask poll() {
		return this.queue.poll();
	}

	/**
	 * Gives back the bytes of a task that has finished, however it ended.
	 * @param task the task
	 * @param inFlight whether a worker had taken it
	 */
	void finish(UploadTask task, boolean inFlight) {
		this.pendingBytes.addAndGet(-task.blob().size());
		if (inFlight) {
			this.inFlight.decrementAndGet();
		}
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
