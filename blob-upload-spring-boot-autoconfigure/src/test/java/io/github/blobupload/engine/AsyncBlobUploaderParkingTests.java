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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
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
 * Tests for {@link AsyncBlobUploader} when storage is down: blobs are parked, not failed,
 * and uploaded once it is back.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncBlobUploaderParkingTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	private final ScriptedUploader storage = new ScriptedUploader();

	private final List<ManagedBlobUploader> uploaders = new ArrayList<>();

	@AfterEach
	void shutDown() {
		this.uploaders.forEach((uploader) -> uploader.shutdown(Duration.ZERO));
	}

	@Test
	void blobsParkedDuringAnOutageAreUploadedOnceItEnds(CapturedOutput output) {
		this.storage.storageDown(true);
		ManagedBlobUploader uploader = uploader(options());
		List<String> uris = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			uris.add(uploader.uploadAsync(blob("parked " + i)));
		}
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().parked().blobs() == 20);
		BlobUploadStats down = uploader.stats();
		assertThat(down.failed()).isZero();
		assertThat(down.pending()).isEqualTo(20);
		assertThat(down.parked().bytes()).isEqualTo(20 * "parked 0".length() + 10);
		assertThat(down.consecutiveFailures()).isGreaterThanOrEqualTo(20);
		assertThat(output).contains("Blob uploader 'default' parked mem://bucket/")
			.contains("ConnectException: Connection refused (storage is down)")
			.doesNotContain("parked 1");
		assertThat(uploader.flush(Duration.ofMillis(50))).as("flush waits for parked blobs").isFalse();
		this.storage.storageDown(false);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.storage.stored()).containsOnlyKeys(uris);
		BlobUploadStats up = uploader.stats();
		assertThat(up.uploaded()).isEqualTo(20);
		assertThat(up.failed()).isZero();
		assertThat(up.parked().blobs()).isZero();
		assertThat(up.parked().total()).isGreaterThanOrEqualTo(20);
		assertThat(up.consecutiveFailures()).isZero();
		assertThat(up.submitted()).isEqualTo(up.uploaded() + up.failed() + up.droppedTotal() + up.deduplicated());
	}

	@Test
	void whileStorageIsDownOneParkedBlobIsTriedAtATime() {
		this.storage.storageDown(true);
		ManagedBlobUploader uploader = uploader(options());
		for (int i = 0; i < 50; i++) {
			uploader.uploadAsync(blob("parked " + i));
		}
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().parked().blobs() == 50);
		// Each blob has been parked at least once, so each scout waits at least half of
		// min(100 ms, 20 ms * 2) = 20 ms after the last one failed.
		long parkings = uploader.stats().parked().total();
		int calls = this.storage.calls();
		long start = System.nanoTime();
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().parked().total() >= parkings + 4);
		int scouts = this.storage.calls() - calls;
		long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
		assertThat(scouts).as("attempts in %d ms, at most one per 20 ms", elapsedMillis)
			.isBetween(4, (int) (elapsedMillis / 20) + 2);
		assertThat(uploader.stats().parked().blobs()).isGreaterThanOrEqualTo(49);
		assertThat(uploader.stats().failed()).isZero();
	}

	@Test
	void aParkedBlobDoesNotHoldUpFreshOnes() throws Exception {
		AtomicInteger poisonAttempts = new AtomicInteger();
		ScriptedUploader poisoned = new ScriptedUploader() {

			@Override
			public void uploadSync(String uri, Blob blob) throws java.io.IOException {
				if (new String(blob.rawBytes(), StandardCharsets.UTF_8).equals("poison")) {
					poisonAttempts.incrementAndGet();
					throw new java.io.IOException("503 Slow Down");
				}
				super.uploadSync(uri, blob);
			}

		};
		CountDownLatch fresh = new CountDownLatch(10);
		BlobUploadListener listener = new BlobUploadListener() {

			@Override
			public void onUploaded(String name, String uri, Blob blob, Duration duration, int attempts) {
				fresh.countDown();
			}

		};
		ManagedBlobUploader uploader = uploader(options(poisoned).workers(1).listener(listener));
		uploader.uploadAsync(blob("poison"));
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().parked().total() >= 1);
		for (int i = 0; i < 10; i++) {
			uploader.uploadAsync(blob("fresh " + i));
		}
		int attemptsBefore = poisonAttempts.get();
		assertThat(fresh.await(10, TimeUnit.SECONDS)).isTrue();
		// Released once when the first fresh blob showed storage works, not once per
		// upload.
		assertThat(poisonAttempts.get() - attemptsBefore).isLessThanOrEqualTo(2);
		assertThat(uploader.stats().uploaded()).isEqualTo(10);
		assertThat(uploader.stats().failed()).isZero();
		assertThat(poisoned.stored()).hasSize(10);
	}

	@Test
	void aBlobStillNotUploadedAtItsMaximumAgeFails(CapturedOutput output) {
		this.storage.storageDown(true);
		ManagedBlobUploader uploader = uploader(options().maxAge(Duration.ofMillis(300)));
		String uri = uploader.uploadAsync(blob("too old"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.failed()).isOne();
		assertThat(stats.parked().total()).isPositive();
		assertThat(stats.lastError().uri()).isEqualTo(uri);
		assertThat(stats.lastError().message())
			.startsWith("IOException: still not uploaded after PT0.3S, the maximum age")
			.endsWith("last error: ConnectException: Connection refused (storage is down)");
		assertThat(stats.lastError().permanent()).isFalse();
		assertThat(this.storage.stored()).isEmpty();
	}

	@Test
	void aPermanentErrorFailsAtOnceWithoutParking() {
		this.storage.then(Action.failPermanently("403 Access Denied"));
		ManagedBlobUploader uploader = uploader(options());
		uploader.uploadAsync(blob("denied"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.stats().failed()).isOne();
		assertThat(uploader.stats().parked().total()).isZero();
		assertThat(this.storage.calls()).isOne();
	}

	@Test
	void shutdownDropsParkedBlobsAndCountsThem() {
		this.storage.storageDown(true);
		ManagedBlobUploader uploader = uploader(options());
		for (int i = 0; i < 5; i++) {
			uploader.uploadAsync(blob("parked " + i));
		}
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().parked().blobs() == 5);
		assertThat(uploader.shutdown(Duration.ofMillis(100))).isFalse();
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.dropped(DropReason.SHUTDOWN_TIMEOUT)).isEqualTo(5);
		assertThat(stats.parked().blobs()).isZero();
		assertThat(stats.pendingBytes()).isZero();
		assertThat(stats.submitted()).isEqualTo(stats.uploaded() + stats.failed() + stats.droppedTotal());
	}

	private AsyncBlobUploaderBuilder options() {
		return options(this.storage);
	}

	private static AsyncBlobUploaderBuilder options(ScriptedUploader storage) {
		return AsyncBlobUploader.builder(storage)
			.maxAttempts(2)
			.initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(20))
			.maxParkedBackoff(Duration.ofMillis(100))
			.uploadTimeout(Duration.ofSeconds(10));
	}

	private ManagedBlobUploader uploader(AsyncBlobUploaderBuilder options) {
		ManagedBlobUploader uploader = options.build();
		this.uploaders.add(uploader);
		return uploader;
	}

	private static Blob blob(String content) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "text/plain", null);
	}

}
