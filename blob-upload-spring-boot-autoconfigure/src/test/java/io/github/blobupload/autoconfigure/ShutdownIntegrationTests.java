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

package io.github.blobupload.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.testsupport.GeneratedBlobs;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.UploadRecorder;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Graceful shutdown: closing the application context flushes the queue within
 * {@code blob.upload.shutdown-timeout}, against an S3 store (s3proxy) where each write
 * takes at least 100 ms, with one worker.
 */
@ExtendWith(OutputCaptureExtension.class)
class ShutdownIntegrationTests {

	private static final Duration PUT_LATENCY = Duration.ofMillis(100);

	/**
	 * What the close may take beyond the shutdown timeout: once it has run out, the
	 * shutdown gives each worker up to 1 s to stop (one worker here; it stops at once
	 * when interrupted), then drops what is left, reports it and closes the context.
	 */
	private static final Duration CLOSE_MARGIN = Duration.ofSeconds(1);

	private static final GeneratedBlobs BLOBS = new GeneratedBlobs(99L, 4 * 1024, 64 * 1024);

	private static S3Emulator s3;

	@BeforeAll
	static void startSlowStorage() {
		s3 = S3Emulator.startSlow(PUT_LATENCY);
	}

	@AfterAll
	static void stopStorage() {
		s3.close();
	}

	@Test
	void closingAFullQueueUploadsWhatFitsReportsTheRestOnce(CapturedOutput output) {
		Duration shutdownTimeout = Duration.ofSeconds(1);
		UploadRecorder recorder = new UploadRecorder();
		runner("full-queue", shutdownTimeout, recorder).run((context) -> {
			BlobUploader uploader = context.getBean(BlobUploader.class);
			Map<String, Integer> accepted = offer(uploader, 60);

			long closeMillis = close(context, shutdownTimeout);
			// The close kept uploading for the whole timeout, and returned soon after it.
			assertThat(closeMillis).isBetween(shutdownTimeout.toMillis(),
					shutdownTimeout.plus(CLOSE_MARGIN).toMillis());

			BlobUploadStats stats = ((ManagedBlobUploader) uploader).stats();
			long dropped = stats.dropped(DropReason.SHUTDOWN_TIMEOUT);
			assertThat(stats.shutdown()).isTrue();
			assertThat(stats.submitted()).isEqualTo(60).isEqualTo(stats.uploaded() + dropped);
			assertThat(stats.droppedTotal()).isEqualTo(dropped);
			assertThat(stats.failed()).isZero();
			assertThat(stats.uploaded()).isPositive().isEqualTo(recorder.uploaded().size());
			assertThat(dropped).isPositive();
			assertThat(stats.pending()).isZero();
			assertThat(stats.pendingBytes()).isZero();

			// Every blob counted uploaded is in storage with its bytes. A blob dropped
			// while
			// in flight may still land: "dropped" means not confirmed, so at most one
			// more.
			List<String> keys = s3.listKeys("full-queue");
			assertPresentWithTheirBytes("full-queue", recorder.uploaded(), keys);
			assertThat(keys).hasSizeBetween((int) stats.uploaded(), (int) stats.uploaded() + 1);

			long droppedBytes = accepted.entrySet()
				.stream()
				.filter((entry) -> !recorder.uploaded().containsKey(entry.getKey()))
				.mapToLong((entry) -> BLOBS.size(entry.getValue()))
				.sum();
			assertThat(output.getOut().lines().filter((line) -> line.contains("shut down after")))
				.singleElement(InstanceOfAssertFactories.STRING)
				.contains("Blob uploader 'default' shut down after")
				.contains("with " + dropped + " blobs (" + droppedBytes + " bytes) not uploaded")
				.contains("the shutdown timeout of PT1S ran out")
				.contains("totals: " + stats.uploaded() + " uploaded, 0 failed, " + dropped + " dropped");
			System.out.printf(
					"Shutdown with a full queue: %d uploaded, %d dropped (shutdown_timeout), %d objects "
							+ "in the bucket; close took %d ms with a shutdown timeout of %s%n",
					stats.uploaded(), dropped, keys.size(), closeMillis, shutdownTimeout);
		});
	}

	@Test
	void closingWithAQueueThatFitsInTheTimeoutUploadsEverything(CapturedOutput output) {
		Duration shutdownTimeout = Duration.ofSeconds(30);
		UploadRecorder recorder = new UploadRecorder();
		runner("fits", shutdownTimeout, recorder).run((context) -> {
			BlobUploader uploader = context.getBean(BlobUploader.class);
			Map<String, Integer> accepted = offer(uploader, 20);

			long closeMillis = close(context, shutdownTimeout);

			assertThat(closeMillis).isLessThan(shutdownTimeout.toMillis());

			BlobUploadStats stats = ((ManagedBlobUploader) uploader).stats();
			assertThat(stats.uploaded()).isEqualTo(20);
			assertThat(stats.droppedTotal()).isZero();
			assertThat(recorder.uploaded()).isEqualTo(accepted);
			List<String> keys = s3.listKeys("fits");
			assertThat(keys).hasSize(20);
			assertPresentWithTheirBytes("fits", accepted, keys);
			assertThat(output).doesNotContain("shut down after");
			System.out.printf("Shutdown with a queue that fits: 20 uploaded; close took %d ms%n", closeMillis);
		});
	}

	private static ApplicationContextRunner runner(String bucket, Duration shutdownTimeout, UploadRecorder recorder) {
		s3.createBucket(bucket);
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class))
			.withPropertyValues(s3.starterProperties())
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://" + bucket,
					"blob.upload.worker.threads=1", "blob.upload.shutdown-timeout=" + shutdownTimeout)
			.withBean(BlobUploadListener.class, () -> recorder);
	}

	/** Offers blobs 0 to count - 1 and returns the URI of each by its index. */
	private static Map<String, Integer> offer(BlobUploader uploader, int count) {
		Map<String, Integer> accepted = new LinkedHashMap<>();
		for (int index = 0; index < count; index++) {
			String uri = uploader.uploadAsync(BLOBS.blob(index));
			assertThat(uri).isNotEqualTo(BlobUploader.NOT_UPLOADED);
			accepted.put(uri, index);
		}
		return accepted;
	}

	/**
	 * Closes the context as an application's shutdown does, and returns how long it took;
	 * fails if it takes longer than the shutdown timeout and the margin.
	 */
	private static long close(AssertableApplicationContext context, Duration shutdownTimeout) throws Exception {
		long start = System.nanoTime();
		CompletableFuture.runAsync(context::close)
			.get(shutdownTimeout.plus(CLOSE_MARGIN).toMillis(), TimeUnit.MILLISECONDS);
		return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
	}

	private static void assertPresentWithTheirBytes(String bucket, Map<String, Integer> uploaded, List<String> keys) {
		List<String> expectedKeys = new ArrayList<>();
		uploaded.forEach((uri, index) -> {
			String key = uri.substring(("s3://" + bucket + "/").length());
			expectedKeys.add(key);
			assertThat(s3.read(bucket, key)).isEqualTo(BLOBS.content(index));
		});
		assertThat(keys).containsAll(expectedKeys);
	}

}
