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

package io.github.blobupload;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of an uploader's counters and queue.
 * <p>
 * Every call to {@link BlobUploader#uploadAsync(Blob)} is counted once in
 * {@code submitted}, and every blob found in the spool at startup once in
 * {@link Spool#recovered() spool.recovered}; each ends in exactly one of
 * {@code deduplicated}, {@code dropped} (by reason), {@code uploaded}, {@code failed} or
 * {@link Spool#carriedOver() spool.carriedOver} (left in the spool at shutdown for the
 * next start), or is still {@link #pending() pending} (queued, in flight, waiting to
 * retry or parked). So once the uploader is idle (after a successful flush):
 * {@code submitted + spool.recovered == deduplicated + dropped + uploaded + failed + spool.carriedOver}.
 * The fields are read one after another, so a snapshot taken under load may be off by the
 * blobs in transit.
 *
 * @param submitted blobs given to {@code uploadAsync}
 * @param deduplicated blobs not uploaded because the same destination was uploaded
 * recently or was being uploaded
 * @param uploaded blobs written to storage
 * @param failed blobs given up after a permanent error, or a transient one once they
 * reached their maximum age (or their last attempt, when blobs are not parked)
 * @param dropped blobs refused or dropped, by reason
 * @param retries upload attempts that were retried
 * @param queuedBlobs blobs waiting in the queue for a worker (with a spool, some of them
 * may wait on disk only)
 * @param inFlight blobs being uploaded
 * @param pendingBytes bytes held in memory by queued, in-flight, retrying and parked
 * blobs
 * @param peakPendingBytes the most bytes those blobs held at any moment since the
 * uploader started; never more than {@code maxQueueBytes}, so it shows how close the
 * queue came to refusing blobs for want of room
 * @param maxQueueSize the most blobs held in memory (queued, in flight, retrying, parked)
 * @param maxQueueBytes the most bytes held in memory by those blobs
 * @param consecutiveFailures uploads failed since the last success
 * @param lastError the last failure, or {@code null}
 * @param lastSuccess when the last upload succeeded, or {@code null}
 * @param shutdown whether the uploader has been shut down
 * @param parked the blobs waiting for a retry, parked ones included
 * @param spool the state of the durable spool
 */
public record BlobUploadStats(long submitted, long deduplicated, long uploaded, long failed,
		Map<DropReason, Long> dropped, long retries, int queuedBlobs, int inFlight, long pendingBytes,
		long peakPendingBytes, int maxQueueSize, long maxQueueBytes, long consecutiveFailures,
		@Nullable UploadError lastError, @Nullable Instant lastSuccess, boolean shutdown, Parked parked, Spool spool) {

	/**
	 * Returns the number of blobs dropped for any reason.
	 * @return the total of {@link #dropped()}
	 */
	public long droppedTotal() {
		return this.dropped.values().stream().mapToLong(Long::longValue).sum();
	}

	/**
	 * Returns the number of blobs for the given reason.
	 * @param reason the reason
	 * @return the count, 0 if none
	 */
	public long dropped(DropReason reason) {
		return this.dropped.getOrDefault(reason, 0L);
	}

	/**
	 * Returns the blobs accepted but not finished: queued or in flight.
	 * @return the pending count
	 */
	public long pending() {
		return (long) this.queuedBlobs + this.inFlight + this.parked.blobs() + this.parked.retrying();
	}

	/**
	 * The blobs waiting between attempts: parked ones, whose attempts failed for a
	 * transient reason and which are retried until they are uploaded or reach their
	 * maximum age, and those waiting for a quick retry.
	 *
	 * @param blobs blobs parked now
	 * @param bytes their size (in memory, or on disk when the spool holds them)
	 * @param oldest how long the longest-parked blob has been parked; zero if none is
	 * @param total parkings since the uploader started (a blob may be parked several
	 * times)
	 * @param retrying blobs waiting for a quick retry, not parked
	 */
	public record Parked(long blobs, long bytes, Duration oldest, long total, long retrying) {
	}

	/**
	 * The durable spool: the folder on local disk where accepted blobs wait until they
	 * are uploaded, so that a restart or a crash does not lose them.
	 *
	 * @param configured whether a spool was configured
	 * @param active whether it is in use (it is not when its folder could not be used)
	 * @param usedBytes what its files take, as counted against {@code maxBytes}
	 * @param maxBytes the most its files may take
	 * @param writeBacklog accepted blobs not yet written to it: what a crash now would
	 * lose
	 * @param recovered blobs found in it at startup, left by an earlier run
	 * @param carriedOver blobs left in it at shutdown for the next start
	 * @param corrupt unreadable files found in it (truncated, garbage), set aside
	 * @param writeFailures blobs that could not be written to it (kept in memory only)
	 */
	public record Spool(boolean configured, boolean active, long usedBytes, long maxBytes, long writeBacklog,
			long recovered, long carriedOver, long corrupt, long writeFailures) {
	}

}
