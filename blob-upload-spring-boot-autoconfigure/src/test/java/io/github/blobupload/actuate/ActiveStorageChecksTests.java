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

package io.github.blobupload.actuate;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.testsupport.MutableClock;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.awaitility.Awaitility.await;

/**
 * The caching, timeout and redaction rules of the active check. Storage-backed behaviour
 * is tested against the {@code file:} provider and the emulators
 * ({@code BlobUploadActiveCheckIntegrationTests}); the probes here count calls and block
 * on cue.
 */
class ActiveStorageChecksTests {

	private final MutableClock clock = new MutableClock();

	private final AtomicInteger calls = new AtomicInteger();

	@Test
	void aResultIsReusedWithinTheIntervalAndRenewedAfterIt() {
		ActiveStorageChecks checks = checks(Duration.ofSeconds(5));
		StorageProbe probe = this.calls::incrementAndGet;

		ActiveStorageChecks.Result first = checks.result("s3://bucket/a", probe);
		this.clock.advance(Duration.ofMinutes(4));
		ActiveStorageChecks.Result second = checks.result("s3://bucket/a", probe);

		assertThat(first.up()).isTrue();
		assertThat(first.error()).isNull();
		assertThat(second).isEqualTo(first);
		assertThat(this.calls).hasValue(1);

		this.clock.advance(Duration.ofMinutes(1));
		ActiveStorageChecks.Result third = checks.result("s3://bucket/a", probe);
		assertThat(this.calls).hasValue(2);
		assertThat(third.checkedAt()).isAfter(first.checkedAt());
	}

	@Test
	void destinationsAreCheckedSeparately() {
		ActiveStorageChecks checks = checks(Duration.ofSeconds(5));
		StorageProbe probe = this.calls::incrementAndGet;

		checks.result("s3://bucket/a", probe);
		checks.result("s3://bucket/b", probe);
		checks.result("s3://bucket/a", probe);

		assertThat(this.calls).hasValue(2);
	}

	@Test
	void aFailureIsReportedDownAndCachedLikeASuccess() {
		ActiveStorageChecks checks = checks(Duration.ofSeconds(5));
		StorageProbe probe = () -> {
			this.calls.incrementAndGet();
			throw new PermanentUploadException("Upload to bucket 'b' failed permanently; S3 answered 404 NoSuchBucket");
		};

		ActiveStorageChecks.Result result = checks.result("s3://b", probe);
		checks.result("s3://b", probe);

		assertThat(result.up()).isFalse();
		assertThat(result.error()).isEqualTo(
				"PermanentUploadException: Upload to bucket 'b' failed permanently; S3 answered 404 NoSuchBucket");
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void aCheckWithoutAnAnswerInTimeIsDownWhileItGoesOnAndNoSecondCheckStarts() throws Exception {
		ActiveStorageChecks checks = checks(Duration.ofMillis(100));
		CountDownLatch release = new CountDownLatch(1);
		StorageProbe hanging = blockingProbe(release);
		long start = System.nanoTime();
		ActiveStorageChecks.Result waiting = checks.result("gs://slow", hanging);
		long waitedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

		assertThat(waiting.up()).isFalse();
		assertThat(waiting.error()).startsWith("no answer within PT0.1S");
		assertThat(waitedMillis).isLessThan(5_000);

		this.clock.advance(Duration.ofMinutes(10));
		assertThat(checks.result("gs://slow", hanging).up()).isFalse();
		assertThat(this.calls).hasValue(1);

		release.countDown();
		await().atMost(Duration.ofSeconds(10)).until(() -> checks.result("gs://slow", hanging).up());
		assertThat(this.calls).hasValue(1);
	}

	@Test
	void concurrentHealthRequestsShareOneCheck() throws Exception {
		ActiveStorageChecks checks = checks(Duration.ofSeconds(10));
		CountDownLatch release = new CountDownLatch(1);
		StorageProbe probe = blockingProbe(release);
		ExecutorService requests = Executors.newFixedThreadPool(4);
		try {
			List<Future<ActiveStorageChecks.Result>> results = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				results.add(requests.submit(() -> checks.result("azblob://a/c", probe)));
			}
			await().atMost(Duration.ofSeconds(10)).until(() -> this.calls.get() == 1);
			release.countDown();
			for (Future<ActiveStorageChecks.Result> result : results) {
				assertThat(result.get(10, TimeUnit.SECONDS).up()).isTrue();
			}
			assertThat(this.calls).hasValue(1);
		}
		finally {
			requests.shutdownNow();
		}
	}

	@Test
	void checksOfSeveralDestinationsRunTogetherSoTheWaitIsOneTimeoutAtMost() {
		ActiveStorageChecks checks = checks(Duration.ofSeconds(5));
		CountDownLatch bothStarted = new CountDownLatch(2);
		// Succeeds only if the other destination's check starts while this one runs.
		StorageProbe needsCompany = () -> {
			bothStarted.countDown();
			try {
				if (!bothStarted.await(10, TimeUnit.SECONDS)) {
					throw new IOException("the other check did not start");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IOException("interrupted");
			}
		};

		Map<String, ActiveStorageChecks.Result> results = checks
			.results(Map.of("s3://bucket/a", needsCompany, "s3://bucket/b", needsCompany));

		assertThat(results).hasSize(2).allSatisfy((destination, result) -> assertThat(result.up()).isTrue());
	}

	@Test
	void errorsAreStrippedOfSignaturesKeysAndUserInformationAndShortened() {
		String sas = ActiveStorageChecks.describe(new IOException(
				"PUT https://acct.blob.core.windows.net/c/_blob-upload-health-probe?sv=2024&sig=abc%2Bdef failed"));
		String connection = ActiveStorageChecks.describe(
				new IllegalStateException("bad DefaultEndpointsProtocol=https;AccountName=a;AccountKey=c2VjcmV0;"));
		String user = ActiveStorageChecks.describe(new IOException("cannot reach http://admin:hunter2@minio:9000/b"));
		String longMessage = ActiveStorageChecks.describe(new IOException("x".repeat(2000)));

		assertThat(sas).isEqualTo(
				"IOException: PUT https://acct.blob.core.windows.net/c/_blob-upload-health-probe?(redacted) failed");
		assertThat(connection).contains("AccountName=a;AccountKey=(redacted);").doesNotContain("c2VjcmV0");
		assertThat(user).isEqualTo("IOException: cannot reach http://(redacted)@minio:9000/b")
			.doesNotContain("hunter2");
		assertThat(longMessage).hasSize(503).endsWith("...");
	}

	@Test
	void intervalAndTimeoutMustBePositive() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ActiveStorageChecks(Duration.ZERO, Duration.ofSeconds(1)))
			.withMessageContaining("interval");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new ActiveStorageChecks(Duration.ofMinutes(1), Duration.ofSeconds(-1)))
			.withMessageContaining("timeout");
	}

	/** A probe that counts its calls and answers only once the latch is released. */
	private StorageProbe blockingProbe(CountDownLatch release) {
		return () -> {
			this.calls.incrementAndGet();
			try {
				release.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		};
	}

	/** Checks reusing results for five minutes, on the test clock. */
	private ActiveStorageChecks checks(Duration timeout) {
		return new ActiveStorageChecks(Duration.ofMinutes(5), timeout, this.clock);
	}

}
