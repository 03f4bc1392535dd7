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

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.testsupport.EmulatorProcess;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import io.github.blobupload.testsupport.UploadProbe.Upload;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for parking against real S3 (s3proxy) going down for a minute: blobs offered
 * during the outage are parked, not failed, and all uploaded once storage is back.
 */
class StorageOutageParkingIntegrationTests {

	/**
	 * How long storage stays down; a minute, as a real outage of a store or a network.
	 */
	private static final Duration OUTAGE = Duration.ofSeconds(Long.getLong("blobupload.outage.seconds", 60));

	@Test
	void blobsOfferedDuringAnOutageAreAllUploadedWhenItEnds(@TempDir Path data) throws Exception {
		String bucket = UploadProbe.newBucketName("outage");
		// The store keeps its data in a folder, so that it comes back from the outage
		// with the
		// bucket: a store restarted empty would answer NoSuchBucket (a permanent error)
		// to a
		// scout that comes before the bucket is made again.
		S3Emulator first = S3Emulator.startOn(EmulatorProcess.freePort(), data);
		int port = first.port();
		try {
			first.createBucket(bucket);
			UploadProbe.runner(StorageTarget.S3, port, bucket)
				// Parking on (the runner turns it off), with a short wait between scouts
				// so
				// that the end of the outage is noticed within seconds.
				.withPropertyValues("blob.upload.retry.max-age=1h", "blob.upload.retry.max-parked-backoff=2s")
				.run((context) -> {
					UploadProbe probe = new UploadProbe(StorageTarget.S3, bucket, context);
					probe.assertNextUploadSucceeds(first);

					first.kill();
					long down = System.nanoTime();
					List<Upload> offered = probe.submit(1000);
					Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> probe.status() == Status.DOWN);
					// One health reading holds all 1,000 (a scout takes one out for a
					// moment
					// every backoff, so two readings may differ by one).
					Awaitility.await()
						.atMost(Duration.ofSeconds(30))
						.until(() -> probe.details().get("parked"), (parked) -> parked instanceof Map<?, ?> map
								&& Long.valueOf(1000).equals(map.get("blobs")));
					BlobUploadStats during = probe.stats();
					assertThat(during.failed()).isZero();
					assertThat(during.droppedTotal()).isZero();

					// The outage lasts its whole length, whatever the uploader does
					// meanwhile.
					long left = OUTAGE.toNanos() - (System.nanoTime() - down);
					TimeUnit.NANOSECONDS.sleep(Math.max(0, left));
					try (S3Emulator restarted = S3Emulator.startOn(port, data)) {
						BlobUploadStats after = probe.flush();
						assertThat(after.failed()).isZero();
						assertThat(after.uploaded()).isEqualTo(1001);
						assertThat(after.parked().blobs()).isZero();
						offered.forEach((upload) -> probe.assertStored(restarted, upload));
						assertThat(probe.status()).isEqualTo(Status.UP);
					}
				});
		}
		finally {
			first.close();
		}
	}

}
