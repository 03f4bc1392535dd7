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
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.DropReason;
import io.github.blobupload.UploadError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UploadOutcomes}: each outcome is counted, told to the listener and
 * settles the blob's bytes, claim and place in the flush order.
 */
class UploadOutcomesTests {

	private static final Blob BLOB = new Blob("hello".getBytes(StandardCharsets.UTF_8), "text/plain", null);

	private final List<String> events = new CopyOnWriteArrayList<>();

	private final UploadCounters counters = new UploadCounters();

	private final UploadQueue queue = new UploadQueue(10, 1_000);

	private final RecentUploads recent = new RecentUploads(10);

	private final PendingTracker pending = new PendingTracker();

	private final RetryWaitList waitList = new RetryWaitList(() -> 0L);

	private UploadOutcomes outcomes = outcomes(new RecordingListener(), null);

	@Test
	void aRefusalIsCountedAndToldWithTheBlob() {
		assertThat(this.outcomes.refused(DropReason.TOO_LARGE, BLOB, () -> "too large"))
			.isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(this.outcomes.refused(DropReason.INVALID, null, () -> "no blob"))
			.isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(this.counters.droppedCount(DropReason.TOO_LARGE)).isOne();
		assertThat(this.counters.droppedCount(DropReason.INVALID)).isOne();
		assertThat(this.events).containsExactly("dropped too_large");
	}

	@Test
	void acceptedAndDeduplicatedBlobsAreTold() {
		this.outcomes.accepted("mem://a", BLOB);
		this.outcomes.deduplicated("mem://a", BLOB);
		assertThat(this.events).containsExactly("accepted mem://a", "deduplicated mem://a");
		assertThat(snapshot().deduplicated()).isOne();
	}

	@Test
	void anUploadSettlesTheBlob() throws Exception {
		UploadTask task = accepted("mem://a");
		this.outcomes.uploaded(task, BLOB, 1_000_000, 2);

		assertThat(this.events).containsExactly("uploaded mem://a PT0.001S 2");
		assertThat(snapshot().uploaded()).isOne();
		assertSettled(task);
		assertThat(this.recent.tryClaim("mem://a")).as("remembered as uploaded").isFalse();
	}

	@Test
	void aFailureSettlesTheBlobAndIsTheLastError() throws Exception {
		UploadTask task = accepted("mem://a");
		this.outcomes.failed(task, BLOB, new IOException("denied"), true, 3);

		assertThat(this.events).containsExactly("failed mem://a IOException true 3");
		UploadError error = this.counters.lastError();
		assertThat(error.uri()).isEqualTo("mem://a");
		assertThat(error.message()).isEqualTo("IOException: denied");
		assertThat(error.permanent()).isTrue();
		assertThat(error.attempts()).isEqualTo(3);
		assertSettled(task);
		assertThat(this.recent.tryClaim("mem://a")).as("a failed blob may be sent again").isTrue();
	}

	@Test
	void aBlobTooOldFailsNamingTheMaximumAgeAndItsLastError() throws Exception {
		UploadTask task = accepted("mem://a");
		task.failedAttempt(new IOException("connection refused"));
		this.outcomes.expired(task, Duration.ofMinutes(5));
		assertThat(this.counters.lastError().message()).isEqualTo(
				"IOException: still not uploaded after PT5M, the maximum age; last error: IOException: connection refused");
		assertThat(this.counters.lastError().attempts()).isOne();
		assertThat(this.counters.lastError().permanent()).isFalse();

		UploadTask never = accepted("mem://b");
		this.outcomes.expired(never, Duration.ofMinutes(5));
		assertThat(this.counters.lastError().message())
			.isEqualTo("IOException: still not uploaded after PT5M, the maximum age");
	}

	@Test
	void aBlobWithoutBytesFailsWithAStandIn() throws Exception {
		UploadTask task = new UploadTask(new SpoolFile(Path.of("a.blob"), "mem://a", 5, 0, 4096, Map.of()),
				this.pending.begin());
		Blob[] told = new Blob[1];
		this.outcomes = outcomes(new BlobUploadListener() {
			@Override
			public void onFailed(String uploader, String uri, Blob blob, Throwable error, boolean permanent,
					int attempts) {
				told[0] = blob;
			}
		}, null);
		this.outcomes.failed(task, new IOException("unreadable"), true, 0);
		assertThat(told[0].size()).isZero();
		assertThat(told[0].contentType()).isEqualTo("application/octet-stream");
		assertThat(this.pending.awaitAllBefore(0)).isTrue();
	}

	@Test
	void aRetryIsCountedAndTold() {
		UploadTask task = accepted("mem://a");
		IOException error = new IOException("reset");
		this.outcomes.retrying(task, BLOB, 1, error);
		assertThat(snapshot().retries()).isOne();
		assertThat(this.events).containsExactly("retry mem://a 1");
	}

	@Test
	void aParkingIsCountedAndToldAndKeepsTheBytesWithoutASpool() {
		UploadTask task = accepted("mem://a");
		this.outcomes.parked(task, BLOB, new IOException("refused"), 3);
		assertThat(this.counters.parkedCount()).isOne();
		assertThat(this.counters.lastError().message()).isEqualTo("IOException: refused");
		assertThat(this.counters.lastError().attempts()).isEqualTo(3);
		assertThat(this.events).containsExactly("parked mem://a 3");
		assertThat(task.blob()).isSameAs(BLOB);
		assertThat(this.queue.pendingBytes()).isEqualTo(5);
	}

	@Test
	void aParkedBlobOnDiskGivesItsMemoryBack(@TempDir Path folder) throws Exception {
		try (DiskSpool spool = DiskSpool.open(folder, 1 << 20, false)) {
			SpoolWriter writer = new SpoolWriter("test", spool, (written) -> {
			}, (ex) -> {
			});
			writer.stopAndWriteRest();
			this.outcomes = outcomes(new RecordingListener(), writer);
			UploadTask task = accepted("mem://a");
			spool.reserve(DiskSpool.chargeFor(5));
			writer.submit(task);
			writer.stopAndWriteRest();
			assertThat(task.spoolFile()).isNotNull();

			this.outcomes.parked(task, BLOB, new IOException("refused"), 3);

			assertThat(task.blob()).isNull();
			assertThat(this.queue.pendingBytes()).isZero();
			assertThat(task.spoolFile().path()).as("it waits on disk").exists();
		}
	}

	@Test
	void aFinishedBlobOnDiskHasItsFileDeleted(@TempDir Path folder) throws Exception {
		try (DiskSpool spool = DiskSpool.open(folder, 1 << 20, false)) {
			SpoolWriter writer = new SpoolWriter("test", spool, (written) -> {
			}, (ex) -> {
			});
			writer.stopAndWriteRest();
			this.outcomes = outcomes(new RecordingListener(), writer);
			UploadTask task = accepted("mem://a");
			spool.reserve(DiskSpool.chargeFor(5));
			writer.submit(task);
			writer.stopAndWriteRest();
			Path file = task.spoolFile().path();

			this.outcomes.uploaded(task, BLOB, 1, 1);

			assertThat(file).doesNotExist();
			assertThat(spool.usedBytes()).isZero();
		}
	}

	@Test
	void aBlobDroppedAtShutdownIsCountedWithItsBytes() throws Exception {
		UploadTask task = accepted("mem://a");
		this.outcomes.droppedAtShutdown(task);
		assertThat(this.counters.shutdownDrops()).isOne();
		assertThat(this.counters.shutdownDropBytes()).isEqualTo(5);
		assertThat(this.counters.droppedCount(DropReason.SHUTDOWN_TIMEOUT)).isOne();
		assertThat(this.events).containsExactly("dropped shutdown_timeout");
		assertSettled(task);
	}

	@Test
	void aBlobInTheSpoolAtShutdownIsCarriedOverNotDropped() throws Exception {
		UploadTask task = accepted("mem://a");
		task.spooled(new SpoolFile(Path.of("a.blob"), "mem://a", 5, 0, 4096, Map.of()));
		this.queue.add(task);
		this.queue.take(0);

		this.outcomes.droppedAtShutdown(task);

		assertThat(this.counters.shutdownDrops()).isZero();
		assertThat(snapshot().spool().carriedOver()).isOne();
		assertThat(this.events).isEmpty();
		assertThat(task.isFinished()).isTrue();
		assertThat(this.queue.inFlight()).isZero();
		assertThat(this.pending.awaitAllBefore(0)).isTrue();
	}

	@Test
	void aScoutThatEndsLetsTheNextOneGo() throws Exception {
		RetryWaitList waitList = this.waitList;
		UploadTask scout = accepted("mem://scout");
		UploadTask next = accepted("mem://next");
		waitList.park(scout, 0);
		waitList.park(next, 0);
		assertThat(waitList.takeDue()).hasSize(1);

		this.outcomes.failed(scout, BLOB, new IOException("denied"), true, 1);

		assertThat(waitList.takeDue()).hasSize(1);
	}

	@Test
	void aListenerThatThrowsChangesNothing() throws Exception {
		this.outcomes = outcomes(new BlobUploadListener() {
			@Override
			public void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
				throw new IllegalStateException("listener bug");
			}
		}, null);
		UploadTask task = accepted("mem://a");
		this.outcomes.uploaded(task, BLOB, 1, 1);
		assertThat(snapshot().uploaded()).isOne();
		assertSettled(task);
	}

	private UploadTask accepted(String uri) {
		assertThat(this.recent.tryClaim(uri)).isTrue();
		assertThat(this.queue.tryReserve(BLOB.size())).isTrue();
		return new UploadTask(uri, BLOB, this.pending.begin());
	}

	private void assertSettled(UploadTask task) throws InterruptedException {
		assertThat(task.isFinished()).isTrue();
		assertThat(this.queue.pendingBytes()).isZero();
		assertThat(this.queue.tryReserve(1)).as("its slot was given back").isTrue();
		this.queue.release(1);
		assertThat(this.pending.awaitAllBefore(0)).as("its place in the flush order ended").isTrue();
	}

	private io.github.blobupload.BlobUploadStats snapshot() {
		return this.counters.snapshot(this.queue, this.waitList, null, false, false);
	}

	private UploadOutcomes outcomes(BlobUploadListener listener, SpoolWriter writer) {
		return new UploadOutcomes("test", listener, this.counters,
				new UploadLog("test", this.counters, Duration.ofMinutes(1)), this.queue, this.recent, this.pending,
				this.waitList, writer);
	}

	/**
	 * Records each event as a line.
	 */
	private final class RecordingListener implements BlobUploadListener {

		@Override
		public void onAccepted(String uploader, String uri, Blob blob) {
			UploadOutcomesTests.this.events.add("accepted " + uri);
		}

		@Override
		public void onDeduplicated(String uploader, String uri, Blob blob) {
			UploadOutcomesTests.this.events.add("deduplicated " + uri);
		}

		@Override
		public void onDropped(String uploader, DropReason reason, Blob blob) {
			UploadOutcomesTests.this.events.add("dropped " + reason.tag());
		}

		@Override
		public void onRetry(String uploader, String uri, Blob blob, int attempt, Throwable error) {
			UploadOutcomesTests.this.events.add("retry " + uri + " " + attempt);
		}

		@Override
		public void onParked(String uploader, String uri, Blob blob, int attempts, Throwable error) {
			UploadOutcomesTests.this.events.add("parked " + uri + " " + attempts);
		}

		@Override
		public void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
			UploadOutcomesTests.this.events.add("uploaded " + uri + " " + duration + " " + attempts);
		}

		@Override
		public void onFailed(String uploader, String uri, Blob blob, Throwable error, boolean permanent, int attempts) {
			UploadOutcomesTests.this.events
				.add("failed " + uri + " " + error.getClass().getSimpleName() + " " + permanent + " " + attempts);
		}

	}

}
