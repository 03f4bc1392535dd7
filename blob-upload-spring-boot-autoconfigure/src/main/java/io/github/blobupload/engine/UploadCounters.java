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

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.DropReason;
import io.github.blobupload.UploadError;
import org.jspecify.annotations.Nullable;

/**
 * What happened to the blobs of one uploader, counted so that the counts add up:
 * {@code submitted + recovered = uploaded + failed + dropped + deduplicated + carried over}
 * once idle. Thread-safe and cheap to update from any caller or worker.
 */
final class UploadCounters {

	private final LongAdder submitted = new LongAdder();

	private final LongAdder deduplicated = new LongAdder();

	private final LongAdder uploaded = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder retries = new LongAdder();

	private final LongAdder parked = new LongAdder();

	private final LongAdder recovered = new LongAdder();

	private final LongAdder carriedOver = new LongAdder();

	private final LongAdder spoolCorrupt = new LongAdder();

	private final LongAdder spoolWriteFailures = new LongAdder();

	private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

	private final AtomicLong consecutiveFailures = new AtomicLong();

	private final AtomicReference<@Nullable UploadError> lastError = new AtomicReference<>();

	private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();

	private final AtomicLong shutdownDrops = new AtomicLong();

	private final AtomicLong shutdownDropBytes = new AtomicLong();

	UploadCounters() {
		for (DropReason reason : DropReason.values()) {
			this.dropped.put(reason, new LongAdder());
		}
	}

	void submitted() {
		this.submitted.increment();
	}

	void deduplicated() {
		this.deduplicated.increment();
	}

	void retried() {
		this.retries.increment();
	}

	/**
	 * Counts a blob parked after its attempts failed: like a failure, it lengthens the
	 * failures in a row and becomes the last error.
	 * @param error what went wrong
	 */
	void parked(UploadError error) {
		this.parked.increment();
		this.consecutiveFailures.incrementAndGet();
		this.lastError.set(error);
	}

	void recovered() {
		this.recovered.increment();
	}

	void carriedOver() {
		this.carriedOver.increment();
	}

	void spoolCorrupt() {
		this.spoolCorrupt.increment();
	}

	void spoolWriteFailed() {
		this.spoolWriteFailures.increment();
	}

	long parkedCount() {
		return this.parked.sum();
	}

	long recoveredCount() {
		return this.recovered.sum();
	}

	long spoolCorruptCount() {
		return this.spoolCorrupt.sum();
	}

	/**
	 * Counts a blob refused or dropped for the given reason.
	 * @param reason why
	 */
	void dropped(DropReason reason) {
		this.dropped.get(reason).increment();
	}

	/**
	 * Counts a blob dropped at shutdown, before it was uploaded.
	 * @param bytes its size
	 */
	void droppedAtShutdown(long bytes) {
		dropped(DropReason.SHUTDOWN_TIMEOUT);
		this.shutdownDrops.incrementAndGet();
		this.shutdownDropBytes.addAndGet(bytes);
	}

	/**
	 * Counts a blob uploaded: the failures in a row end.
	 */
	void uploaded() {
		this.uploaded.increment();
		this.consecutiveFailures.set(0);
		this.lastSuccess.set(Instant.now());
	}

	/**
	 * Counts a blob that failed after its last attempt.
	 * @param error what went wrong
	 */
	void failed(UploadError error) {
		this.failed.increment();
		this.consecutiveFailures.incrementAndGet();
		this.lastError.set(error);
	}

	long droppedCount(DropReason reason) {
		return this.dropped.get(reason).sum();
	}

	long failedCount() {
		return this.failed.sum();
	}

	@Nullable UploadError lastError() {
		return this.lastError.get();
	}

	long shutdownDrops() {
		return this.shutdownDrops.get();
	}

	long shutdownDropBytes() {
		return this.shutdownDropBytes.get();
	}

	/**
	 * Takes a snapshot of the counts with the state of the queue, the retry wait list and
	 * the spool.
	 * @param queue the uploader's queue
	 * @param retries where blobs wait between attempts
	 * @param spool the spool writer, or {@code null} when the uploader has no spool
	 * @param spoolConfigured whether a spool was configured (though it may be unusable)
	 * @param shutdown whether the uploader has been shut down
	 * @return the snapshot
	 */
	BlobUploadStats snapshot(UploadQueue queue, RetryWaitList retries, @Nullable SpoolWriter spool,
			boolean spoolConfigured, boolean shutdown) {
		Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
		this.dropped.forEach((reason, count) -> drops.put(reason, count.sum()));
		Long since = retries.oldestParkedSinceNanos();
		Duration oldest = (since != null) ? Duration.ofNanos(System.nanoTime() - since) : Duration.ZERO;
		BlobUploadStats.Parked parked = new BlobUploadStats.Parked(retries.parkedBlobs(), retries.parkedBytes(), oldest,
				this.parked.sum(), retries.retryingBlobs());
		BlobUploadStats.Spool spoolStats = (spool != null)
				? new BlobUploadStats.Spool(true, true, spool.spool().usedBytes(), spool.spool().maxBytes(),
						spool.backlog(), this.recovered.sum(), this.carriedOver.sum(), this.spoolCorrupt.sum(),
						this.spoolWriteFailures.sum())
				: new BlobUploadStats.Spool(spoolConfigured, false, 0, 0, 0, this.recovered.sum(),
						this.carriedOver.sum(), this.spoolCorrupt.sum(), this.spoolWriteFailures.sum());
		return new BlobUploadStats(this.submitted.sum(), this.deduplicated.sum(), this.uploaded.sum(),
				this.failed.sum(), Collections.unmodifiableMap(drops), this.retries.sum(), queue.queuedBlobs(),
				queue.inFlight(), queue.pendingBytes(), queue.peakPendingBytes(), queue.maxBlobs(), queue.maxBytes(),
				this.consecutiveFailures.get(), this.lastError.get(), this.lastSuccess.get(), shutdown, parked,
				spoolStats);
	}

}
