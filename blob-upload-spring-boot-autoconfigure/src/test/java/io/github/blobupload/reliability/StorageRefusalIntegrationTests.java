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

import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.FaultInjector;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.StorageEmulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import io.github.blobupload.testsupport.UploadProbe.Upload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A store that refuses: wrong credentials and a missing bucket, answered by the real
 * emulators (and, for Google Cloud Storage, by a local server answering as its JSON API
 * does). Such failures are permanent: one attempt, no retry, and the health is DOWN at
 * once, with {@code lastError.permanent=true}, until an upload succeeds again.
 */
class StorageRefusalIntegrationTests {

	@Test
	void s3CredentialsTheStoreDoesNotKnowAreRefusedPermanently() {
		try (S3Emulator s3 = S3Emulator.startWithCredentials("someone-else", "someone-else-secret")) {
			String bucket = UploadProbe.newBucketName("denied");
			s3.createBucket(bucket);
			UploadProbe.runner(StorageTarget.S3, s3.port(), bucket).run((context) -> {
				UploadProbe probe = new UploadProbe(StorageTarget.S3, bucket, context);
				assertFailsOnceAndTurnsDown(probe, bucket, "403", "InvalidAccessKeyId");
			});
		}
	}

	@Test
	void azureRequestsSignedWithAWrongAccountKeyAreRefusedPermanently() {
		AzuriteEmulator azurite = AzuriteEmulator.shared();
		String container = UploadProbe.newBucketName("denied");
		azurite.createContainer(container);
		byte[] wrongKey = new byte[64];
		ThreadLocalRandom.current().nextBytes(wrongKey);
		UploadProbe.runner(StorageTarget.AZURE, azurite.port(), container)
			.withPropertyValues("blob.upload.azure.connection-string="
					+ AzuriteEmulator.connectionString(azurite.port(), Base64.getEncoder().encodeToString(wrongKey)))
			.run((context) -> {
				UploadProbe probe = new UploadProbe(StorageTarget.AZURE, container, context);
				assertFailsOnceAndTurnsDown(probe, container, "403");
			});
	}

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void aMissingBucketIsRefusedPermanentlyUntilItIsCreated(StorageTarget target) {
		StorageEmulator storage = target.shared();
		String bucket = UploadProbe.newBucketName("missing");
		UploadProbe.runner(target, storage.port(), bucket).run((context) -> {
			UploadProbe probe = new UploadProbe(target, bucket, context);
			assertFailsOnceAndTurnsDown(probe, bucket, "404",
					(target == StorageTarget.S3) ? "NoSuchBucket" : "ContainerNotFound");

			storage.createBucket(bucket);
			probe.assertNextUploadSucceeds(storage);
		});
	}

	@ParameterizedTest(name = "answering {0}")
	@ValueSource(ints = { 403, 404 })
	void gcsRefusalsArePermanentUntilTheStoreAcceptsAgain(int status) {
		String bucket = UploadProbe.newBucketName("refused");
		try (FaultInjector gcs = new FaultInjector(StorageTarget.GCS)) {
			gcs.failAlways(StorageTarget.GCS.errorAnswer(status));
			UploadProbe.runner(StorageTarget.GCS, gcs.port(), bucket).run((context) -> {
				UploadProbe probe = new UploadProbe(StorageTarget.GCS, bucket, context);
				assertFailsOnceAndTurnsDown(probe, bucket, "answered " + status);
				assertThat(gcs.requests()).isEqualTo(1);

				gcs.heal();
				probe.assertNextUploadSucceeds(null);
			});
		}
	}

	/**
	 * Uploads one blob to a refusing store and checks what an operator sees: a URI was
	 * returned, one attempt and no retry, a failure counted, the health DOWN at once
	 * (well under the failure threshold of 5) with the permanent error as detail.
	 */
	private static void assertFailsOnceAndTurnsDown(UploadProbe probe, String bucket, String... answer) {
		Upload upload = probe.submit(1).get(0);
		BlobUploadStats stats = probe.flush();
		assertThat(stats.failed()).isEqualTo(1);
		assertThat(stats.retries()).isZero();
		assertThat(stats.uploaded()).isZero();
		assertThat(probe.status()).isEqualTo(Status.DOWN);
		assertThat(probe.lastError()).containsEntry("permanent", true)
			.containsEntry("attempts", 1)
			.containsEntry("uri", upload.uri());
		assertThat((String) probe.lastError().get("message")).contains(bucket).contains(answer);
	}

}
