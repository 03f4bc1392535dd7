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

package io.github.blobupload.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.actuate.BlobUploadHealthIndicator;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.actuate.BlobUploadHealthAutoConfiguration;
import io.github.blobupload.engine.AsyncBlobUploader;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator checks while a store misbehaves, for one application context built by
 * the real auto-configuration: the URIs {@code uploadAsync} returns, the upload counts
 * after a flush, and the {@code blobUpload} health with its details.
 */
public final class UploadProbe {

	/** How long a flush may take before a test fails; never reached when all is well. */
	public static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);

	/** The engine class whose I/O threads run the upload attempts. */
	private static final String UPLOAD_WORKERS = AsyncBlobUploader.class.getPackageName() + ".UploadWorkers";

	private final StorageTarget target;

	private final String bucket;

	private final ManagedBlobUploader uploader;

	private final BlobUploadHealthIndicator health;

	/**
	 * Creates a probe of a context made by {@link #runner}.
	 * @param target the store
	 * @param bucket the bucket the context uploads to
	 * @param context the running context
	 */
	public UploadProbe(StorageTarget target, String bucket, ApplicationContext context) {
		this.target = target;
		this.bucket = bucket;
		this.uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
		this.health = context.getBean(BlobUploadHealthIndicator.class);
	}

	/**
	 * Returns a context runner with the auto-configurations an application gets (upload,
	 * the store's provider, health) pointed at a store on a loopback port, with retries
	 * kept short: 2 attempts, 10-20 ms apart, and a failing store reported as
	 * {@code DOWN} (not {@code DEGRADED}).
	 * @param target the store
	 * @param port the port of the store or of a server in front of it
	 * @param bucket the bucket or container to upload to
	 * @return the runner
	 */
	public static ApplicationContextRunner runner(StorageTarget target, int port, String bucket) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class, target.autoConfiguration(),
					BlobUploadHealthAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + target.uriPrefix(bucket),
					"blob.upload.retry.max-attempts=2", "blob.upload.retry.initial-backoff=10ms",
					"blob.upload.retry.max-backoff=20ms", "blob.upload.health.affects-aggregate=true",
					// Parking off: each failure shows at once (parking has tests of its
					// own).
					"blob.upload.retry.max-age=0")
			.withPropertyValues(target.properties(port).toArray(String[]::new));
	}

	/**
	 * Returns a bucket name not used before in this run.
	 * @param purpose a short lowercase word
	 * @return the name
	 */
	public static String newBucketName(String purpose) {
		return purpose + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/**
	 * Gives new distinct blobs to {@code uploadAsync} and checks that each call returned
	 * a destination URI under the configured prefix (a call that threw fails the test).
	 * @param count how many blobs
	 * @return the blobs and their URIs
	 */
	public List<Upload> submit(int count) {
		List<Upload> uploads = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			byte[] bytes = SampleContent.randomPng(512 + i);
			String uri = this.uploader.uploadAsync(new Blob(bytes, "image/png", null));
			assertThat(uri).startsWith(this.target.uriPrefix(this.bucket) + "/").endsWith(".png");
			uploads.add(new Upload(uri, bytes));
		}
		return uploads;
	}

	/**
	 * Waits until every submitted blob is finished and checks the books balance: each
	 * blob ended in exactly one outcome, {@code submitted == uploaded + failed + dropped
	 * (all reasons) + deduplicated}, with nothing queued or in flight.
	 * @return the counts
	 */
	public BlobUploadStats flush() {
		assertThat(this.uploader.flush(FLUSH_TIMEOUT)).as("flush within %s", FLUSH_TIMEOUT).isTrue();
		BlobUploadStats stats = this.uploader.stats();
		assertThat(stats.pending()).isZero();
		assertThat(stats.uploaded() + stats.failed() + stats.droppedTotal() + stats.deduplicated())
			.as("uploaded + failed + dropped + deduplicated of %s", stats)
			.isEqualTo(stats.submitted());
		return stats;
	}

	/**
	 * Returns the counts now, without waiting.
	 * @return the counts
	 */
	public BlobUploadStats stats() {
		return this.uploader.stats();
	}

	/**
	 * Returns the health status.
	 * @return UP, DOWN or OUT_OF_SERVICE
	 */
	public Status status() {
		return this.health.health().getStatus();
	}

	/**
	 * Returns the health details of the default use case.
	 * @return the details
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> details() {
		Map<String, Object> useCases = (Map<String, Object>) this.health.health().getDetails().get("useCases");
		return (Map<String, Object>) useCases.get("default");
	}

	/**
	 * Returns the {@code lastError} health detail of the default use case.
	 * @return the detail
	 */
	@SuppressWarnings("unchecked")
	public Map<String, Object> lastError() {
		Map<String, Object> lastError = (Map<String, Object>) details().get("lastError");
		assertThat(lastError).as("lastError detail").isNotNull();
		return lastError;
	}

	/**
	 * Uploads one new blob once the store is back, and checks that it was uploaded, that
	 * the health is UP again and, with an emulator, that the exact bytes are stored.
	 * @param storage the emulator to read the blob back from, or {@code null} when the
	 * store is played by a local server
	 * @return the upload
	 */
	public Upload assertNextUploadSucceeds(@Nullable StorageEmulator storage) {
		long uploaded = stats().uploaded();
		Upload upload = submit(1).get(0);
		assertThat(flush().uploaded()).isEqualTo(uploaded + 1);
		assertThat(status()).isEqualTo(Status.UP);
		if (storage != null) {
			assertStored(storage, upload);
		}
		return upload;
	}

	/**
	 * Waits until no upload attempt runs any more, and returns how many still run when
	 * the wait is over. Only for attempts the engine has abandoned at its timeout:
	 * nothing signals when the client lets them go, so this polls.
	 * @param timeout how long to wait
	 * @return the number of attempts still running: 0 unless they outlive the timeout
	 * @throws InterruptedException if interrupted
	 */
	public long awaitNoAbandonedAttempts(Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		long running = runningAttempts();
		while (running > 0 && System.nanoTime() < deadline) {
			Thread.sleep(20);
			running = runningAttempts();
		}
		return running;
	}

	/** Counts the engine's I/O threads that are inside an upload attempt. */
	private static long runningAttempts() {
		return Thread.getAllStackTraces()
			.entrySet()
			.stream()
			.filter((thread) -> thread.getKey().getName().startsWith("blob-upload-") && Arrays.stream(thread.getValue())
				.anyMatch((frame) -> frame.getClassName().equals(UPLOAD_WORKERS)
						&& frame.getMethodName().startsWith("lambda$attempt")))
			.count();
	}

	/**
	 * Checks that an upload's exact bytes are in the store.
	 * @param storage the emulator
	 * @param upload the upload
	 */
	public void assertStored(StorageEmulator storage, Upload upload) {
		assertThat(storage.read(this.bucket, this.target.objectName(this.bucket, upload.uri())))
			.as("stored bytes of %s", upload.uri())
			.isEqualTo(upload.bytes());
	}

	/**
	 * A blob given to {@code uploadAsync} and the URI it returned.
	 *
	 * @param uri the destination URI
	 * @param bytes the content
	 */
	public record Upload(String uri, byte[] bytes) {
	}

}
