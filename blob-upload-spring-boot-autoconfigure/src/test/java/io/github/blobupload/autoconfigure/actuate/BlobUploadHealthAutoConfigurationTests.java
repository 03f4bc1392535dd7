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
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.actuate.BlobUploadHealthIndicator;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.testsupport.ScriptedUploader;
import io.github.blobupload.testsupport.ScriptedUploader.Action;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadHealthAutoConfiguration}.
 */
class BlobUploadHealthAutoConfigurationTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadHealthAutoConfiguration.class));

	@Test
	void upWhenDisabledAndSaysSo() {
		this.runner.run((context) -> {
			Health health = context.getBean(BlobUploadHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("enabled", false);
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void upWithQueueAndCountDetailsPerUseCase() {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.use-cases.chat-input.enabled=true")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				registry.getBlobUploader("chat.input").uploadAsync(blob("one"));
				registry.getBlobUploader("chat.input").uploadAsync(blob("one"));
				assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
				Health health = context.getBean(BlobUploadHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				Map<String, Object> useCases = (Map<String, Object>) health.getDetails().get("useCases");
				assertThat(useCases).containsOnlyKeys("default", "chat-input");
				Map<String, Object> chat = (Map<String, Object>) useCases.get("chat-input");
				assertThat(chat).containsEntry("status", "UP")
					.containsEntry("submitted", 2L)
					.containsEntry("uploaded", 1L)
					.containsEntry("deduplicated", 1L)
					.containsEntry("failed", 0L)
					.containsEntry("queue",
							Map.of("blobs", 0, "maxBlobs", 10000, "bytes", 0L, "peakBytes", (long) "one".length(),
									"maxBytes", 100L * 1024 * 1024, "inFlight", 0))
					.containsKey("lastSuccess")
					.doesNotContainKey("lastError");
				assertThat(chat).containsEntry("destination", "file://" + this.folder + "/chat-input");
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void degradedAfterAPermanentFailureAndUpAgainAfterASuccess() throws Exception {
		Path blocker = Files.writeString(this.folder.resolve("blobs"), "a file where the folder should be");
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + blocker + "/x")
			.run((context) -> {
				BlobUploader uploader = context.getBean(BlobUploader.class);
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				String uri = uploader.uploadAsync(blob("first"));
				assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
				Health down = context.getBean(BlobUploadHealthIndicator.class).health();
				assertThat(down.getStatus()).isEqualTo(BlobUploadHealthIndicator.DEGRADED);
				Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) down.getDetails()
					.get("useCases")).get("default");
				assertThat(details).containsEntry("status", "DOWN");
				Map<String, Object> lastError = (Map<String, Object>) details.get("lastError");
				assertThat(lastError).containsEntry("uri", uri).containsEntry("permanent", true);
				assertThat((String) lastError.get("message")).contains("exists and is not a folder");

				Files.delete(blocker);
				uploader.uploadAsync(blob("second"));
				assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
				assertThat(context.getBean(BlobUploadHealthIndicator.class).health().getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	@SuppressWarnings("unchecked")
	void downAfterTooManyFailuresInARow() {
		// Failures that are not permanent: only the threshold can turn the health DOWN.
		ScriptedUploader storage = new ScriptedUploader();
		storage.then(Action.fail("503 Slow Down"), Action.fail("503 Slow Down"), Action.fail("503 Slow Down"));
		ManagedBlobUploader uploader = AsyncBlobUploader.builder(storage).maxAttempts(1).maxAge(Duration.ZERO).build();
		this.runner
			.withPropertyValues("blob.upload.health.failure-threshold=3", "blob.upload.health.affects-aggregate=true")
			.withBean(BlobUploaderRegistry.class,
					() -> DefaultBlobUploaderRegistry.builder().defaultUploader(uploader).build())
			.run((context) -> {
				BlobUploadHealthIndicator indicator = context.getBean(BlobUploadHealthIndicator.class);
				for (int failures = 1; failures <= 3; failures++) {
					uploader.uploadAsync(blob("failing " + failures));
					assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
					assertThat(uploader.stats().consecutiveFailures()).isEqualTo(failures);
					assertThat(indicator.health().getStatus()).as("after %d failures in a row", failures)
						.isEqualTo((failures < 3) ? Status.UP : Status.DOWN);
				}
				Map<String, Object> details = (Map<String, Object>) ((Map<String, Object>) indicator.health()
					.getDetails()
					.get("useCases")).get("default");
				assertThat((Map<String, Object>) details.get("lastError")).containsEntry("permanent", false);

				uploader.uploadAsync(blob("succeeds"));
				assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
				assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void outOfServiceOnceShutDown() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> {
				BlobUploadHealthIndicator indicator = context.getBean(BlobUploadHealthIndicator.class);
				context.close();
				assertThat(indicator.health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
			});
	}

	@Test
	void aFailureThresholdBelowOneFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.health.failure-threshold=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property blob.upload.health.failure-threshold with value '0' is invalid")
				.hasMessageContaining("It must be at least 1 but was 0."));
	}

	@Test
	void switchedOffByProperty() {
		this.runner.withPropertyValues("management.health.blobupload.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BlobUploadHealthIndicator.class));
	}

	@Test
	void absentWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(AbstractHealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BlobUploadHealthIndicator.class));
	}

	@Test
	void userIndicatorWins() {
		this.runner
			.withBean("blobUploadHealthIndicator", AbstractHealthIndicator.class, () -> new AbstractHealthIndicator() {

				@Override
				protected void doHealthCheck(Health.Builder builder) {
					builder.up();
				}

			})
			.run((context) -> assertThat(context).doesNotHaveBean(BlobUploadHealthIndicator.class));
	}

	private static Blob blob(String content) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "text/plain", null);
	}

}
