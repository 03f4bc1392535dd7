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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.testsupport.ScriptedUploader;
import io.github.blobupload.testsupport.ScriptedUploader.Action;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UploadWorkers}: one attempt per blob, and what follows it. The retry
 * wait list has no thread here, so a blob put aside for a retry stays there for the test
 * to look at.
 */
class UploadWorkersTests {

	private static final Duration BACKOFF = Duration.ofSeconds(10);

	private final ScriptedUploader storage = new ScriptedUploader();

	private final LinkedBlockingQueue<String> events = new LinkedBlockingQueue<>();

	private final UploadCounters counters = new UploadCounters();

	private final UploadQueue queue = new UploadQueue(10, 1_000);

	private final PendingTracker pending = new PendingTracker();

	private final RetryWaitList waitList = new RetryWaitList(() -> 0L);

	private final Semaphore awake = new Semaphore(0);

	private final List<UploadWorkers> started = new ArrayList<>();

	@AfterEach
	void stop() {
		this.started.forEach((workers) -> {
			workers.stop();
			workers.abandonAttempts();
		});
	}

	@Test
	void aBlobIsUploadedAndEndsAnOutage() throws Exception {
		UploadTask parked = task("parked");
		this.waitList.park(parked, 0);
		start(policy(3, Duration.ZERO), Duration.ofSeconds(10));

		UploadTask task = submit("a");

		assertThat(nextEvent()).isEqualTo("uploaded mem://bucket/a 1");
		assertThat(this.storage.stored()).containsKey("mem://bucket/a");
		// The listener hears of the upload before the worker tells the wait list.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !this.waitList.outageSuspected());
		assertThat(this.waitList.takeDue()).containsExactly(parked);
		assertThat(task.isFinished()).isTrue();
		assertThat(this.queue.inFlight()).isZero();
	}

	@Test
	void aTransientFailureWaitsForItsBackoffOffTheWorker() throws Exception {
		this.storage.then(Action.fail("reset"));
		start(policy(3, Duration.ZERO), Duration.ofSeconds(10));

		UploadTask task = submit("a");

		assertThat(nextEvent()).isEqualTo("retry mem://bucket/a 1 IOException");
		// Told first, then put aside.
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.waitList.retryingBlobs() == 1);
		assertThat(this.waitList.nanosUntilNextDue()).isBetween(BACKOFF.toNanos() / 2, BACKOFF.toNanos());
		assertThat(task.attempts()).isOne();
		assertThat(task.isFinished()).isFalse();

		this.queue.add(task);
		assertThat(nextEvent()).isEqualTo("uploaded mem://bucket/a 2");
	}

	@Test
	void aPermanentErrorFailsAtOnce() throws Exception {
		this.storage.then(Action.failPermanently("no such bucket"));
		start(policy(3, Duration.ofHours(1)), Duration.ofSeconds(10));

		submit("a");

		assertThat(nextEvent()).isEqualTo("failed mem://bucket/a PermanentUploadException true 1");
		assertThat(this.waitList.retryingBlobs()).isZero();
		assertThat(this.waitList.parkedBlobs()).isZero();
	}

	@Test
	void withoutParkingTheLastAttemptFails() throws Exception {
		this.storage.then(Action.fail("reset"));
		start(policy(1, Duration.ZERO), Duration.ofSeconds(10));

		submit("a");

		assertThat(nextEvent()).isEqualTo("failed mem://bucket/a IOException false 1");
		assertThat(this.waitList.parkedBlobs()).isZero();
	}

	@Test
	void spentAttemptsParkTheBlobAndLaterFailuresParkAtOnce() throws Exception {
		this.storage.storageDown(true);
		start(policy(1, Duration.ofHours(1)), Duration.ofSeconds(10));

		UploadTask first = submit("first");
		assertThat(nextEvent()).isEqualTo("parked mem://bucket/first 1");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(this.waitList::outageSuspected);
		assertThat(first.parkedSinceNanos()).isNotZero();
		this.storage.then(Action.fail("reset"));
		start(policy(3, Duration.ofHours(1)), Duration.ofSeconds(10));

		submit("second");

		assertThat(nextEvent()).as("storage is thought down: no quick retries")
			.isEqualTo("parked mem://bucket/second 1");
		Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> this.waitList.parkedBlobs() == 2);
		assertThat(this.waitList.retryingBlobs()).isZero();
	}

	@Test
	void aBlobTooOldToRetryFails() throws Exception {
		start(policy(3, Duration.ofNanos(1)), Duration.ofSeconds(10));
		UploadTask task = task("old");
		task.failedAttempt(new java.io.IOException("reset"));

		this.queue.add(task);

		assertThat(nextEvent()).isEqualTo("failed mem://bucket/old IOException false 1");
		assertThat(this.counters.lastError().message())
			.startsWith("IOException: still not uploaded after PT0.000000001S");
		assertThat(this.storage.calls()).isZero();
	}

	@Test
	void aBlobTooOldAfterItsLastAttemptFailsInsteadOfParking() throws Exception {
		this.storage.storageDown(true);
		start(policy(1, Duration.ofNanos(1)), Duration.ofSeconds(10));

		submit("a");

		// The same failure as a blob found too old while parked: the maximum age, with
		// the
		// attempt's error as the last one.
		assertThat(nextEvent()).isEqualTo("failed mem://bucket/a IOException false 1");
		assertThat(this.counters.snapshot(this.queue, this.waitList, null, false, false).lastError().message())
			.startsWith("IOException: still not uploaded after PT0.000000001S, the maximum age; last error: "
					+ "ConnectException");
		assertThat(this.waitList.parkedBlobs()).isZero();
	}

	@Test
	void anAttemptOverTheTimeoutIsAbandonedAndRetried() throws Exception {
		this.storage.blockUploads();
		start(new RetryPolicy(2, BACKOFF, BACKOFF, Duration.ZERO, BACKOFF), Duration.ofMillis(50),
				Duration.ofSeconds(10));

		submit("slow");

		assertThat(nextEvent()).isEqualTo("retry mem://bucket/slow 1 TimeoutException");
		assertThat(this.counters.snapshot(this.queue, this.waitList, null, false, false).retries()).isOne();
	}

	@Test
	void aBlobOnDiskOnlyIsLoadedFirst() throws Exception {
		Blob blob = blob("spooled");
		List<UploadTask> loaded = new ArrayList<>();
		start(policy(3, Duration.ZERO), Duration.ofSeconds(10), (task) -> {
			loaded.add(task);
			task.load(blob);
			return blob;
		});
		UploadTask task = new UploadTask(new SpoolFile(Path.of("a.blob"), "mem://bucket/spooled", 7, 0, 4096, Map.of()),
				this.pending.begin());
		this.queue.tryReserve(7);

		this.queue.add(task);

		assertThat(nextEvent()).isEqualTo("uploaded mem://bucket/spooled 1");
		assertThat(loaded).containsExactly(task);
	}

	@Test
	void aBlobTheLoaderPutsBackIsNotAttempted() throws Exception {
		Semaphore asked = new Semaphore(0);
		start(policy(3, Duration.ZERO), Duration.ofSeconds(10), (task) -> {
			asked.release();
			return null;
		});
		this.queue.add(new UploadTask(new SpoolFile(Path.of("a.blob"), "mem://bucket/a", 7, 0, 4096, Map.of()), 1));

		assertThat(asked.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
		this.started.get(0).stop();
		assertThat(this.storage.calls()).isZero();
		assertThat(this.queue.inFlight()).isZero();
	}

	@Test
	void anIdleWorkerWakesUpAtTheInterval() throws Exception {
		start(policy(3, Duration.ZERO), Duration.ofMillis(1));
		assertThat(this.awake.tryAcquire(3, 10, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void stoppedWorkersTakeNoMoreBlobs() throws Exception {
		start(policy(3, Duration.ZERO), Duration.ofMillis(1));
		this.started.get(0).stop();
		this.awake.drainPermits();

		submit("late");

		assertThat(this.events.poll(50, TimeUnit.MILLISECONDS)).isNull();
		assertThat(this.queue.queuedBlobs()).isOne();
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().startsWith("blob-upload-test-worker-") && thread.isAlive());
	}

	@Test
	void aBlobInFlightAtStopIsDroppedAtShutdown() throws Exception {
		this.storage.blockUploads();
		start(policy(3, Duration.ZERO), Duration.ofSeconds(10));
		submit("a");
		this.storage.awaitStarted(1);

		this.started.get(0).stop();

		assertThat(nextEvent()).isEqualTo("dropped shutdown_timeout");
		assertThat(this.counters.shutdownDrops()).isOne();
	}

	@Test
	void aRetryRefusedByAStoppedWaitListIsDroppedAtShutdown() throws Exception {
		this.waitList.stop();
		this.storage.then(Action.fail("reset"));
		start(policy(3, Duration.ZERO), Duration.ofSeconds(10));

		submit("a");

		assertThat(nextEvent()).isEqualTo("retry mem://bucket/a 1 IOException");
		assertThat(nextEvent()).isEqualTo("dropped shutdown_timeout");
		assertThat(this.counters.shutdownDrops()).isOne();
	}

	@Test
	void aParkingRefusedByAStoppedWaitListIsDroppedAtShutdown() throws Exception {
		this.waitList.stop();
		this.storage.storageDown(true);
		start(policy(1, Duration.ofHours(1)), Duration.ofSeconds(10));

		submit("a");

		assertThat(nextEvent()).isEqualTo("parked mem://bucket/a 1");
		assertThat(nextEvent()).isEqualTo("dropped shutdown_timeout");
		assertThat(this.counters.shutdownDrops()).isOne();
	}

	private void start(RetryPolicy policy, Duration wakeUp) {
		start(policy, Duration.ofSeconds(10), wakeUp, SpoolLoader.NONE);
	}

	private void start(RetryPolicy policy, Duration wakeUp, SpoolLoader loader) {
		start(policy, Duration.ofSeconds(10), wakeUp, loader);
	}

	private void start(RetryPolicy policy, Duration timeout, Duration wakeUp) {
		start(policy, timeout, wakeUp, SpoolLoader.NONE);
	}

	private void start(RetryPolicy policy, Duration timeout, Duration wakeUp, SpoolLoader loader) {
		UploadOutcomes outcomes = new UploadOutcomes("test", new Events(), this.counters,
				new UploadLog("test", this.counters, Duration.ofMinutes(1)), this.queue, new RecentUploads(10),
				this.pending, this.waitList, null);
		this.started.add(new UploadWorkers("test", 1, this.storage, this.queue, policy, timeout, wakeUp, outcomes,
				this.awake::release, this.waitList, loader));
	}

	private static RetryPolicy policy(int maxAttempts, Duration maxAge) {
		return new RetryPolicy(maxAttempts, BACKOFF, BACKOFF, maxAge, BACKOFF);
	}

	private UploadTask submit(String name) {
		UploadTask task = task(name);
		assertThat(this.queue.tryReserve(task.size())).isTrue();
		this.queue.add(task);
		return task;
	}

	private UploadTask task(String name) {
		return new UploadTask("mem://bucket/" + name, blob(name), this.pending.begin());
	}

	private String nextEvent() throws InterruptedException {
		String event = this.events.poll(10, TimeUnit.SECONDS);
		assertThat(event).as("an event within 10 s").isNotNull();
		return event;
	}

	private static Blob blob(String text) {
		return new Blob(text.getBytes(StandardCharsets.UTF_8), "text/plain", null);
	}

	/**
	 * Records the outcomes as lines.
	 */
	private final class Events implements BlobUploadListener {

		@Override
		public void onDropped(String uploader, io.github.blobupload.DropReason reason, Blob blob) {
			UploadWorkersTests.this.events.add("dropped " + reason.tag());
		}

		@Override
		public void onRetry(String uploader, String uri, Blob blob, int attempt, Throwable error) {
			UploadWorkersTests.this.events.add("retry " + uri + " " + attempt + " " + error.getClass().getSimpleName());
		}

		@Override
		public void onParked(String uploader, String uri, Blob blob, int attempts, Throwable error) {
			UploadWorkersTests.this.events.add("parked " + uri + " " + attempts);
		}

		@Override
		public void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
			UploadWorkersTests.this.events.add("uploaded " + uri + " " + attempts);
		}

		@Override
		public void onFailed(String uploader, String uri, Blob blob, Throwable error, boolean permanent, int attempts) {
			UploadWorkersTests.this.events
				.add("failed " + uri + " " + error.getClass().getSimpleName() + " " + permanent + " " + attempts);
		}

	}

}
