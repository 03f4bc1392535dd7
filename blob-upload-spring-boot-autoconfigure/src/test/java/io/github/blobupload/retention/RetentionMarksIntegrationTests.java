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

package io.github.blobupload.retention;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.FaultInjector;
import io.github.blobupload.testsupport.MutableClock;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the retention marks and refreshes each provider sends, recorded on the wire
 * by a server in front of the store (s3proxy and Azurite behind it; Google Cloud Storage
 * played by the server itself) and read back where the emulator keeps them.
 */
class RetentionMarksIntegrationTests {

	private final MutableClock clock = new MutableClock();

	@Test
	void s3TagsEachUploadAndCopiesAReusedObjectOntoItself() {
		String bucket = UploadProbe.newBucketName("retention");
		// s3proxy implements no tagging: it answers 501 unless told to ignore the tags.
		try (S3Emulator emulator = S3Emulator.startIgnoringUnknownHeaders();
				FaultInjector s3 = new FaultInjector(aResponse().proxiedFrom(emulator.endpoint().toString()))) {
			emulator.createBucket(bucket);
			run(StorageTarget.S3, s3, bucket, (context, uri) -> {
				LoggedRequest put = s3.recorded().get(0);
				assertThat(put.getMethod().getName()).isEqualTo("PUT");
				assertThat(put.getHeader("x-amz-tagging")).isEqualTo("blob-retention=7d");
				LoggedRequest copy = single(s3.recorded().subList(1, s3.recorded().size()));
				String key = StorageTarget.S3.objectName(bucket, uri);
				assertThat(copy.getMethod().getName()).isEqualTo("PUT");
				assertThat(copy.getUrl()).startsWith("/" + bucket + "/" + key);
				assertThat(copy.getHeader("x-amz-copy-source")).contains(bucket + "/" + key);
				assertThat(copy.getHeader("x-amz-metadata-directive")).isEqualTo("REPLACE");
				assertThat(copy.getHeader("x-amz-tagging-directive")).isEqualTo("REPLACE");
				assertThat(copy.getHeader("x-amz-tagging")).isEqualTo("blob-retention=7d");
				assertThat(copy.getHeader("x-amz-meta-blob_retention")).isEqualTo("7d");
				// s3proxy performed the copy: the object is still there, content and all.
				assertThat(emulator.readObject(bucket, key).content()).isEqualTo(SampleContent.png());
				assertThat(emulator.readObject(bucket, key).metadata()).containsEntry("blob_retention", "7d");
			});
		}
	}

	@Test
	void azureTagsEachUploadAndSetsTheMetadataOfAReusedObject() {
		String container = UploadProbe.newBucketName("retention");
		AzuriteEmulator.shared().createContainer(container);
		try (FaultInjector azure = new FaultInjector(StorageTarget.AZURE)) {
			run(StorageTarget.AZURE, azure, container, (context, uri) -> {
				LoggedRequest put = azure.recorded().get(0);
				assertThat(put.getMethod().getName()).isEqualTo("PUT");
				assertThat(put.getHeader("x-ms-tags")).isEqualTo("blob-retention=7d");
				LoggedRequest metadata = single(azure.recorded().subList(1, azure.recorded().size()));
				assertThat(metadata.getMethod().getName()).isEqualTo("PUT");
				assertThat(metadata.getUrl()).contains("comp=metadata");
				assertThat(metadata.getHeader("x-ms-meta-blob_retention")).isEqualTo("7d");
				String name = StorageTarget.AZURE.objectName(container, uri);
				// Azurite keeps blob index tags: read them back.
				assertThat(AzuriteEmulator.shared()
					.client()
					.getBlobContainerClient(container)
					.getBlobClient(name)
					.getTags()).containsEntry("blob-retention", "7d");
			});
		}
	}

	@Test
	void gcsSetsCustomTimeOnCreateAndMovesItOnReuseAndWhenAlreadyStored() {
		try (FaultInjector gcs = new FaultInjector(StorageTarget.GCS)) {
			run(StorageTarget.GCS, gcs, "genai-blobs", (context, uri) -> {
				LoggedRequest create = gcs.recorded().get(0);
				assertThat(create.getMethod().getName()).isEqualTo("POST");
				assertThat(body(create)).contains("\"customTime\"", "\"blob_retention\":\"7d\"");
				LoggedRequest patch = single(gcs.recorded().subList(1, gcs.recorded().size()));
				assertThat(method(patch)).isEqualTo("PATCH");
				assertThat(patch.getUrl()).startsWith("/storage/v1/b/genai-blobs/o/");
				assertThat(body(patch)).contains("\"customTime\":\"2026-01-02T00:00:00");

				// The store answers 412 for an object written before (another instance,
				// or before a restart): a re-use, so its custom time moves too.
				int before = gcs.recorded().size();
				gcs.failNext(1,
						aResponse().withStatus(412)
							.withHeader("Content-Type", "application/json")
							.withBody("{\"error\":{\"code\":412,\"message\":\"Precondition Failed\",\"errors\":[{"
									+ "\"reason\":\"conditionNotMet\",\"message\":\"Precondition Failed\"}]}}"));
				ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
				uploader.uploadAsync(new Blob(SampleContent.randomPng(600), "image/png", null));
				assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
				List<LoggedRequest> after = gcs.recorded().subList(before, gcs.recorded().size());
				assertThat(after).extracting(RetentionMarksIntegrationTests::method).containsExactly("POST", "PATCH");
				assertThat(body(after.get(1))).contains("\"customTime\"");
				assertThat(uploader.stats().failed()).isZero();
			});
		}
	}

	/**
	 * Uploads a blob with a retention of 7 days, moves the clock a day on and uploads it
	 * again (skipped as recently uploaded: a re-use, refreshed once), then again at once
	 * (within a tenth of the window: not refreshed again).
	 */
	private void run(StorageTarget target, FaultInjector injector, String bucket, Check check) {
		UploadProbe.runner(target, injector.port(), bucket)
			.withPropertyValues("blob.upload.retention=7d")
			.withBean(BlobRetention.class, () -> new BlobRetention(this.clock, Duration.ofHours(1)))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
				BlobRetention retention = context.getBean(BlobRetention.class);
				String uri = uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null));
				assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
				assertThat(uploader.stats().uploaded()).isEqualTo(1);
				this.clock.advance(Duration.ofDays(1));
				assertThat(uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null))).isEqualTo(uri);
				assertThat(retention.awaitRefreshes(Duration.ofSeconds(10))).isTrue();
				assertThat(uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null))).isEqualTo(uri);
				assertThat(retention.awaitRefreshes(Duration.ofSeconds(10))).isTrue();
				assertThat(retention.refreshes()).isEqualTo(1);
				assertThat(retention.refreshFailures()).isZero();
				check.accept(context, uri);
			});
	}

	private static LoggedRequest single(List<LoggedRequest> requests) {
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	/**
	 * The method the store acts on: the Google client sends PATCH as a POST with an
	 * override header.
	 */
	private static String method(LoggedRequest request) {
		String override = request.getHeader("X-HTTP-Method-Override");
		return (override != null) ? override : request.getMethod().getName();
	}

	private static String body(LoggedRequest request) {
		return new String(request.getBody(), StandardCharsets.ISO_8859_1);
	}

	@FunctionalInterface
	private interface Check {

		void accept(AssertableApplicationContext context, String uri) throws Exception;

	}

}
