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
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.testsupport.ScriptedUploader;
import io.github.blobupload.testsupport.ScriptedUploader.Action;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AsyncBlobUploader}.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncBlobUploaderTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	private final List<ManagedBlobUploader> uploaders = new ArrayList<>();

	private final ScriptedUploader provider = new ScriptedUploader();

	@AfterEach
	void shutDown() {
		this.uploaders.forEach((uploader) -> uploader.shutdown(Duration.ZERO));
	}

	@Test
	void returnsTheDestinationAtOnceAndUploadsInTheBackground() {
		ManagedBlobUploader uploader = uploader(options());
		Blob blob = blob("hello");
		String uri = uploader.uploadAsync(blob);
		assertThat(uri).isEqualTo(this.provider.generateDestinationUri(blob));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.stored()).containsOnlyKeys(uri);
		assertThat(this.provider.stored().get(uri)).asString(StandardCharsets.UTF_8).isEqualTo("hello");
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.submitted()).isEqualTo(1);
		assertThat(stats.uploaded()).isEqualTo(1);
		assertThat(stats.pending()).isZero();
		assertThat(stats.pendingBytes()).isZero();
		assertThat(stats.lastSuccess()).isNotNull();
	}

	@Test
	void refusesEmptyBlobs(CapturedOutput output) {
		ManagedBlobUploader uploader = uploader(options());
		assertThat(uploader.uploadAsync(new Blob(new byte[0], "image/png", null))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().dropped(DropReason.EMPTY)).isEqualTo(1);
		assertThat(this.provider.calls()).isZero();
		assertThat(output).contains("refused a blob (empty): the blob is empty; 1 refused for this reason so far");
	}

	@Test
	void refusesBlobsOverTheSizeLimit(CapturedOutput output) {
		ManagedBlobUploader uploader = uploader(options().maxBlobBytes(4));
		assertThat(uploader.uploadAsync(blob("12345"))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(blob("1234"))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.stats().dropped(DropReason.TOO_LARGE)).isEqualTo(1);
		assertThat(uploader.stats().uploaded()).isEqualTo(1);
		assertThat(output).contains("refused a blob (too_large): the blob has 5 bytes, over the limit of 4");
	}

	@Test
	void refusesWhenTheQueueIsFullInItems(CapturedOutput output) throws Exception {
		this.provider.blockUploads();
		// The bound counts every blob held in memory, the one in flight included.
		ManagedBlobUploader uploader = uploader(options().workers(1).maxQueueSize(3));
		assertThat(uploader.uploadAsync(blob("in flight"))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		this.provider.awaitStarted(1);
		assertThat(uploader.uploadAsync(blob("queued 1"))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(blob("queued 2"))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(blob("refused"))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().dropped(DropReason.QUEUE_FULL)).isEqualTo(1);
		assertThat(uploader.stats().queuedBlobs()).isEqualTo(2);
		assertThat(uploader.stats().inFlight()).isEqualTo(1);
		assertThat(output).contains("refused a blob (queue_full): the queue is full (3 blobs held)");
		this.provider.open(3);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.stored()).hasSize(3);
	}

	@Test
	void refusesWhenTheQueueIsFullInBytesCountingBlobsInFlight(CapturedOutput output) throws Exception {
		this.provider.blockUploads();
		ManagedBlobUploader uploader = uploader(options().workers(1).maxQueueBytes(10).maxBlobBytes(10));
		assertThat(uploader.uploadAsync(blob("123456"))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		this.provider.awaitStarted(1);
		assertThat(uploader.uploadAsync(blob("1234"))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().pendingBytes()).isEqualTo(10);
		assertThat(uploader.uploadAsync(blob("x"))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().dropped(DropReason.QUEUE_FULL)).isEqualTo(1);
		assertThat(output).contains("refused a blob (queue_full): the queue is full in bytes (10 of 10 bytes held)");
		this.provider.open(2);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.stats().pendingBytes()).isZero();
		assertThat(uploader.stats().peakPendingBytes()).isEqualTo(10);
		assertThat(uploader.uploadAsync(blob("x"))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
	}

	@Test
	void aBurstOfRefusalsIsLoggedAsItsFirstLineAndOneSummaryAtShutdown(CapturedOutput output) throws Exception {
		this.provider.blockUploads();
		ManagedBlobUploader uploader = uploader(options().name("burst").workers(1).maxQueueSize(2));
		uploader.uploadAsync(blob("in flight"));
		this.provider.awaitStarted(1);
		uploader.uploadAsync(blob("queued"));
		for (int i = 0; i < 500; i++) {
			assertThat(uploader.uploadAsync(blob("refused " + i))).isEqualTo(BlobUploader.NOT_UPLOADED);
		}
		assertThat(uploader.uploadAsync(new Blob(new byte[0], null, null))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(output).containsOnlyOnce("refused a blob").contains("1 refused for this reason so far");
		this.provider.open(2);
		uploader.shutdown(FLUSH);
		assertThat(output).containsOnlyOnce("refused a blob")
			.containsOnlyOnce("Blob uploader 'burst' refused 500 more blobs since the last report; "
					+ "refused so far: empty=1, queue_full=500");
	}

	@Test
	void failuresAndListenerErrorsAreLoggedAsTheirFirstLineAndOneSummaryEach(CapturedOutput output) {
		BlobUploadListener throwing = new BlobUploadListener() {

			@Override
			public void onFailed(String name, String uri, Blob blob, Throwable error, boolean permanent, int attempts) {
				throw new IllegalStateException("listener bug");
			}

		};
		for (int failures : new int[] { 2, 3 }) {
			ScriptedUploader failing = new ScriptedUploader();
			ManagedBlobUploader uploader = track(options(failing).name("failing-" + failures)
				.workers(1)
				.maxAttempts(1)
				.maxAge(Duration.ZERO)
				.listener(throwing)
				.build());
			for (int i = 1; i <= failures; i++) {
				failing.then(Action.fail("boom " + i));
				uploader.uploadAsync(blob("doomed " + i));
				assertThat(uploader.flush(FLUSH)).isTrue();
			}
			uploader.shutdown(FLUSH);
		}
		assertThat(output).containsOnlyOnce("Blob uploader 'failing-2' failed to upload mem://")
			.contains("after 1 attempt: IOException: boom 1; 1 failed so far")
			.containsOnlyOnce("Blob uploader 'failing-2' failed to upload 1 more blob since the last report; "
					+ "2 failed so far; last error: IOException: boom 2")
			.containsOnlyOnce("Blob uploader 'failing-3' failed to upload 2 more blobs since the last report; "
					+ "3 failed so far; last error: IOException: boom 3")
			.containsOnlyOnce("Blob upload listener threw 1 more time since the last report")
			.containsOnlyOnce("Blob upload listener threw 2 more times since the last report");
	}

	@Test
	void anIdleWorkerReportsABurstThatEndedOnceTheLogIntervalHasPassed(CapturedOutput output) throws Exception {
		this.provider.blockUploads();
		ManagedBlobUploader uploader = uploader(
				options().name("trailing").workers(1).maxQueueSize(2).logInterval(Duration.ofSeconds(1)));
		uploader.uploadAsync(blob("in flight"));
		this.provider.awaitStarted(1);
		uploader.uploadAsync(blob("queued"));
		for (int i = 0; i < 50; i++) {
			uploader.uploadAsync(blob("refused " + i));
		}
		this.provider.open(2);
		assertThat(uploader.flush(FLUSH)).isTrue();
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.untilAsserted(() -> assertThat(output.getOut() + output.getErr())
				.contains("Blob uploader 'trailing' refused 49 more blobs since the last report; "
						+ "refused so far: queue_full=50"));
		assertThat(uploader.stats().shutdown()).isFalse();
	}

	@Test
	void refusesAfterShutdown(CapturedOutput output) {
		ManagedBlobUploader uploader = uploader(options());
		assertThat(uploader.shutdown(FLUSH)).isTrue();
		assertThat(uploader.uploadAsync(blob("late"))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().dropped(DropReason.ALREADY_SHUTDOWN)).isEqualTo(1);
		assertThat(uploader.stats().shutdown()).isTrue();
		assertThat(output).contains("refused a blob (already_shutdown): the uploader has been shut down");
	}

	@Test
	void refusesBlobsWhoseContentTypeCannotBeSentToStorage(CapturedOutput output) {
		ManagedBlobUploader uploader = uploader(options());
		byte[] content = "x".getBytes(StandardCharsets.UTF_8);
		assertThat(uploader.uploadAsync(new Blob(content, "image/png\r\nX-Injected: yes", null)))
			.isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(new Blob(content, "image/png; name=\"caf\u00e9\"", null)))
			.isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(new Blob(content, "image/" + "x".repeat(2000), null)))
			.isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(new Blob(content, "image/png; name=\"a b\"", null)))
			.isNotEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.stats().dropped(DropReason.INVALID)).isEqualTo(3);
		assertThat(this.provider.calls()).isEqualTo(1);
		assertThat(output).contains("refused a blob (invalid): its content type cannot be sent to storage")
			.doesNotContain("X-Injected");
	}

	@Test
	void refusesBlobsTheProviderCannotName(CapturedOutput output) {
		SimpleBlobUploader unnameable = new SimpleBlobUploader() {

			@Override
			public String generateDestinationUri(Blob blob) {
				throw new IllegalStateException("no bucket");
			}

			@Override
			public void uploadSync(String uri, Blob blob) {
			}

		};
		ManagedBlobUploader uploader = track(options(unnameable).build());
		assertThat(uploader.uploadAsync(blob("x"))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(null)).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().dropped(DropReason.INVALID)).isEqualTo(2);
		assertThat(output)
			.contains("refused a blob (invalid): no destination could be named: IllegalStateException: no bucket");
		ManagedBlobUploader nullFirst = uploader(options().name("null-first"));
		assertThat(nullFirst.uploadAsync(null)).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(output).contains("Blob uploader 'null-first' refused a blob (invalid): a null blob was given");
	}

	@Test
	void retriesTransientFailuresThenSucceeds() {
		this.provider.then(Action.fail("503 Slow Down"), Action.fail("connection reset"), Action.SUCCEED);
		ManagedBlobUploader uploader = uploader(options().maxAttempts(3));
		String uri = uploader.uploadAsync(blob("retry me"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.stored()).containsKey(uri);
		assertThat(this.provider.calls()).isEqualTo(3);
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.uploaded()).isEqualTo(1);
		assertThat(stats.retries()).isEqualTo(2);
		assertThat(stats.failed()).isZero();
	}

	@Test
	void givesUpAfterTheLastAttemptAndRecordsTheError(CapturedOutput output) {
		this.provider.then(Action.fail("boom 1"), Action.fail("boom 2"), Action.fail("boom 3"));
		// With parking off, as with storage that never recovers until the maximum age.
		ManagedBlobUploader uploader = uploader(options().maxAttempts(3).maxAge(Duration.ZERO));
		String uri = uploader.uploadAsync(blob("doomed"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.failed()).isEqualTo(1);
		assertThat(stats.retries()).isEqualTo(2);
		assertThat(stats.consecutiveFailures()).isEqualTo(1);
		assertThat(stats.lastError()).isNotNull();
		assertThat(stats.lastError().uri()).isEqualTo(uri);
		assertThat(stats.lastError().message()).isEqualTo("IOException: boom 3");
		assertThat(stats.lastError().attempts()).isEqualTo(3);
		assertThat(stats.lastError().permanent()).isFalse();
		assertThat(output).contains("failed to upload " + uri + " after 3 attempts: IOException: boom 3")
			.doesNotContain("doomed");
	}

	@Test
	void doesNotRetryPermanentFailures() {
		this.provider.then(Action.failPermanently("bucket 'nope' does not exist"));
		ManagedBlobUploader uploader = uploader(options().maxAttempts(5));
		uploader.uploadAsync(blob("x"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.calls()).isEqualTo(1);
		assertThat(uploader.stats().failed()).isEqualTo(1);
		assertThat(uploader.stats().retries()).isZero();
		assertThat(uploader.stats().lastError().permanent()).isTrue();
		assertThat(uploader.stats().lastError().message()).contains("bucket 'nope' does not exist");
	}

	@Test
	void abandonsAnAttemptThatExceedsTheUploadTimeoutAndRetries() {
		CountDownLatch never = new CountDownLatch(1);
		this.provider.then(Action.hang(never), Action.SUCCEED);
		ManagedBlobUploader uploader = uploader(options().uploadTimeout(Duration.ofMillis(200)).maxAttempts(2));
		String uri = uploader.uploadAsync(blob("slow"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.stored()).containsKey(uri);
		assertThat(uploader.stats().retries()).isEqualTo(1);
	}

	@Test
	void uploadsTheSameContentOnceWhileInFlightAndWhileRemembered() throws Exception {
		this.provider.blockUploads();
		ManagedBlobUploader uploader = uploader(options());
		String first = uploader.uploadAsync(blob("same image"));
		this.provider.awaitStarted(1);
		assertThat(uploader.uploadAsync(blob("same image"))).isEqualTo(first);
		this.provider.open(1);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.uploadAsync(blob("same image"))).isEqualTo(first);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.calls()).isEqualTo(1);
		assertThat(uploader.stats().deduplicated()).isEqualTo(2);
		assertThat(uploader.stats().uploaded()).isEqualTo(1);
	}

	@Test
	void uploadsAgainWhenTheEarlierUploadFailed() {
		this.provider.then(Action.failPermanently("denied"));
		ManagedBlobUploader uploader = uploader(options());
		uploader.uploadAsync(blob("again"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		uploader.uploadAsync(blob("again"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.calls()).isEqualTo(2);
		assertThat(uploader.stats().uploaded()).isEqualTo(1);
		assertThat(uploader.stats().consecutiveFailures()).isZero();
	}

	@Test
	void uploadsEveryTimeWhenDeduplicationIsOff() {
		ManagedBlobUploader uploader = uploader(options().dedupeCacheSize(0));
		uploader.uploadAsync(blob("twice"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		uploader.uploadAsync(blob("twice"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.calls()).isEqualTo(2);
	}

	@Test
	void flushWaitsOnlyForBlobsAcceptedBeforeIt() throws Exception {
		GatedUploader gated = new GatedUploader();
		ManagedBlobUploader uploader = track(options(gated).workers(2).build());
		String first = uploader.uploadAsync(blob("first"));
		gated.awaitStarted(first);
		assertThat(uploader.flush(Duration.ofMillis(50))).isFalse();
		CompletableFuture<Boolean> flush = new CompletableFuture<>();
		Thread flushing = new Thread(() -> flush.complete(uploader.flush(FLUSH)), "flushing");
		flushing.start();
		// Waiting means the flush has taken note of what it waits for.
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> flushing.getState() == Thread.State.TIMED_WAITING);
		// A blob accepted after the flush started, uploading alongside the first one,
		// does not hold that flush up.
		String second = uploader.uploadAsync(blob("second"));
		gated.awaitStarted(second);
		gated.release(first);
		assertThat(flush.get(5, TimeUnit.SECONDS)).isTrue();
		assertThat(gated.stored()).containsOnlyKeys(first);
		assertThat(uploader.stats().inFlight()).isOne();
		assertThat(uploader.flush(Duration.ofMillis(50))).isFalse();
		gated.release(second);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(gated.stored()).containsOnlyKeys(first, second);
	}

	@Test
	void shutdownUploadsWhatFitsInTheTimeoutAndReportsTheRest(CapturedOutput output) throws Exception {
		this.provider.blockUploads();
		List<String> dropped = Collections.synchronizedList(new ArrayList<>());
		BlobUploadListener listener = new BlobUploadListener() {

			@Override
			public void onDropped(String name, DropReason reason, Blob blob) {
				dropped.add(reason.tag() + " " + new String(blob.rawBytes(), StandardCharsets.UTF_8));
			}

		};
		ManagedBlobUploader uploader = uploader(options().workers(1).listener(listener));
		List<String> uris = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			uris.add(uploader.uploadAsync(blob("blob " + i)));
		}
		this.provider.awaitStarted(1);
		this.provider.open(2);
		long start = System.nanoTime();
		assertThat(uploader.shutdown(Duration.ofMillis(300))).isFalse();
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.uploaded()).isEqualTo(2);
		assertThat(stats.dropped(DropReason.SHUTDOWN_TIMEOUT)).isEqualTo(3);
		assertThat(stats.submitted()).isEqualTo(stats.uploaded() + stats.failed() + stats.droppedTotal());
		assertThat(stats.pending()).isZero();
		assertThat(stats.pendingBytes()).isZero();
		assertThat(this.provider.stored()).containsOnlyKeys(uris.get(0), uris.get(1));
		assertThat(stats.retries()).isZero();
		assertThat(output).containsOnlyOnce("shut down after").contains("with 3 blobs (18 bytes) not uploaded");
		Matcher took = Pattern.compile("shut down after (\\d+) ms").matcher(output.getOut());
		assertThat(took.find()).isTrue();
		assertThat(Long.parseLong(took.group(1))).isBetween(300L,
				Duration.ofNanos(System.nanoTime() - start).toMillis());
		assertThat(dropped).containsExactlyInAnyOrder("shutdown_timeout blob 2", "shutdown_timeout blob 3",
				"shutdown_timeout blob 4");
		assertThat(uploader.flush(Duration.ofMillis(10))).isTrue();
		assertThat(uploader.shutdown(FLUSH)).as("a second shutdown reports what the first left").isFalse();
	}

	@Test
	void shutdownIsIdempotentAndStopsTheWorkers(CapturedOutput output) {
		ManagedBlobUploader uploader = uploader(options().name("idem"));
		assertThat(uploader.name()).isEqualTo("idem");
		uploader.uploadAsync(blob("x"));
		assertThat(uploader.shutdown(FLUSH)).isTrue();
		assertThat(uploader.shutdown(FLUSH)).isTrue();
		uploader.close();
		assertThat(this.provider.stored()).hasSize(1);
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().startsWith("blob-upload-idem-worker") && thread.isAlive());
		// The I/O thread that ran the upload would otherwise idle for a minute.
		Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> Thread.getAllStackTraces()
				.keySet()
				.stream()
				.noneMatch((thread) -> thread.getName().startsWith("blob-upload-idem-io") && thread.isAlive()));
		assertThat(output).as("nothing was left to report").doesNotContain("shut down after");
	}

	@Test
	void aBlobRefusedAsQueueFullIsUploadedWhenSentAgain() throws Exception {
		this.provider.blockUploads();
		ManagedBlobUploader uploader = uploader(
				options().workers(1).maxQueueSize(2).maxQueueBytes(20).maxBlobBytes(10));
		uploader.uploadAsync(blob("in flight"));
		this.provider.awaitStarted(1);
		uploader.uploadAsync(blob("queued"));
		// 15 bytes held: 3 more fit in bytes but not in blobs, 8 more fit in neither.
		assertThat(uploader.uploadAsync(blob("abc"))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(blob("too many"))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().dropped(DropReason.QUEUE_FULL)).isEqualTo(2);
		this.provider.open(100);
		assertThat(uploader.flush(FLUSH)).isTrue();

		// A refused blob was never uploaded: the same content sent again is uploaded.
		String abc = uploader.uploadAsync(blob("abc"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		String tooMany = uploader.uploadAsync(blob("too many"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.stored()).containsKeys(abc, tooMany).hasSize(4);
		assertThat(uploader.stats().deduplicated()).isZero();
		assertThat(uploader.stats().uploaded()).isEqualTo(4);
	}

	@Test
	void theOnlyWorkerKeepsUploadingAfterABlobFails() {
		this.provider.then(Action.failPermanently("denied"), Action.fail("503 Slow Down"));
		ManagedBlobUploader uploader = uploader(options().workers(1).maxAttempts(1).maxAge(Duration.ZERO));
		uploader.uploadAsync(blob("fails permanently"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		uploader.uploadAsync(blob("fails after its last attempt"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		String uri = uploader.uploadAsync(blob("succeeds"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.stored()).containsOnlyKeys(uri);
		assertThat(uploader.stats().failed()).isEqualTo(2);
		assertThat(uploader.stats().uploaded()).isOne();
	}

	@Test
	void waitsTheBackoffBeforeARetryAndReportsTheWholeUploadTime() {
		this.provider.then(Action.fail("503 Slow Down"));
		List<Duration> durations = Collections.synchronizedList(new ArrayList<>());
		BlobUploadListener listener = new BlobUploadListener() {

			@Override
			public void onUploaded(String name, String uri, Blob blob, Duration duration, int attempts) {
				durations.add(duration);
			}

		};
		// A backoff of 200 ms with equal jitter waits between 100 and 200 ms.
		ManagedBlobUploader uploader = uploader(
				options().initialBackoff(Duration.ofMillis(200)).maxBackoff(Duration.ofMillis(200)).listener(listener));
		long start = System.nanoTime();
		uploader.uploadAsync(blob("retried"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(this.provider.calls()).isEqualTo(2);
		assertThat(durations).singleElement()
			.satisfies((duration) -> assertThat(duration).isBetween(Duration.ofMillis(100), elapsed));
	}

	@Test
	void forgetsTheLeastRecentlyUsedUploadOnceTheDedupeCacheIsFull() {
		ManagedBlobUploader uploader = uploader(options().dedupeCacheSize(2));
		for (String content : List.of("a", "b", "a", "c")) {
			uploader.uploadAsync(blob(content));
			assertThat(uploader.flush(FLUSH)).isTrue();
		}
		assertThat(this.provider.calls()).as("a, b and c uploaded, a again deduplicated").isEqualTo(3);
		// "b" was used least recently and made room for "c".
		uploader.uploadAsync(blob("b"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.provider.calls()).isEqualTo(4);
		assertThat(uploader.stats().deduplicated()).isOne();
	}

	@Test
	void acceptsContentTypesUpToTheLongestThatCanBeSent() {
		ManagedBlobUploader uploader = uploader(options());
		byte[] content = "x".getBytes(StandardCharsets.UTF_8);
		String longest = "image/" + "x".repeat(1024 - "image/".length());
		assertThat(uploader.uploadAsync(new Blob(content, longest, null))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(new Blob("y".getBytes(StandardCharsets.UTF_8), longest + "x", null)))
			.isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.stats().uploaded()).isOne();
		assertThat(uploader.stats().dropped(DropReason.INVALID)).isOne();
	}

	@Test
	void refusesAContentTypeThatStartsWithACharacterOutsideAscii() {
		ManagedBlobUploader uploader = uploader(options());
		assertThat(uploader.uploadAsync(new Blob("x".getBytes(StandardCharsets.UTF_8), "\u00e9/png", null)))
			.isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().dropped(DropReason.INVALID)).isOne();
	}

	@Test
	void itsThreadsDoNotKeepTheJvmRunning() throws Exception {
		this.provider.blockUploads();
		ManagedBlobUploader uploader = uploader(options().name("daemons").workers(1));
		uploader.uploadAsync(blob("in flight"));
		this.provider.awaitStarted(1);
		// One worker, the I/O thread running its attempt and the retry lot's thread.
		assertThat(Thread.getAllStackTraces().keySet())
			.filteredOn((thread) -> thread.getName().startsWith("blob-upload-daemons-"))
			.hasSize(3)
			.allMatch(Thread::isDaemon);
		this.provider.open(1);
	}

	@Test
	void aBlobOfferedWhileTheUploaderShutsDownIsRefusedNotStranded(CapturedOutput output) {
		AtomicReference<ManagedBlobUploader> self = new AtomicReference<>();
		List<String> dropped = Collections.synchronizedList(new ArrayList<>());
		SimpleBlobUploader shutsDownWhileNaming = new ScriptedUploader() {

			@Override
			public String generateDestinationUri(Blob blob) {
				// The caller has passed the shutdown check; the shutdown drains the queue
				// now.
				assertThat(self.get().shutdown(FLUSH)).isTrue();
				return super.generateDestinationUri(blob);
			}

		};
		BlobUploadListener listener = new BlobUploadListener() {

			@Override
			public void onDropped(String name, DropReason reason, Blob blob) {
				dropped.add(reason.tag());
			}

		};
		ManagedBlobUploader uploader = track(options(shutsDownWhileNaming).listener(listener).build());
		self.set(uploader);
		assertThat(uploader.uploadAsync(blob("late"))).isEqualTo(BlobUploader.NOT_UPLOADED);
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.dropped(DropReason.ALREADY_SHUTDOWN)).isOne();
		assertThat(stats.queuedBlobs()).isZero();
		assertThat(stats.pendingBytes()).isZero();
		assertThat(uploader.flush(Duration.ZERO)).as("nothing left to wait for").isTrue();
		assertThat(dropped).containsExactly("already_shutdown");
		assertThat(output).contains("refused a blob (already_shutdown): the uploader has been shut down");
	}

	@Test
	void aBlobWaitingForItsRetryIsDroppedAtShutdown() throws Exception {
		this.provider.then(Action.fail("503 Slow Down"));
		CountDownLatch retrying = new CountDownLatch(1);
		List<String> dropped = Collections.synchronizedList(new ArrayList<>());
		BlobUploadListener listener = new BlobUploadListener() {

			@Override
			public void onRetry(String name, String uri, Blob blob, int attempt, Throwable error) {
				retrying.countDown();
			}

			@Override
			public void onDropped(String name, DropReason reason, Blob blob) {
				dropped.add(reason.tag());
			}

		};
		ManagedBlobUploader uploader = uploader(
				options().initialBackoff(Duration.ofMinutes(1)).maxBackoff(Duration.ofMinutes(1)).listener(listener));
		uploader.uploadAsync(blob("backing off"));
		assertThat(retrying.await(10, TimeUnit.SECONDS)).isTrue();
		assertThat(uploader.shutdown(Duration.ZERO)).isFalse();
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.dropped(DropReason.SHUTDOWN_TIMEOUT)).isOne();
		assertThat(stats.failed()).isZero();
		assertThat(stats.inFlight()).isZero();
		assertThat(stats.pendingBytes()).isZero();
		assertThat(this.provider.calls()).isOne();
		assertThat(dropped).containsExactly("shutdown_timeout");
	}

	@Test
	void anInterruptedFlushReturnsFalseAtOnceAndKeepsTheInterrupt() throws Exception {
		this.provider.blockUploads();
		ManagedBlobUploader uploader = uploader(options());
		uploader.uploadAsync(blob("in flight"));
		this.provider.awaitStarted(1);
		Thread.currentThread().interrupt();
		try {
			assertThat(uploader.flush(FLUSH)).isFalse();
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
			this.provider.open(1);
		}
	}

	@Test
	void aShutdownCalledFromAnInterruptedThreadKeepsTheInterrupt() {
		ManagedBlobUploader uploader = uploader(options());
		Thread.currentThread().interrupt();
		try {
			assertThat(uploader.shutdown(FLUSH)).isTrue();
			assertThat(Thread.currentThread().isInterrupted()).isTrue();
		}
		finally {
			Thread.interrupted();
		}
		assertThat(uploader.stats().shutdown()).isTrue();
	}

	@Test
	void countsAddUpUnderConcurrentCallersWithFailuresAndRefusals() throws Exception {
		AtomicInteger calls = new AtomicInteger();
		Set<String> stored = ConcurrentHashMap.newKeySet();
		SimpleBlobUploader flaky = new SimpleBlobUploader() {

			@Override
			public String generateDestinationUri(Blob blob) {
				return "mem://bucket/" + io.github.blobupload.BlobNamingStrategies.contentAddressed().objectName(blob);
			}

			@Override
			public void uploadSync(String uri, Blob blob) throws IOException {
				if (calls.incrementAndGet() % 5 == 0) {
					throw new IOException("every fifth call fails");
				}
				stored.add(uri);
			}

		};
		ManagedBlobUploader uploader = track(options(flaky).workers(3)
			.maxQueueSize(50)
			.maxAttempts(2)
			.maxAge(Duration.ZERO)
			.logInterval(Duration.ofHours(1))
			.build());
		int threads = 8;
		int perThread = 500;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService callers = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			done.add(callers.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					// Every tenth blob repeats content, to exercise deduplication.
					String content = (i % 10 == 0) ? "shared " + (i % 30) : "blob " + thread + "-" + i;
					uploader.uploadAsync(blob(content));
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get(30, TimeUnit.SECONDS);
		}
		callers.shutdown();
		assertThat(uploader.flush(Duration.ofSeconds(30))).isTrue();
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.submitted()).isEqualTo(threads * perThread);
		assertThat(stats.submitted())
			.isEqualTo(stats.deduplicated() + stats.uploaded() + stats.failed() + stats.droppedTotal());
		assertThat(stats.uploaded()).isEqualTo(stored.size());
		assertThat(stats.pending()).isZero();
		assertThat(stats.pendingBytes()).isZero();
		assertThat(stats.uploaded()).isPositive();
	}

	@Test
	void listenerHearsEveryOutcomeAndCannotBreakTheUploader(CapturedOutput output) {
		List<String> events = Collections.synchronizedList(new ArrayList<>());
		BlobUploadListener listener = new BlobUploadListener() {

			@Override
			public void onAccepted(String name, String uri, Blob blob) {
				events.add("accepted");
				throw new IllegalStateException("listener bug");
			}

			@Override
			public void onDropped(String name, DropReason reason, Blob blob) {
				events.add("dropped " + reason.tag());
			}

			@Override
			public void onRetry(String name, String uri, Blob blob, int attempt, Throwable error) {
				events.add("retry " + attempt);
			}

			@Override
			public void onUploaded(String name, String uri, Blob blob, Duration duration, int attempts) {
				events.add("uploaded after " + attempts);
			}

		};
		this.provider.then(Action.fail("once"));
		ManagedBlobUploader uploader = uploader(options().listener(listener).maxBlobBytes(100));
		String uri = uploader.uploadAsync(blob("listened"));
		assertThat(uri).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		uploader.uploadAsync(new Blob(new byte[101], null, null));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(events).containsExactlyInAnyOrder("accepted", "dropped too_large", "retry 1", "uploaded after 2");
		assertThat(events.indexOf("retry 1")).isLessThan(events.indexOf("uploaded after 2"));
		assertThat(this.provider.stored()).containsKey(uri);
		assertThat(output).containsOnlyOnce("Blob upload listener threw IllegalStateException: listener bug");
	}

	/** Names each blob after its content and holds each upload until it is released. */
	private static final class GatedUploader implements SimpleBlobUploader {

		private final Map<String, CountDownLatch> releases = new ConcurrentHashMap<>();

		private final Map<String, CountDownLatch> started = new ConcurrentHashMap<>();

		private final Map<String, byte[]> stored = new ConcurrentHashMap<>();

		@Override
		public String generateDestinationUri(Blob blob) {
			return "mem://bucket/" + new String(blob.rawBytes(), StandardCharsets.UTF_8);
		}

		@Override
		public void uploadSync(String uri, Blob blob) throws IOException {
			latch(this.started, uri).countDown();
			try {
				latch(this.releases, uri).await();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while held");
			}
			this.stored.put(uri, blob.rawBytes());
		}

		void awaitStarted(String uri) throws InterruptedException {
			assertThat(latch(this.started, uri).await(10, TimeUnit.SECONDS)).as("upload of %s started", uri).isTrue();
		}

		void release(String uri) {
			latch(this.releases, uri).countDown();
		}

		Map<String, byte[]> stored() {
			return this.stored;
		}

		private static CountDownLatch latch(Map<String, CountDownLatch> latches, String uri) {
			return latches.computeIfAbsent(uri, (key) -> new CountDownLatch(1));
		}

	}

	@Test
	void aBlobRefusedForItsBytesGivesBackItsSlotAndItsDestination() throws Exception {
		this.provider.blockUploads();
		ManagedBlobUploader uploader = uploader(options().maxQueueSize(2).maxQueueBytes(20).maxBlobBytes(20));
		assertThat(uploader.uploadAsync(blob("fifteen bytes.."))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		this.provider.awaitStarted(1);
		Blob tooMany = blob("ten bytes.");

		assertThat(uploader.uploadAsync(tooMany)).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(tooMany)).as("refused again, not deduplicated")
			.isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(blob("five."))).as("the second slot is free")
			.isNotEqualTo(BlobUploader.NOT_UPLOADED);

		this.provider.open(2);
		assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
		assertThat(uploader.stats().deduplicated()).isZero();
		assertThat(uploader.stats().dropped()).containsEntry(DropReason.QUEUE_FULL, 2L);
	}

	private AsyncBlobUploaderBuilder options() {
		return options(this.provider);
	}

	private static AsyncBlobUploaderBuilder options(SimpleBlobUploader provider) {
		return AsyncBlobUploader.builder(provider)
			.initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(5))
			.uploadTimeout(Duration.ofSeconds(10));
	}

	private ManagedBlobUploader uploader(AsyncBlobUploaderBuilder options) {
		return track(options.build());
	}

	private ManagedBlobUploader track(ManagedBlobUploader uploader) {
		this.uploaders.add(uploader);
		return uploader;
	}

	private static Blob blob(String content) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "text/plain", null);
	}

}
