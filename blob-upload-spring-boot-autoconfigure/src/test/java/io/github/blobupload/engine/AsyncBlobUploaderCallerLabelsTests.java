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

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AsyncBlobUploaderBuilder#callerLabels}: labels read on the caller's
 * thread and stored with the blob by a real {@code file:} uploader.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncBlobUploaderCallerLabelsTests {

	private static final ThreadLocal<String> OWNER = new ThreadLocal<>();

	@TempDir
	Path folder;

	private final Set<Thread> readOn = ConcurrentHashMap.newKeySet();

	private final Map<String, Map<String, String>> uploaded = new ConcurrentHashMap<>();

	private CountDownLatch uploads = new CountDownLatch(1);

	private ManagedBlobUploader uploader;

	@AfterEach
	void shutdown() {
		if (this.uploader != null) {
			this.uploader.shutdown(Duration.ofSeconds(5));
		}
	}

	@Test
	void labelsAreReadOnTheCallersThreadAndStored() throws Exception {
		this.uploader = uploader(() -> {
			this.readOn.add(Thread.currentThread());
			String owner = OWNER.get();
			return (owner != null) ? Map.of("owner", owner) : Map.of();
		});
		OWNER.set("alice");
		String uri;
		try {
			uri = this.uploader.uploadAsync(new Blob(SampleContent.png(), null, Map.of("trace_id", "t1")));
		}
		finally {
			OWNER.remove();
		}

		awaitUploads();
		assertThat(this.readOn).containsExactly(Thread.currentThread());
		assertThat(this.uploaded.get(uri)).containsEntry("owner", "alice").containsEntry("trace_id", "t1");
		assertThat(sidecar(uri)).contains("\"owner\":\"alice\"");
	}

	@Test
	void aListenerUploadingFromAWorkerReadsNoLabels() throws Exception {
		this.uploads = new CountDownLatch(2);
		ManagedBlobUploader[] self = new ManagedBlobUploader[1];
		Map<String, String> fromTheWorker = new ConcurrentHashMap<>();
		self[0] = AsyncBlobUploader.builder(fileUploader()).callerLabels(() -> {
			this.readOn.add(Thread.currentThread());
			return Map.of("owner", "alice");
		}).listener(new BlobUploadListener() {

			@Override
			public void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
				if (blob.labels().containsKey("companion")) {
					fromTheWorker.putAll(blob.labels());
				}
				else {
					// An index entry written from the worker, as a listener may do.
					self[0].uploadAsync(new Blob("entry".getBytes(StandardCharsets.UTF_8), "text/plain",
							Map.of("companion", "yes")));
				}
				AsyncBlobUploaderCallerLabelsTests.this.uploads.countDown();
			}

		}).build();
		this.uploader = self[0];

		this.uploader.uploadAsync(new Blob(SampleContent.png(), null, null));

		awaitUploads();
		assertThat(this.readOn).containsExactly(Thread.currentThread());
		assertThat(fromTheWorker).containsOnlyKeys("companion");
	}

	@Test
	void aLabelTheBlobCarriesIsKept() throws Exception {
		this.uploader = uploader(() -> Map.of("owner", "from-the-caller", "tenant", "t-9"));

		String uri = this.uploader.uploadAsync(new Blob(SampleContent.png(), null, Map.of("owner", "from-the-call")));

		awaitUploads();
		assertThat(this.uploaded.get(uri)).containsEntry("owner", "from-the-call").containsEntry("tenant", "t-9");
	}

	@Test
	void aFailingSupplierGivesNoLabelsAndIsLoggedWithoutItsMessage(CapturedOutput output) throws Exception {
		this.uploader = uploader(() -> {
			throw new IllegalStateException("user alice-secret-id is not known");
		});

		String uri = this.uploader.uploadAsync(new Blob(SampleContent.png(), null, Map.of("trace_id", "t1")));

		awaitUploads();
		assertThat(this.uploaded.get(uri)).containsOnlyKeys("trace_id");
		assertThat(output).contains("could not be resolved: java.lang.IllegalStateException was thrown")
			.doesNotContain("alice-secret-id");
	}

	@Test
	void nullLabelsAndNullEntriesAreNoLabels(CapturedOutput output) throws Exception {
		this.uploads = new CountDownLatch(2);
		this.uploader = uploader(() -> null);
		String first = this.uploader.uploadAsync(new Blob(SampleContent.png(), null, null));
		this.uploader.shutdown(Duration.ofSeconds(5));
		Map<String, String> withNull = new HashMap<>();
		withNull.put("owner", null);
		withNull.put(null, "x");
		withNull.put("tenant", "t-1");
		this.uploader = uploader(() -> withNull);
		String second = this.uploader
			.uploadAsync(new Blob("second".getBytes(StandardCharsets.UTF_8), "text/plain", null));

		awaitUploads();
		assertThat(this.uploaded.get(first)).isEmpty();
		assertThat(this.uploaded.get(second)).containsExactly(Map.entry("tenant", "t-1"));
		assertThat(output).contains("could not be resolved: null was returned");
	}

	@Test
	void noLabelsLeaveTheBlobAsGiven() throws Exception {
		Blob blob = new Blob(SampleContent.png(), null, Map.of("trace_id", "t1"));
		Blob[] accepted = new Blob[1];
		this.uploader = AsyncBlobUploader.builder(fileUploader())
			.callerLabels(Map::of)
			.listener(new BlobUploadListener() {

				@Override
				public void onAccepted(String uploader, String uri, Blob acceptedBlob) {
					accepted[0] = acceptedBlob;
				}

				@Override
				public void onUploaded(String uploader, String uri, Blob uploadedBlob, Duration duration,
						int attempts) {
					AsyncBlobUploaderCallerLabelsTests.this.uploads.countDown();
				}

			})
			.build();

		this.uploader.uploadAsync(blob);

		awaitUploads();
		assertThat(accepted[0]).isSameAs(blob);
	}

	private ManagedBlobUploader uploader(Supplier<Map<String, String>> labels) {
		return AsyncBlobUploader.builder(fileUploader()).callerLabels(labels).listener(new BlobUploadListener() {

			@Override
			public void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
				AsyncBlobUploaderCallerLabelsTests.this.uploaded.put(uri, blob.labels());
				AsyncBlobUploaderCallerLabelsTests.this.uploads.countDown();
			}

		}).build();
	}

	private SimpleBlobUploader fileUploader() {
		return new FileBlobStorageProvider().createUploader("file:" + this.folder,
				BlobNamingStrategies.contentAddressed());
	}

	private void awaitUploads() throws InterruptedException {
		assertThat(this.uploads.await(10, TimeUnit.SECONDS)).as("uploaded").isTrue();
	}

	private static String sidecar(String uri) throws Exception {
		Path file = Path.of(URI.create(uri));
		return Files.readString(file.resolveSibling(file.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX),
				StandardCharsets.UTF_8);
	}

}
