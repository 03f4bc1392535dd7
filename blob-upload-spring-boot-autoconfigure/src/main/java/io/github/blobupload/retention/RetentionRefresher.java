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

package io.github.blobupload.retention;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.internal.RateLimitedLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Restarts the retention window of re-used objects, off the caller's thread: one thread
 * with a bounded queue ({@value BlobRetention#REFRESH_QUEUE_SIZE} refreshes, at most
 * {@link BlobRetention#MAX_PENDING_BYTES} bytes of blobs), at most once per tenth of the
 * window per object ({@link RefreshMemo}), with its counts. A refresh that does not fit
 * is counted as skipped and left to the next re-use.
 */
final class RetentionRefresher implements AutoCloseable {

	private final Clock clock;

	private final RefreshMemo memo = new RefreshMemo(BlobRetention.MEMO_SIZE);

	private final RateLimitedLogger refreshFailures = new RateLimitedLogger(
			LoggerFactory.getLogger(BlobRetention.class), Duration.ofMinutes(1));

	private final AtomicLong refreshes = new AtomicLong();

	private final AtomicLong refreshFailuresCount = new AtomicLong();

	private final AtomicLong refreshesSkipped = new AtomicLong();

	private final AtomicLong rewrites = new AtomicLong();

	private final AtomicLong pendingBytes = new AtomicLong();

	private volatile @Nullable ThreadPoolExecutor executor;

	RetentionRefresher(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Starts the refresh thread.
	 * @param threads the factory of its thread
	 */
	synchronized void start(ThreadFactory threads) {
		if (this.executor == null) {
			this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
					new ArrayBlockingQueue<>(BlobRetention.REFRESH_QUEUE_SIZE), threads);
		}
	}

	/**
	 * Remembers that an object was just written, so that a re-use soon after costs
	 * nothing.
	 * @param uri the object's URI
	 */
	void uploaded(String uri) {
		this.memo.mark(uri, this.clock.instant());
	}

	/**
	 * Forgets when objects were written or refreshed, so that the next re-use of each
	 * refreshes it (or writes it again, as it is gone).
	 * @param uris the objects' URIs
	 */
	void forget(Collection<String> uris) {
		this.memo.forget(uris);
	}

	/**
	 * Called on the caller's thread when an object was re-used: queues a refresh when
	 * none was made within a tenth of the window.
	 */
	void reused(BlobRetention.Target target, String uri, Blob blob) {
		ThreadPoolExecutor executor = this.executor;
		if (executor == null) {
			return;
		}
		if (!this.memo.claim(uri, this.clock.instant(), target.retention().dividedBy(10))) {
			return;
		}
		if (this.pendingBytes.addAndGet(blob.size()) > BlobRetention.MAX_PENDING_BYTES) {
			this.pendingBytes.addAndGet(-blob.size());
			this.refreshesSkipped.incrementAndGet();
			this.memo.forget(uri);
			return;
		}
		Blob labelled = blob.withLabels(Map.of(BlobLabels.RETENTION, target.retentionClass()));
		try {
			executor.execute(() -> {
				try {
					refresh(target, uri, labelled);
				}
				finally {
					this.pendingBytes.addAndGet(-labelled.size());
				}
			});
		}
		catch (RejectedExecutionException ex) {
			this.pendingBytes.addAndGet(-blob.size());
			this.refreshesSkipped.incrementAndGet();
			this.memo.forget(uri);
		}
	}

	private void refresh(BlobRetention.Target target, String uri, Blob blob) {
		try {
			if (target.support().refresh(uri, blob, this.clock.instant())) {
				this.refreshes.incrementAndGet();
			}
			else {
				// The object's window ended (or it was deleted) while the upload engine
				// still remembered it, so the re-use was not uploaded: write it again, or
				// the span just recorded would point at nothing.
				target.uploader().uploadSync(uri, blob);
				this.rewrites.incrementAndGet();
			}
		}
		catch (IOException | RuntimeException ex) {
			this.refreshFailuresCount.incrementAndGet();
			this.memo.forget(uri);
			this.refreshFailures.warn(() -> "Could not restart the retention window of a re-used object: " + ex);
		}
	}

	long refreshes() {
		return this.refreshes.get();
	}

	long rewrites() {
		return this.rewrites.get();
	}

	long refreshFailures() {
		return this.refreshFailuresCount.get();
	}

	long refreshesSkipped() {
		return this.refreshesSkipped.get();
	}

	boolean await(Duration timeout) throws InterruptedException {
		ThreadPoolExecutor executor = this.executor;
		if (executor == null) {
			return true;
		}
		// One thread, first in first out: the marker runs after every refresh before it.
		try {
			executor.submit(() -> {
			}).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
			return true;
		}
		catch (RejectedExecutionException | ExecutionException | TimeoutException ex) {
			return false;
		}
	}

	@Override
	public synchronized void close() {
		ThreadPoolExecutor executor = this.executor;
		if (executor != null) {
			executor.shutdownNow();
		}
	}

}
