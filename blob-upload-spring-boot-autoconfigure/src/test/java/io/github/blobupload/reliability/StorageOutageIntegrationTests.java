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

import java.util.List;

import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.testsupport.EmulatorProcess;
import io.github.blobupload.testsupport.StorageEmulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import io.github.blobupload.testsupport.UploadProbe.Upload;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that is not there, against the real emulators: down from the start, then
 * started; running, then stopped and restarted on the same port with an empty store.
 * Failures are counted and turn the health DOWN after
 * {@code blob.upload.health.failure-threshold} (default 5) uploads in a row; the first
 * upload that succeeds turns it UP again.
 */
class StorageOutageIntegrationTests {

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void downFromTheStartThenDownAtThresholdThenUpOnStart(StorageTarget target) {
		int port = EmulatorProcess.freePort();
		String bucket = UploadProbe.newBucketName("down");
		UploadProbe.runner(target, port, bucket).run((context) -> {
			UploadProbe probe = new UploadProbe(target, bucket, context);
			// The health reads counters only: nothing has been tried, nothing is known.
			assertThat(probe.status()).isEqualTo(Status.UP);

			probe.submit(4);
			BlobUploadStats stats = probe.flush();
			assertThat(stats.uploaded()).isZero();
			assertThat(stats.failed()).isEqualTo(4);
			assertThat(stats.retries()).isEqualTo(4);
			assertThat(probe.status()).as("4 failures, under the threshold of 5").isEqualTo(Status.UP);

			probe.submit(1);
			probe.flush();
			assertThat(probe.status()).as("5 failures in a row").isEqualTo(Status.DOWN);
			assertThat(probe.details()).containsEntry("consecutiveFailures", 5L).containsEntry("failed", 5L);
			assertThat(probe.lastError()).containsEntry("permanent", false).containsEntry("attempts", 2);
			assertThat((String) probe.lastError().get("message")).contains(bucket);

			try (StorageEmulator storage = target.startOn(port)) {
				storage.createBucket(bucket);
				probe.assertNextUploadSucceeds(storage);
				assertThat(probe.details()).containsEntry("failed", 5L)
					.containsEntry("consecutiveFailures", 0L)
					.containsKey("lastSuccess");
			}
		});
	}

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void storageStoppedMidRunFailsThenRecoversWhenRestartedOnTheSamePort(StorageTarget target) {
		String bucket = UploadProbe.newBucketName("restart");
		StorageEmulator first = target.startOn(EmulatorProcess.freePort());
		int port = first.port();
		try {
			first.createBucket(bucket);
			UploadProbe.runner(target, port, bucket).run((context) -> {
				UploadProbe probe = new UploadProbe(target, bucket, context);
				List<Upload> before = probe.submit(3);
				assertThat(probe.flush().uploaded()).isEqualTo(3);
				probe.assertStored(first, before.get(0));
				assertThat(probe.status()).isEqualTo(Status.UP);

				first.kill();
				probe.submit(5);
				BlobUploadStats stats = probe.flush();
				assertThat(stats.uploaded()).isEqualTo(3);
				assertThat(stats.failed()).isEqualTo(5);
				assertThat(stats.retries()).isEqualTo(5);
				assertThat(probe.status()).isEqualTo(Status.DOWN);
				assertThat(probe.lastError()).containsEntry("permanent", false).containsEntry("attempts", 2);

				// The emulators keep their store in memory: the restarted one is empty.
				try (StorageEmulator restarted = target.startOn(port)) {
					restarted.createBucket(bucket);
					List<Upload> after = probe.submit(2);
					stats = probe.flush();
					assertThat(stats.uploaded()).isEqualTo(5);
					assertThat(stats.failed()).isEqualTo(5);
					assertThat(stats.submitted()).isEqualTo(10);
					assertThat(probe.status()).isEqualTo(Status.UP);
					after.forEach((upload) -> probe.assertStored(restarted, upload));
				}
			});
		}
		finally {
			first.close();
		}
	}

}
