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

package io.github.blobupload.viewer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.viewer.BlobUploadViewerAutoConfiguration;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StoreTraceIndex} with {@link TraceIndexWriter} wired into the real
 * auto-configuration by the viewer's: two application instances (two contexts) share one
 * destination, on {@code file:} storage and on the S3 and Azure emulators; a trace
 * recorded through one is found by the other, and after a restart.
 */
class StoreTraceIndexIntegrationTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	@TempDir
	Path folder;

	@Test
	void fileTraceRecordedByOneInstanceIsFoundByAnotherAndAfterRestart() {
		String prefix = "file://" + this.folder + "/shared";
		recordedByOneFoundByAnother(runner().withPropertyValues("blob.upload.uri-prefix=" + prefix));
	}

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void cloudTraceRecordedByOneInstanceIsFoundByAnotherAndAfterRestart(StorageTarget target) {
		String bucket = UploadProbe.newBucketName("ix");
		target.shared().createBucket(bucket);
		recordedByOneFoundByAnother(runner().withConfiguration(AutoConfigurations.of(target.autoConfiguration()))
			.withPropertyValues("blob.upload.uri-prefix=" + target.uriPrefix(bucket, "traces"))
			.withPropertyValues(target.properties(target.shared().port()).toArray(String[]::new)));
	}

	private void recordedByOneFoundByAnother(ApplicationContextRunner runner) {
		String[] recorded = new String[2];
		runner.run(instance((a) -> {
			BlobUploaderRegistry registry = a.getBean(BlobUploaderRegistry.class);
			recorded[0] = registry.getBlobUploader(null)
				.uploadAsync(new Blob(SampleContent.randomPng(256), "image/png",
						BlobLabels.forSpan(TRACE, "00f067aa0ba902b7")));
			recorded[1] = registry.getBlobUploader("chat-input")
				.uploadAsync(new Blob(SampleContent.randomPng(512), "image/png",
						BlobLabels.forSpan(TRACE, "10f067aa0ba902b7")));
			assertThat(registry.flush(FLUSH)).isTrue();
			assertThat(a.getBean(TraceIndexWriter.class).flush(FLUSH)).isTrue();
			// Instance B, running at the same time over the same storage.
			runner.run(instance((b) -> assertThat(find(b)).containsExactlyInAnyOrder(recorded)));
		}));
		// A restart: nothing is left in memory.
		runner.run(instance((c) -> {
			assertThat(find(c)).containsExactlyInAnyOrder(recorded);
			StoreTraceIndex index = new StoreTraceIndex(c.getBean(BlobUploaderRegistry.class), 10);
			assertThat(index.find(TRACE)).extracting(IndexedBlob::useCase)
				.containsExactlyInAnyOrder("default", "chat-input");
			assertThat(index.find("5bf92f3577b34da6a3ce929d0e0e4736")).isEmpty();
		}));
	}

	private static List<String> find(AssertableApplicationContext context) throws Exception {
		return new StoreTraceIndex(context.getBean(BlobUploaderRegistry.class), 100).find(TRACE)
			.stream()
			.map(IndexedBlob::storageUri)
			.toList();
	}

	private static ContextConsumer<AssertableApplicationContext> instance(
			ThrowingConsumer<AssertableApplicationContext> body) {
		return (context) -> {
			assertThat(context).hasNotFailed();
			body.accept(context);
		};
	}

	private static ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadViewerAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.viewer.enabled=true",
					"blob.upload.use-cases.chat-input.enabled=true", "blob.upload.retry.initial-backoff=10ms",
					"blob.upload.retry.max-backoff=50ms");
	}

	/** A consumer that may throw. */
	@FunctionalInterface
	private interface ThrowingConsumer<T> {

		void accept(T value) throws Exception;

	}

}
