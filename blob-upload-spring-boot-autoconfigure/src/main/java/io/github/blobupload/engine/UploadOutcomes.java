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

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.DropReason;
import io.github.blobupload.UploadError;
import org.jspecify.annotations.Nullable;

/**
 * Where every outcome of a blob is recorded, so that none is counted, logged or told to
 * the listener without the others: each is counted, logged when it is a problem
 * (rate-limited), and told to the listener, whose exceptions are logged and otherwise
 * ignored. A blob that finishes also gives back its bytes in the queue and its claim on
 * the destination, and then its place in the flush order.
 */
final class UploadOutcomes {

	private final String name;

	private final BlobUploadListener listener;

	private final UploadCounters counters;

	private final UploadLog log;

	private final UploadQueue queue;

	private final RecentUploads recentUploads;

	private final PendingTracker pending;

	private final RetryWaitList retryWaitList;

	private final @Nullable SpoolWriter spoolWriter;

	UploadOutcomes(String name, BlobUploadListener listener, UploadCounters counters, UploadLog log, UploadQueue queue,
			RecentUploads recentUploads, PendingTracker pending, RetryWaitList retryWaitList,
			@Nullable SpoolWriter spoolWriter) {
		this.name = name;
		this.listener = listener;
		this.counters = counters;
		this.log = log;
		this.queue = queue;
		this.recentUploads = recentUploads;
		this.pending = pending;
		this.retryWaitList = retryWaitList;
		this.spoolWriter = spoolWriter;
	}

	/**
	 * Refuses a blob on the caller's thread.
	 * @param reason why
	 * @param blob the blob, or {@code null} if none was given
	 * @param why says why in words, for the log
	 * @return {@link BlobUploader#NOT_UPLOADED}, for the caller to return
	 */
	String refused(DropReason reason, @Nullable Blob blob, Supplier<String> why) {
		this.counters.dropped(reason);
		this.log.refused(reason, why);
		if (blob != null) {
			notifyListener((listener) -> listener.onDropped(this.name, reason, blob));
		}
		return BlobUploader.NOT_UPLOADED;
	}

	void accepted(String uri, Blob blob) {
		notifyListener((listener) -> listener.onAccepted(this.name, uri, blob));
	}

	void deduplicated(String uri, Blob blob) {
		this.counters.deduplicated();
		notifyListener((listener) -> listener.onDeduplicated(this.name, uri, blob));
	}

	void retrying(UploadTask task, Blob blob, int failedAttempt, Throwable error) {
		this.counters.retried();
		notifyListener((listener) -> listener.onRetry(this.name, task.uri(), blob, failedAttempt, error));
	}

	/**
	 * Parks a blob whose attempts failed for a transient reason; it is retried later.
	 */
	void parked(UploadTask task, Blob blob, Throwable error, int attempts) {
		this.counters.parked(new UploadError(Instant.now(), task.uri(), UploadLog.describe(error), false, attempts));
		this.log.parked(task.uri(), error, attempts);
		notifyListener((listener) -> listener.onParked(this.name, task.uri(), blob, attempts, error));
		if (this.spoolWriter != null && task.unload()) {
			// On disk already: the bytes need not wait in memory.
			this.queue.release(task.size());
		}
	}

	/**
	 * Fails a blob that was still not uploaded when it became too old to retry.
	 */
	void expired(UploadTask task, Duration maxAge) {
		expired(task, blobOrStandIn(task), maxAge, task.lastError(), task.attempts());
	}

	/**
	 * Fails a blob that became too old to retry, whether found so while parked or just
	 * after an attempt failed: the same failure either way.
	 */
	void expired(UploadTask task, Blob blob, Duration maxAge, @Nullable Throwable last, int attempts) {
		String cause = (last != null) ? "; last error: " + UploadLog.describe(last) : "";
		failed(task, blob, new IOException("still not uploaded after " + maxAge + ", the maximum age" + cause), false,
				attempts);
	}

	void uploaded(UploadTask task, Blob blob, long nanos, int attempts) {
		this.counters.uploaded();
		notifyListener(
				(listener) -> listener.onUploaded(this.name, task.uri(), blob, Duration.ofNanos(nanos), attempts));
		finish(task, true);
	}

	void failed(UploadTask task, Throwable error, boolean permanent, int attempts) {
		failed(task, blobOrStandIn(task), error, permanent, attempts);
	}

	void failed(UploadTask task, Blob blob, Throwable error, boolean permanent, int attempts) {
		this.counters
			.failed(new UploadError(Instant.now(), task.uri(), UploadLog.describe(error), permanent, attempts));
		this.log.failed(task.uri(), error, permanent, attempts);
		notifyListener((listener) -> listener.onFailed(this.name, task.uri(), blob, error, permanent, attempts));
		finish(task, false);
	}

	/**
	 * Drops a blob that the shutdown timeout left queued or in flight. A blob already in
	 * the spool is left there for the next start instead; a blob whose drop was requested
	 * is {@linkplain #droppedOnRequest dropped as requested}, its spool file too.
	 * @param task the blob
	 */
	void droppedAtShutdown(UploadTask task) {
		if (task.isDropRequested()) {
			// Asked to be dropped: not carried over, its spool file goes too.
			droppedOnRequest(task);
			return;
		}
		if (task.spoolFile() != null) {
			// In the spool: the next start uploads it, so it is not lost.
			this.counters.carriedOver();
			this.queue.attemptEnded(task);
			task.finish();
			this.pending.end(task.sequence());
			return;
		}
		this.counters.droppedAtShutdown(task.size());
		Blob blob = blobOrStandIn(task);
		notifyListener((listener) -> listener.onDropped(this.name, DropReason.SHUTDOWN_TIMEOUT, blob));
		finish(task, false);
	}

	/**
	 * Drops a blob whose drop was requested ({@link DropReason#ERASED}) while it waited:
	 * its bytes, its claim on the destination and its spool file go, and a flush no
	 * longer waits for it.
	 * @param task the blob, taken out of wherever it waited by the caller
	 */
	void droppedOnRequest(UploadTask task) {
		this.counters.dropped(DropReason.ERASED);
		Blob blob = blobOrStandIn(task);
		notifyListener((listener) -> listener.onDropped(this.name, DropReason.ERASED, blob));
		finish(task, false);
	}

	private void finish(UploadTask task, boolean success) {
		this.queue.attemptEnded(task);
		if (task.finish()) {
			this.queue.release(task.size());
		}
		if (this.spoolWriter != null) {
			this.spoolWriter.finished(task);
		}
		this.retryWaitList.ended(task);
		this.recentUploads.release(task.uri(), success);
		// Last, so that a flush that returns sees the blob's bytes, claim and count
		// settled.
		this.pending.end(task.sequence());
	}

	/**
	 * Returns the task's blob, or, when its bytes are on disk only (a blob from the spool
	 * whose file could not be read), one with its labels but no bytes.
	 */
	private static Blob blobOrStandIn(UploadTask task) {
		Blob blob = task.blob();
		return (blob != null) ? blob : new Blob(new byte[0], "application/octet-stream", null);
	}

	private void notifyListener(Consumer<BlobUploadListener> event) {
		try {
			event.accept(this.listener);
		}
		catch (RuntimeException ex) {
			this.log.listenerThrew(ex);
		}
	}

}
