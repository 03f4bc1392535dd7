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

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.blobupload.Blob;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.internal.CallerLabels;

/**
 * The upload workers of one uploader: each takes blobs from the queue and makes one
 * attempt at each, on a separate I/O thread so that it can be abandoned at the upload
 * timeout. A blob that fails for a transient reason goes to the {@link RetryWaitList}:
 * for another attempt after the {@link RetryPolicy}'s backoff, or parked once its
 * attempts are spent (or at once while storage is thought to be down), until it is
 * uploaded or too old. A permanent error fails the blob; so does a
 * {@link VirtualMachineError}, which is rethrown after that.
 */
final class UploadWorkers {

	/** How long {@link #stop()} waits for each worker to end after interrupting it. */
	private static final long STOP_WAIT_MILLIS = TimeUnit.SECONDS.toMillis(1);

	private final SimpleBlobUploader provider;

	private final UploadQueue queue;

	private final RetryPolicy retryPolicy;

	private final Duration uploadTimeout;

	private final long wakeUpNanos;

	private final UploadOutcomes outcomes;

	private final Runnable whenAwake;

	private final RetryWaitList retryWaitList;

	private final SpoolLoader loader;

	private final ExecutorService ioExecutor;

	private final List<Thread> workers;

	private volatile boolean terminating;

	/**
	 * Starts the workers.
	 * @param name the uploader's name, for the threads' names
	 * @param count how many workers
	 * @param provider uploads one blob
	 * @param queue where the workers take blobs from
	 * @param retryPolicy when to retry and after how long
	 * @param uploadTimeout how long one attempt may take
	 * @param wakeUpInterval the longest a worker waits for a blob before it runs
	 * {@code whenAwake}
	 * @param outcomes where each blob's outcome goes
	 * @param whenAwake run by a worker after each blob and each wait
	 * @param retryWaitList where blobs wait between attempts
	 * @param loader loads the bytes of a blob that is in the spool only
	 */
	UploadWorkers(String name, int count, SimpleBlobUploader provider, UploadQueue queue, RetryPolicy retryPolicy,
			Duration uploadTimeout, Duration wakeUpInterval, UploadOutcomes outcomes, Runnable whenAwake,
			RetryWaitList retryWaitList, SpoolLoader loader) {
		this.provider = provider;
		this.queue = queue;
		this.retryPolicy = retryPolicy;
		this.uploadTimeout = uploadTimeout;
		this.wakeUpNanos = wakeUpInterval.toNanos();
		this.outcomes = outcomes;
		this.whenAwake = whenAwake;
		this.retryWaitList = retryWaitList;
		this.loader = loader;
		this.ioExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				daemonThreads("blob-upload-" + name + "-io-"));
		ThreadFactory workerThreads = daemonThreads("blob-upload-" + name + "-worker-");
		List<Thread> started = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			Thread worker = workerThreads.newThread(this::run);
			started.add(worker);
			worker.start();
		}
		this.workers = Collections.unmodifiableList(started);
	}

	/**
	 * Stops the workers: interrupts them, which drops the blobs they were uploading, and
	 * waits for each to end (a short while at most).
	 */
	void stop() {
		this.terminating = true;
		this.workers.forEach(Thread::interrupt);
		for (Thread worker : this.workers) {
			try {
				worker.join(STOP_WAIT_MILLIS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
	}

	/**
	 * Interrupts the upload attempts still running, after {@link #stop()}.
	 */
	void abandonAttempts() {
		this.ioExecutor.shutdownNow();
	}

	private void run() {
		while (!this.terminating) {
			UploadTask task;
			try {
				task = this.queue.take(this.wakeUpNanos);
			}
			catch (InterruptedException ex) {
				if (this.terminating) {
					return;
				}
				continue;
			}
			if (task != null) {
				try {
					process(task);
				}
				finally {
					this.queue.attemptEnded(task);
				}
			}
			this.whenAwake.run();
		}
	}

	/**
	 * Makes one attempt at a task and decides what follows: done, another attempt soon,
	 * parked, or failed. Never sleeps: waiting between attempts is the retry wait list's.
	 */
	private void process(UploadTask task) {
		if (task.isDropRequested()) {
			this.outcomes.droppedOnRequest(task);
			return;
		}
		if (task.attempts() > 0 && this.retryPolicy.isTooOld(task.acceptedNanos(), System.nanoTime())) {
			this.outcomes.expired(task, this.retryPolicy.maxAge());
			return;
		}
		Blob blob = task.claim();
		if (blob == null) {
			blob = this.loader.load(task);
			if (blob == null) {
				return;
			}
		}
		Throwable error;
		try {
			attempt(task, blob);
			task.attemptDone();
			this.outcomes.uploaded(task, blob, System.nanoTime() - task.firstAttemptNanos(), task.attempts() + 1);
			this.retryWaitList.uploaded();
			return;
		}
		catch (InterruptedException ex) {
			task.attemptDone();
			this.outcomes.droppedAtShutdown(task);
			return;
		}
		catch (Throwable ex) {
			error = ex;
		}
		int attempts = task.failedAttempt(error);
		task.attemptDone();
		boolean permanent = error instanceof PermanentUploadException;
		if (permanent || error instanceof VirtualMachineError) {
			this.outcomes.failed(task, blob, error, permanent, attempts);
			if (error instanceof VirtualMachineError fatal) {
				throw fatal;
			}
			return;
		}
		if (this.retryPolicy.shouldRetry(attempts) && !this.retryWaitList.outageSuspected()) {
			// Counted first, so that a flush that sees the retry succeed sees it counted.
			this.outcomes.retrying(task, blob, attempts, error);
			// This worker's turn ends before the task can reach another worker: a retry
			// due at once may be taken while this thread is still here.
			this.queue.attemptEnded(task);
			if (!this.retryWaitList.retryLater(task, this.retryPolicy.backoffNanos(attempts))) {
				// The uploader is shutting down (the worker is stopped after
				// this), or the blob's drop was requested: dropped as such.
				this.outcomes.droppedAtShutdown(task);
			}
			return;
		}
		if (!this.retryPolicy.parks()) {
			this.outcomes.failed(task, blob, error, false, attempts);
			return;
		}
		if (this.retryPolicy.isTooOld(task.acceptedNanos(), System.nanoTime())) {
			// As if found too old while parked, so that the failure reads the same.
			this.outcomes.expired(task, blob, this.retryPolicy.maxAge(), error, attempts);
			return;
		}
		int parkings = task.parked(System.nanoTime());
		this.outcomes.parked(task, blob, error, attempts);
		this.queue.attemptEnded(task);
		if (!this.retryWaitList.park(task, this.retryPolicy.parkedBackoffNanos(parkings))) {
			this.outcomes.droppedAtShutdown(task);
		}
	}

	/**
	 * Runs one attempt on an I/O thread so that it can be abandoned at the timeout.
	 * @throws InterruptedException if the workers are stopping
	 * @throws Throwable what the provider threw, or a {@link TimeoutException}
	 */
	private void attempt(UploadTask task, Blob blob) throws Throwable {
		if (this.terminating) {
			throw new InterruptedException();
		}
		Future<?> future;
		try {
			future = this.ioExecutor.submit(() -> {
				this.provider.uploadSync(task.uri(), blob);
				return null;
			});
		}
		catch (RejectedExecutionException ex) {
			throw new InterruptedException();
		}
		try {
			future.get(this.uploadTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() != null) ? ex.getCause() : ex;
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new TimeoutException("upload did not finish within " + this.uploadTimeout);
		}
		catch (CancellationException | InterruptedException ex) {
			future.cancel(true);
			if (this.terminating) {
				throw new InterruptedException();
			}
			throw new InterruptedIOException("upload attempt was interrupted");
		}
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			// A listener that uploads from here has no caller: no caller labels are read.
			Thread thread = new Thread(CallerLabels.onStarterThread(runnable), prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

}
