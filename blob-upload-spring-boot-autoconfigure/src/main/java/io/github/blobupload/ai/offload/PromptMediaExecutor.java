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

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import io.github.blobupload.internal.CallerLabels;
import org.jspecify.annotations.Nullable;

/**
 * Runs the offloading of prompt media (decoding, copying, filtering, hashing for the
 * content-addressed URI) on a few daemon threads named
 * {@code blob-upload-prompt-media-N}, so that it overlaps with the model call instead of
 * running before it on the caller's thread.
 * <p>
 * Platform threads, not virtual ones: the work is CPU-bound (a virtual thread would only
 * borrow a carrier thread for it) and a fixed pool with a bounded queue caps both the
 * threads and the prompts kept alive by waiting tasks. When the queue is full, or the
 * executor is closed, or it has no threads, a task runs on the caller's thread, as it did
 * before this executor existed: nothing is lost and the caller pays the work. A full
 * queue is counted ({@link #ranOnCallerBecauseFull()}); after {@link #close()} the
 * application is stopping and every task runs on the caller.
 */
final class PromptMediaExecutor implements AutoCloseable {

	private static final long IDLE_SECONDS = 30;

	private final @Nullable ThreadPoolExecutor executor;

	private final LongAdder full = new LongAdder();

	private final Duration closeTimeout;

	/**
	 * Creates an executor.
	 * @param threads how many threads, 0 to run every task on the caller's thread
	 * @param queueSize how many tasks may wait for a thread, positive
	 * @param closeTimeout how long {@link #close()} waits for waiting and running tasks
	 */
	PromptMediaExecutor(int threads, int queueSize, Duration closeTimeout) {
		this.closeTimeout = closeTimeout;
		if (threads == 0) {
			this.executor = null;
			return;
		}
		AtomicInteger count = new AtomicInteger();
		this.executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
				new ArrayBlockingQueue<>(queueSize), (task) -> {
					// No caller is known on these threads: the call's labels were taken
					// on the caller's thread (MediaCall), none is read here.
					Thread thread = new Thread(CallerLabels.onStarterThread(task),
							"blob-upload-prompt-media-" + count.incrementAndGet());
					thread.setDaemon(true);
					return thread;
				}, new ThreadPoolExecutor.AbortPolicy());
		// Threads start with the first task and end after a while without one, so an
		// idle offloader holds none.
		this.executor.allowCoreThreadTimeOut(true);
	}

	/**
	 * Runs a task on one of the threads, or on the caller's thread when none can take it.
	 * Never blocks waiting for room.
	 * @param task the task, which handles its own failures
	 */
	void execute(Runnable task) {
		ThreadPoolExecutor pool = this.executor;
		if (pool == null) {
			task.run();
			return;
		}
		try {
			pool.execute(task);
		}
		catch (RejectedExecutionException ex) {
			if (!pool.isShutdown()) {
				this.full.increment();
			}
			task.run();
		}
	}

	/**
	 * Returns how many tasks ran on the caller's thread because the queue was full.
	 * @return the count since startup
	 */
	long ranOnCallerBecauseFull() {
		return this.full.sum();
	}

	/**
	 * Stops taking tasks and waits, up to the close timeout, for the waiting and running
	 * ones to finish; then interrupts what is left. Idempotent.
	 */
	@Override
	public void close() {
		ThreadPoolExecutor pool = this.executor;
		if (pool == null) {
			return;
		}
		pool.shutdown();
		try {
			if (!pool.awaitTermination(this.closeTimeout.toNanos(), TimeUnit.NANOSECONDS)) {
				pool.shutdownNow();
			}
		}
		catch (InterruptedException ex) {
			pool.shutdownNow();
			Thread.currentThread().interrupt();
		}
	}

}
