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

package io.github.blobupload.autoconfigure.actuate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.actuate.BlobUploadMetrics;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.testsupport.ScriptedUploader.Action;
import io.github.blobupload.testsupport.ScriptedUploader;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadMetricsAutoConfiguration}.
 */
class BlobUploadMetricsAutoConfigurationTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, BlobUploadAutoConfiguration.class,
				BlobUploadMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void countsOutcomesBytesAndDurationsByUseCase() throws Exception {
		Path blocker = Files.writeString(this.folder.resolve("blocked"), "x");
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.max-blob-size=1KB", "blob.upload.queue.max-bytes=1KB",
					"blob.upload.use-cases.broken.uri-prefix=file://" + blocker + "/x")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				BlobUploader uploader = registry.getBlobUploader(null);
				uploader.uploadAsync(blob("hello"));
				uploader.uploadAsync(blob("hello"));
				uploader.uploadAsync(new Blob(new byte[2048], null, null));
				registry.getBlobUploader("broken").uploadAsync(blob("lost"));
				assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(count(meters, "default", "uploaded", "none")).isEqualTo(1);
				assertThat(count(meters, "default", "deduplicated", "none")).isEqualTo(1);
				assertThat(count(meters, "default", "dropped", "too_large")).isEqualTo(1);
				assertThat(count(meters, "broken", "failed", "permanent")).isEqualTo(1);
				assertThat(meters.get("blob.upload.bytes").tag("use.case", "default").counter().count()).isEqualTo(5);
				assertThat(meters.get("blob.upload.duration").tag("use.case", "default").timer().count()).isEqualTo(1);
				assertThat(meters.get("blob.upload.queue.blobs").tag("use.case", "default").gauge().value()).isZero();
				assertThat(meters.get("blob.upload.queue.bytes").tag("use.case", "broken").gauge().value()).isZero();
			});
	}

	@Test
	void everyMeterIsListedAtZeroBeforeTheFirstUpload() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.getMeters()).extracting((meter) -> meter.getId().getName())
					.contains("blob.upload.blobs", "blob.upload.bytes", "blob.upload.duration", "blob.upload.retries",
							"blob.upload.queue.blobs", "blob.upload.queue.bytes");
				assertThat(count(meters, "default", "uploaded", "none")).isZero();
				assertThat(count(meters, "default", "failed", "permanent")).isZero();
				assertThat(count(meters, "default", "failed", "retries_exhausted")).isZero();
				assertThat(meters.get("blob.upload.retries").tag("use.case", "default").counter().count()).isZero();
			});
	}

	@Test
	void countsRetries() {
		ScriptedUploader storage = new ScriptedUploader().then(Action.fail("503 Slow Down"));
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=mem://bucket",
					"blob.upload.retry.initial-backoff=1ms", "blob.upload.retry.max-backoff=1ms")
			.withBean(BlobStorageProvider.class, () -> new BlobStorageProvider() {

				@Override
				public String scheme() {
					return "mem";
				}

				@Override
				public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
					return storage;
				}

			})
			.run((context) -> {
				context.getBean(BlobUploader.class).uploadAsync(blob("retried"));
				assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("blob.upload.retries").tag("use.case", "default").counter().count()).isEqualTo(1);
				assertThat(count(meters, "default", "uploaded", "none")).isEqualTo(1);
			});
	}

	@Test
	void countsParkedBlobsAndShowsTheSpool() {
		ScriptedUploader storage = new ScriptedUploader().storageDown(true);
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=mem://bucket",
					"blob.upload.retry.max-attempts=1", "blob.upload.retry.initial-backoff=1ms",
					"blob.upload.retry.max-backoff=500ms", "blob.upload.retry.max-parked-backoff=1s",
					"blob.upload.spool.enabled=true", "blob.upload.spool.directory=" + this.folder.resolve("spool"))
			.withBean(BlobStorageProvider.class, () -> new BlobStorageProvider() {

				@Override
				public String scheme() {
					return "mem";
				}

				@Override
				public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
					return storage;
				}

			})
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean(BlobUploader.class).uploadAsync(blob("parked"));
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.until(() -> meters.get("blob.upload.parked.blobs")
						.tag("use.case", "default")
						.gauge()
						.value() == 1);
				assertThat(meters.get("blob.upload.parked").tag("use.case", "default").counter().count())
					.isGreaterThanOrEqualTo(1);
				assertThat(meters.get("blob.upload.parked.bytes").tag("use.case", "default").gauge().value())
					.isEqualTo("parked".length());
				assertThat(meters.get("blob.upload.parked.oldest").tag("use.case", "default").timeGauge().value())
					.isGreaterThanOrEqualTo(0);
				Awaitility.await()
					.atMost(Duration.ofSeconds(10))
					.until(() -> meters.get("blob.upload.spool.bytes").tag("use.case", "default").gauge().value() > 0);
				assertThat(meters.get("blob.upload.spool.backlog").tag("use.case", "default").gauge().value()).isZero();
				assertThat(
						meters.get("blob.upload.spool.recovered").tag("use.case", "default").functionCounter().count())
					.isZero();
				assertThat(meters.get("blob.upload.spool.corrupt").tag("use.case", "default").functionCounter().count())
					.isZero();
				storage.storageDown(false);
				assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
				assertThat(meters.get("blob.upload.parked.blobs").tag("use.case", "default").gauge().value()).isZero();
				assertThat(count(meters, "default", "uploaded", "none")).isEqualTo(1);
			});
	}

	@Test
	void absentWithoutMicrometer() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadMetricsAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BlobUploadMetrics.class));
	}

	private static double count(MeterRegistry meters, String useCase, String outcome, String reason) {
		return meters.get("blob.upload.blobs")
			.tag("use.case", useCase)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.counter()
			.count();
	}

	private static Blob blob(String content) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "text/plain", null);
	}

}
