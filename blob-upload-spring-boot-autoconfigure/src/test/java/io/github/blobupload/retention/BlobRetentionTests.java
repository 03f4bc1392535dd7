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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.actuate.BlobRetentionHealthIndicator;
import io.github.blobupload.actuate.BlobRetentionMetrics;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.MutableClock;
import io.github.blobupload.testsupport.SampleContent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobRetention} on the {@code file:} store, through the
 * auto-configuration, with an injected clock.
 */
class BlobRetentionTests {

	@TempDir
	Path folder;

	private final MutableClock clock = new MutableClock();

	private ApplicationContextRunner runner;

	@BeforeEach
	void setUp() {
		// File times are real: start the clock at the real time.
		this.clock.advance(Duration.between(this.clock.instant(), Instant.now()));
		this.runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class))
			.withBean(BlobRetention.class, () -> new BlobRetention(this.clock, Duration.ofHours(1)))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + this.folder.toUri());
	}

	@Test
	void sweepRemovesObjectsPastTheirWindowAndKeepsReusedOnes() {
		this.runner.withPropertyValues("blob.upload.retention=7").run((context) -> {
			ManagedBlobUploader uploader = uploader(context.getBean(BlobUploaderRegistry.class), null);
			BlobRetention retention = context.getBean(BlobRetention.class);
			String reused = uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null));
			String unused = uploader.uploadAsync(new Blob(SampleContent.randomPng(700), "image/png", null));
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			assertThat(Files.readString(sidecar(unused))).contains("\"blob_retention\":\"7d\"");

			this.clock.advance(Duration.ofDays(5));
			uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null));
			assertThat(retention.awaitRefreshes(Duration.ofSeconds(10))).isTrue();
			this.clock.advance(Duration.ofDays(3));
			BlobRetention.LastSweep first = retention.sweepNow();
			assertThat(first.swept()).isEqualTo(1);
			assertThat(first.failed()).isZero();
			assertThat(path(unused)).doesNotExist();
			assertThat(sidecar(unused)).doesNotExist();
			assertThat(path(reused)).exists();
			assertThat(sidecar(reused)).exists();

			this.clock.advance(Duration.ofDays(5));
			assertThat(retention.sweepNow().swept()).isEqualTo(1);
			assertThat(path(reused)).doesNotExist();

			SimpleMeterRegistry meters = new SimpleMeterRegistry();
			new BlobRetentionMetrics(retention).bindTo(meters);
			assertThat(meters.get("blob.upload.retention.sweeps").functionCounter().count()).isEqualTo(2);
			assertThat(meters.get("blob.upload.retention.swept").functionCounter().count()).isEqualTo(2);
			assertThat(meters.get("blob.upload.retention.sweep.failures").functionCounter().count()).isZero();
			assertThat(
					meters.get("blob.upload.retention.refreshes").tag("outcome", "refreshed").functionCounter().count())
				.isEqualTo(1);
			Health health = new BlobRetentionHealthIndicator(retention).health(true);
			assertThat(health.getDetails()).containsEntry("sweeps", 2L)
				.containsEntry("swept", 2L)
				.containsKey("lastSweep");
		});
	}

	@Test
	void aReusedObjectSweptWhileTheEngineRemembersItIsWrittenAgain() {
		this.runner.withPropertyValues("blob.upload.retention=7d").run((context) -> {
			ManagedBlobUploader uploader = uploader(context.getBean(BlobUploaderRegistry.class), null);
			BlobRetention retention = context.getBean(BlobRetention.class);
			String uri = uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null));
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			this.clock.advance(Duration.ofDays(8));
			assertThat(retention.sweepNow().swept()).isEqualTo(1);
			assertThat(path(uri)).doesNotExist();

			// Deduplicated by the engine, which still remembers the upload.
			assertThat(uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null))).isEqualTo(uri);
			assertThat(retention.awaitRefreshes(Duration.ofSeconds(10))).isTrue();
			assertThat(uploader.stats().deduplicated()).isEqualTo(1);
			assertThat(retention.rewrites()).isEqualTo(1);
			assertThat(retention.refreshes()).isZero();
			assertThat(path(uri)).hasBinaryContent(SampleContent.png());
			assertThat(Files.readString(sidecar(uri))).contains("\"blob_retention\":\"7d\"");
		});
	}

	@Test
	void anObjectItForgotIsWrittenAgainOnItsNextReuse() {
		this.runner.withPropertyValues("blob.upload.retention=7d").run((context) -> {
			ManagedBlobUploader uploader = uploader(context.getBean(BlobUploaderRegistry.class), null);
			BlobRetention retention = context.getBean(BlobRetention.class);
			String uri = uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null));
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			// Erased, but the engine still remembers the upload and deduplicates.
			Files.delete(path(uri));
			uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null));
			assertThat(retention.awaitRefreshes(Duration.ofSeconds(10))).isTrue();
			assertThat(retention.rewrites()).as("written moments ago, as far as it knows").isZero();
			assertThat(path(uri)).doesNotExist();

			retention.forget(List.of(uri));
			uploader.uploadAsync(new Blob(SampleContent.png(), "image/png", null));
			assertThat(retention.awaitRefreshes(Duration.ofSeconds(10))).isTrue();
			assertThat(retention.rewrites()).isOne();
			assertThat(path(uri)).hasBinaryContent(SampleContent.png());
		});
	}

	@Test
	void aUseCaseFolderNestedInASweptPrefixKeepsItsOwnRetention() {
		this.runner.withPropertyValues("blob.upload.retention=7d", "blob.upload.use-cases.images.retention=90d")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				ManagedBlobUploader images = uploader(registry, "images");
				ManagedBlobUploader other = uploader(registry, null);
				String image = images.uploadAsync(new Blob(SampleContent.png(), "image/png", null));
				String document = other.uploadAsync(new Blob(SampleContent.randomPng(800), "image/png", null));
				assertThat(images.flush(Duration.ofSeconds(10))).isTrue();
				assertThat(other.flush(Duration.ofSeconds(10))).isTrue();
				assertThat(image).contains("/images/");

				this.clock.advance(Duration.ofDays(8));
				context.getBean(BlobRetention.class).sweepNow();
				assertThat(path(document)).doesNotExist();
				assertThat(path(image)).exists();
			});
	}

	@Test
	void useCasesSharingAPrefixKeepItsObjectsForTheLongestRetention() {
		String shared = this.folder.resolve("shared").toUri().toString();
		this.runner
			.withPropertyValues("blob.upload.use-cases.voice.uri-prefix=" + shared,
					"blob.upload.use-cases.voice.retention=7d", "blob.upload.use-cases.images.uri-prefix=" + shared,
					"blob.upload.use-cases.images.retention=30d",
					"blob.upload.use-cases.kept.uri-prefix=" + shared + "kept",
					"blob.upload.use-cases.documents.uri-prefix=" + shared + "kept",
					"blob.upload.use-cases.documents.retention=7d")
			.run((context) -> {
				BlobRetention retention = context.getBean(BlobRetention.class);
				assertThat(retention.retentionOf("voice")).contains(Duration.ofDays(30));
				assertThat(retention.retentionOf("images")).contains(Duration.ofDays(30));
				// One use case of the prefix keeps forever: so do the others.
				assertThat(retention.retentionOf("documents")).isEmpty();
				assertThat(retention.retentionOf("default")).isEmpty();
			});
	}

	@Test
	void aRetentionThatIsNotWholeDaysFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.use-cases.voice.retention=12h", "blob.upload.retention=0")
			.run((context) -> {
				assertThat(context).hasFailed();
				String message = String.valueOf(context.getStartupFailure().getMessage());
				assertThat(message).contains("blob.upload.use-cases.voice.retention", "12h", "whole number of days",
						"blob.upload.retention");
			});
	}

	private static ManagedBlobUploader uploader(BlobUploaderRegistry registry, @Nullable String useCase) {
		return (ManagedBlobUploader) registry.getBlobUploader(useCase);
	}

	private static Path path(String uri) {
		return Path.of(java.net.URI.create(uri));
	}

	private static Path sidecar(String uri) {
		Path path = path(uri);
		return path.resolveSibling(path.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX);
	}

}
