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

package io.github.blobupload.reliability;

import java.time.Duration;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.testsupport.FaultInjector;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.StorageEmulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that answers with errors, cuts the connection or does not answer in time,
 * caused by a local HTTP server the client is pointed at: it passes requests on to the
 * real emulator (S3, Azure) or answers as Google Cloud Storage does, except when a fault
 * is injected. Throttling, server errors and cut connections are retried and count as
 * failed (not permanent) only when they persist; attempts that outlast
 * {@code blob.upload.worker.upload-timeout} are abandoned, by the engine and the client,
 * and retried.
 */
class StorageErrorAnswersIntegrationTests {

	private static final String CONNECTION_RESET = "connection reset";

	static Stream<Arguments> retryableAnswers() {
		return Stream.of(StorageTarget.values())
			.flatMap((target) -> Stream.of("500", "429", "503", CONNECTION_RESET)
				.map((fault) -> Arguments.of(target, fault)));
	}

	@ParameterizedTest(name = "{0} answering {1} once")
	@MethodSource("retryableAnswers")
	void aPassingErrorIsRetriedAndTheBlobUploaded(StorageTarget target, String fault) {
		String bucket = bucket(target);
		try (FaultInjector store = new FaultInjector(target)) {
			store.failNext(1, answer(target, fault));
			UploadProbe.runner(target, store.port(), bucket).run((context) -> {
				UploadProbe probe = new UploadProbe(target, bucket, context);
				probe.assertNextUploadSucceeds(behindTheServer(target));
				BlobUploadStats stats = probe.stats();
				assertThat(stats.retries()).isEqualTo(1);
				assertThat(stats.failed()).isZero();
				assertThat(stats.lastError()).isNull();
				assertThat(store.requests()).as("one request per attempt: the SDK does not retry").isEqualTo(2);
			});
		}
	}

	@ParameterizedTest(name = "{0} answering {1} every time")
	@MethodSource("retryableAnswers")
	void persistingErrorFailsAfterRetriesThenHealthRecovers(StorageTarget target, String fault) {
		String bucket = bucket(target);
		try (FaultInjector store = new FaultInjector(target)) {
			store.failAlways(answer(target, fault));
			UploadProbe.runner(target, store.port(), bucket)
				.withPropertyValues("blob.upload.health.failure-threshold=2")
				.run((context) -> {
					UploadProbe probe = new UploadProbe(target, bucket, context);
					probe.submit(2);
					BlobUploadStats stats = probe.flush();
					assertThat(stats.failed()).isEqualTo(2);
					assertThat(stats.retries()).isEqualTo(2);
					assertThat(stats.uploaded()).isZero();
					assertThat(store.requests()).isEqualTo(4);
					assertThat(probe.status()).isEqualTo(Status.DOWN);
					assertThat(probe.lastError()).containsEntry("permanent", false).containsEntry("attempts", 2);
					assertThat((String) probe.lastError().get("message")).contains(bucket)
						.contains(fault.equals(CONNECTION_RESET) ? "reset" : "answered " + fault);

					store.heal();
					probe.assertNextUploadSucceeds(behindTheServer(target));
				});
		}
	}

	@ParameterizedTest
	@EnumSource
	void aStoreThatDoesNotAnswerInTimeNeitherBlocksTheCallerNorTheWorkers(StorageTarget target) {
		String bucket = bucket(target);
		try (FaultInjector store = new FaultInjector(target)) {
			store.hold();
			UploadProbe.runner(target, store.port(), bucket)
				.withPropertyValues("blob.upload.worker.upload-timeout=300ms", "blob.upload.health.failure-threshold=3")
				.run((context) -> {
					UploadProbe probe = new UploadProbe(target, bucket, context);
					assertEveryAttemptTimesOut(probe);
					assertThat(store.requests()).as("at most one request per attempt").isBetween(1, 6);
					store.release();
					probe.assertNextUploadSucceeds(behindTheServer(target));
				});
		}
	}

	@Test
	void s3StorageSlowerThanTheUploadTimeoutForRealIsTimedOutRetriedAndFailed() {
		// s3proxy's latency middleware: every PUT waits 3 s before it is stored.
		try (S3Emulator slow = S3Emulator.startSlow(Duration.ofSeconds(3))) {
			String bucket = UploadProbe.newBucketName("slow");
			slow.createBucket(bucket);
			UploadProbe.runner(StorageTarget.S3, slow.port(), bucket)
				.withPropertyValues("blob.upload.worker.upload-timeout=300ms", "blob.upload.health.failure-threshold=3")
				.run((context) -> assertEveryAttemptTimesOut(new UploadProbe(StorageTarget.S3, bucket, context)));
		}
	}

	/**
	 * Submits 3 blobs to a store that takes longer than the 300 ms upload timeout, and
	 * checks that the callers did not wait, that every attempt was abandoned at the
	 * timeout, by the engine and by the client, and that the health turned DOWN at the
	 * threshold of 3.
	 */
	private static void assertEveryAttemptTimesOut(UploadProbe probe) throws InterruptedException {
		// Every call returns its URI although the store has not stored anything.
		probe.submit(3);
		assertThat(probe.stats().submitted()).isEqualTo(3);
		assertThat(probe.stats().uploaded()).isZero();

		BlobUploadStats stats = probe.flush();
		assertThat(stats.failed()).isEqualTo(3);
		assertThat(stats.retries()).isEqualTo(3);
		assertThat(stats.uploaded()).isZero();
		assertThat(probe.status()).isEqualTo(Status.DOWN);
		assertThat(probe.lastError()).containsEntry("permanent", false).containsEntry("attempts", 2);
		// The engine's timeout and the client's (the clients the starter builds stop each
		// attempt at worker.upload-timeout too) race: whichever fires first names the
		// error,
		// "upload did not finish within PT0.3S" or the SDK's own timeout message.
		assertThat((String) probe.lastError().get("message"))
			.matches("(?is).*(did not finish within PT0\\.3S|timeout|timed out).*");
		// The client gives up too: no abandoned attempt keeps a thread and a connection
		// busy until the store answers (or the SDK's own 20-30 s timeout).
		assertThat(probe.awaitNoAbandonedAttempts(Duration.ofSeconds(5)))
			.as("upload attempts still running after they timed out")
			.isZero();
	}

	/** An error status as the store sends it, or the connection cut before any answer. */
	private static ResponseDefinitionBuilder answer(StorageTarget target, String fault) {
		return fault.equals(CONNECTION_RESET) ? aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)
				: target.errorAnswer(Integer.parseInt(fault));
	}

	/** The emulator the server passes requests on to, if there is one. */
	private static @Nullable StorageEmulator behindTheServer(StorageTarget target) {
		return target.emulated() ? target.shared() : null;
	}

	/** A bucket that exists in the emulator the server passes requests on to. */
	private static String bucket(StorageTarget target) {
		String bucket = UploadProbe.newBucketName("answers");
		if (target.emulated()) {
			target.shared().createBucket(bucket);
		}
		return bucket;
	}

}
