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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.github.blobupload.StorageProbe;
import io.github.blobupload.actuate.BlobUploadHealthIndicator;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional active check of the {@code blobUpload} health contributor against the
 * {@code file:} provider: {@code blob.upload.health.active-check.*}.
 */
class BlobUploadHealthActiveCheckTests {

	private static final Path METADATA = Path.of("target/classes/META-INF/spring-configuration-metadata.json");

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadHealthAutoConfiguration.class))
		.withPropertyValues("blob.upload.enabled=true");

	@Test
	void offByDefaultHealthNeverTouchesStorage() {
		Path destination = this.folder.resolve("blobs");
		this.runner.withPropertyValues("blob.upload.uri-prefix=file://" + destination).run((context) -> {
			BlobUploadHealthIndicator indicator = context.getBean(BlobUploadHealthIndicator.class);
			Health first = indicator.health();
			indicator.health();

			assertThat(first.getStatus()).isEqualTo(Status.UP);
			assertThat(useCase(first, "default")).doesNotContainKey("activeCheck");
			// Not even the folder: the uploader creates it on first upload only.
			assertThat(destination).doesNotExist();
		});
	}

	@Test
	void upWhenTheProbeFileIsWrittenWithTheCheckInTheDetails() {
		Path destination = this.folder.resolve("blobs");
		this.runner
			.withPropertyValues("blob.upload.uri-prefix=file://" + destination,
					"blob.upload.health.active-check.enabled=true")
			.run((context) -> {
				Health health = context.getBean(BlobUploadHealthIndicator.class).health();

				assertThat(health.getStatus()).isEqualTo(Status.UP);
				Map<String, Object> activeCheck = activeCheck(health, "default");
				assertThat(activeCheck).containsEntry("status", "UP")
					.containsKey("checkedAt")
					.doesNotContainKey("error");
				Path probe = destination.resolve(StorageProbe.PROBE_OBJECT_NAME);
				assertThat(probe).isRegularFile();
				assertThat(Files.readString(probe)).contains("health check");
				try (var files = Files.list(destination)) {
					assertThat(files).containsExactly(probe);
				}
			});
	}

	@Test
	void degradedWhenTheFolderCannotBeCreatedAlthoughNoUploadHasFailed() throws Exception {
		Path blocker = Files.writeString(this.folder.resolve("blobs"), "a file where the folder should be");
		this.runner
			.withPropertyValues("blob.upload.uri-prefix=file://" + blocker + "/x",
					"blob.upload.health.active-check.enabled=true")
			.run((context) -> {
				Health health = context.getBean(BlobUploadHealthIndicator.class).health();

				assertThat(health.getStatus()).isEqualTo(BlobUploadHealthIndicator.DEGRADED);
				Map<String, Object> details = useCase(health, "default");
				assertThat(details).containsEntry("status", "DOWN").containsEntry("failed", 0L);
				Map<String, Object> activeCheck = activeCheck(health, "default");
				assertThat(activeCheck).containsEntry("status", "DOWN").containsKey("checkedAt");
				assertThat((String) activeCheck.get("error")).startsWith("PermanentUploadException")
					.contains("exists and is not a folder");
			});
	}

	@Test
	void twoHealthRequestsWithinTheIntervalWriteOnce() throws Exception {
		Path destination = this.folder.resolve("blobs");
		this.runner
			.withPropertyValues("blob.upload.uri-prefix=file://" + destination,
					"blob.upload.health.active-check.enabled=true")
			.run((context) -> {
				BlobUploadHealthIndicator indicator = context.getBean(BlobUploadHealthIndicator.class);
				Health first = indicator.health();
				Path probe = destination.resolve(StorageProbe.PROBE_OBJECT_NAME);
				Files.delete(probe);
				Health second = indicator.health();

				assertThat(second.getStatus()).isEqualTo(Status.UP);
				assertThat(activeCheck(second, "default")).isEqualTo(activeCheck(first, "default"));
				assertThat(probe).doesNotExist();
			});
	}

	@Test
	void eachUseCaseDestinationIsChecked() {
		this.runner
			.withPropertyValues("blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.use-cases.chat-input.enabled=true", "blob.upload.health.active-check.enabled=true")
			.run((context) -> {
				Health health = context.getBean(BlobUploadHealthIndicator.class).health();

				assertThat(activeCheck(health, "default")).containsEntry("status", "UP");
				assertThat(activeCheck(health, "chat-input")).containsEntry("status", "UP");
				assertThat(this.folder.resolve(StorageProbe.PROBE_OBJECT_NAME)).isRegularFile();
				assertThat(this.folder.resolve("chat-input").resolve(StorageProbe.PROBE_OBJECT_NAME)).isRegularFile();
			});
	}

	@Test
	void nothingIsCheckedWhenUploadingIsDisabled() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, BlobUploadHealthAutoConfiguration.class))
			.withPropertyValues("blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.health.active-check.enabled=true")
			.run((context) -> {
				Health health = context.getBean(BlobUploadHealthIndicator.class).health();
				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(health.getDetails()).containsEntry("enabled", false);
				assertThat(this.folder.resolve(StorageProbe.PROBE_OBJECT_NAME)).doesNotExist();
			});
	}

	@Test
	void aNonPositiveIntervalOrTimeoutFailsStartupNamingTheProperty() {
		for (String property : new String[] { "interval=0s", "timeout=-1s" }) {
			String name = property.substring(0, property.indexOf('='));
			this.runner
				.withPropertyValues("blob.upload.uri-prefix=file://" + this.folder,
						"blob.upload.health.active-check.enabled=true", "blob.upload.health.active-check." + property)
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.isInstanceOf(InvalidConfigurationPropertyValueException.class)
					.hasMessageContaining("Property blob.upload.health.active-check." + name + " with value")
					.hasMessageContaining("It must be a positive duration but was"));
		}
	}

	@Test
	void configurationMetadataDescribesTheActiveCheckWithItsDefaults() throws Exception {
		String metadata = Files.readString(METADATA);
		assertThat(metadata).contains("\"name\": \"blob.upload.health.active-check.enabled\"",
				"\"name\": \"blob.upload.health.active-check.interval\"",
				"\"name\": \"blob.upload.health.active-check.timeout\"", "\"defaultValue\": \"5m\"",
				"\"defaultValue\": \"5s\"", "Whether the health contributor writes a probe object");
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> useCase(Health health, String name) {
		return (Map<String, Object>) ((Map<String, Object>) health.getDetails().get("useCases")).get(name);
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> activeCheck(Health health, String name) {
		return (Map<String, Object>) useCase(health, name).get("activeCheck");
	}

}
