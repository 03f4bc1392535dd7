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

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.DropReason;
import io.github.blobupload.UploadError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UploadCounters}: what each count means and what a snapshot holds.
 */
class UploadCountersTests {

	private final UploadCounters counters = new UploadCounters();

	private final UploadQueue queue = new UploadQueue(10, 1_000);

	private final RetryWaitList waitList = new RetryWaitList(() -> 5_000_000_000L);

	@Test
	void aSnapshotHoldsEveryCount() {
		this.counters.submitted();
		this.counters.submitted();
		this.counters.deduplicated();
		this.counters.retried();
		this.counters.dropped(DropReason.QUEUE_FULL);
		this.counters.dropped(DropReason.QUEUE_FULL);
		this.counters.droppedAtShutdown(40);
		this.counters.droppedAtShutdown(2);
		this.counters.recovered();
		this.counters.carriedOver();
		this.counters.spoolCorrupt();
		this.counters.spoolWriteFailed();

		BlobUploadStats stats = this.counters.snapshot(this.queue, this.waitList, null, true, true);

		assertThat(stats.submitted()).isEqualTo(2);
		assertThat(stats.deduplicated()).isOne();
		assertThat(stats.retries()).isOne();
		assertThat(stats.dropped()).containsEntry(DropReason.QUEUE_FULL, 2L)
			.containsEntry(DropReason.SHUTDOWN_TIMEOUT, 2L)
			.containsEntry(DropReason.EMPTY, 0L);
		assertThat(this.counters.droppedCount(DropReason.QUEUE_FULL)).isEqualTo(2);
		assertThat(this.counters.shutdownDrops()).isEqualTo(2);
		assertThat(this.counters.shutdownDropBytes()).isEqualTo(42);
		assertThat(stats.shutdown()).isTrue();
		assertThat(stats.spool()).isEqualTo(new BlobUploadStats.Spool(true, false, 0, 0, 0, 1, 1, 1, 1));
		assertThat(this.counters.recoveredCount()).isOne();
		assertThat(this.counters.spoolCorruptCount()).isOne();
	}

	@Test
	void failuresAndParkingsRunInARowUntilAnUpload() {
		UploadError first = new UploadError(Instant.EPOCH, "mem://bucket/a", "IOException: a", false, 3);
		UploadError second = new UploadError(Instant.EPOCH, "mem://bucket/b", "IOException: b", true, 1);
		this.counters.parked(first);
		this.counters.failed(second);

		BlobUploadStats down = snapshot();
		assertThat(down.consecutiveFailures()).isEqualTo(2);
		assertThat(down.lastError()).isSameAs(second);
		assertThat(this.counters.lastError()).isSameAs(second);
		assertThat(down.failed()).isOne();
		assertThat(this.counters.failedCount()).isOne();
		assertThat(this.counters.parkedCount()).isOne();
		assertThat(down.parked().total()).isOne();
		assertThat(down.lastSuccess()).isNull();

		Instant before = Instant.now();
		this.counters.uploaded();

		BlobUploadStats up = snapshot();
		assertThat(up.uploaded()).isOne();
		assertThat(up.consecutiveFailures()).isZero();
		assertThat(up.lastError()).as("the last error stays for reference").isSameAs(second);
		assertThat(up.lastSuccess()).isBetween(before, Instant.now());
	}

	@Test
	void aSnapshotReadsTheQueueAndTheWaitList() {
		this.queue.tryReserve(100);
		this.queue.add(new UploadTask("mem://bucket/q", blob(100), 1));
		UploadTask parked = new UploadTask("mem://bucket/p", blob(7), 2);
		parked.parked(System.nanoTime() - java.util.concurrent.TimeUnit.HOURS.toNanos(1));
		this.waitList.park(parked, 1);
		this.waitList.retryLater(new UploadTask("mem://bucket/r", blob(1), 3), 1);

		BlobUploadStats stats = snapshot();

		assertThat(stats.queuedBlobs()).isOne();
		assertThat(stats.inFlight()).isZero();
		assertThat(stats.pendingBytes()).isEqualTo(100);
		assertThat(stats.peakPendingBytes()).isEqualTo(100);
		assertThat(stats.maxQueueSize()).isEqualTo(10);
		assertThat(stats.maxQueueBytes()).isEqualTo(1_000);
		assertThat(stats.parked().blobs()).isOne();
		assertThat(stats.parked().bytes()).isEqualTo(7);
		assertThat(stats.parked().retrying()).isOne();
		assertThat(stats.parked().oldest()).isBetween(Duration.ofHours(1), Duration.ofHours(1).plusMinutes(1));
		assertThat(stats.shutdown()).isFalse();
	}

	@Test
	void withNothingParkedTheOldestIsZero() {
		assertThat(snapshot().parked().oldest()).isEqualTo(Duration.ZERO);
	}

	@Test
	void aSnapshotReadsTheSpool(@TempDir Path folder) throws Exception {
		try (DiskSpool spool = DiskSpool.open(folder, 50_000, false)) {
			spool.reserve(5_000);
			SpoolWriter writer = new SpoolWriter("test", spool, (task) -> {
			}, (ex) -> {
			});
			try {
				BlobUploadStats.Spool stats = this.counters.snapshot(this.queue, this.waitList, writer, true, false)
					.spool();
				assertThat(stats).isEqualTo(new BlobUploadStats.Spool(true, true, 5_000, 50_000, 0, 0, 0, 0, 0));
			}
			finally {
				writer.stopAndWriteRest();
			}
		}
	}

	private BlobUploadStats snapshot() {
		return this.counters.snapshot(this.queue, this.waitList, null, false, false);
	}

	private static Blob blob(int size) {
		return new Blob(new byte[size], "application/octet-stream", null);
	}

}
