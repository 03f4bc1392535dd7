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

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of an uploader's counters and queue.
 * <p>
 * Every call to {@link BlobUploader#uploadAsync(Blob)} is counted once in
 * {@code submitted} and ends in exactly one of {@code deduplicated}, {@code dropped} (by
 * reason), {@code uploaded} or {@code failed}, or is still {@link #pending() pending}. So
 * once the uploader is idle (after a successful flush):
 * {@code submitted == deduplicated + dropped + uploaded + failed}. The fields are read
 * one after another, so a snapshot taken under load may be off by the blobs in transit.
 *
 * @param submitted blobs given to {@code uploadAsync}
 * @param deduplicated blobs not uploaded because the same destination was uploaded
 * recently or was being uploaded
 * @param uploaded blobs written to storage
 * @param failed blobs given up after a permanent error or the last retry
 * @param dropped blobs refused or dropped, by reason
 * @param retries upload attempts that were retried
 * @param queuedBlobs blobs waiting in the queue
 * @param inFlight blobs being uploaded (or waiting to retry)
 * @param pendingBytes bytes held by queued and in-flight blobs
 * @param peakPendingBytes the most bytes queued and in-flight blobs held at any moment
 * since the uploader started; never more than {@code maxQueueBytes}, so it shows how close
 * the queue came to refusing blobs for want of room
 * @param maxQueueSize the queue's capacity in blobs
 * @param maxQueueBytes the capacity in bytes of queued and in-flight blobs
 * @param consecutiveFailures uploads failed since the last success
 * @param lastError the last failure, or {@code null}
 * @param lastSuccess when the last upload succeeded, or {@code null}
 * @param shutdown whether the uploader has been shut down
 */
public record BlobUploadStats(long submitted, long deduplicated, long uploaded, long failed,
		Map<DropReason, Long> dropped, long retries, int queuedBlobs, int inFlight, long pendingBytes,
		long peakPendingBytes, int maxQueueSize, long maxQueueBytes, long consecutiveFailures,
		@Nullable UploadError lastError, @Nullable Instant lastSuccess, boolean shutdown) {

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
		return (long) this.queuedBlobs + this.inFlight;
	}

}
