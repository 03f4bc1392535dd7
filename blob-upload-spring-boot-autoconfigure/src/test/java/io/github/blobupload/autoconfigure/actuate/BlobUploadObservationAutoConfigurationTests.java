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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.actuate.BlobUploadHealthIndicator;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.observation.BlobUploadObservationContext;
import io.github.blobupload.observation.BlobUploadObservationConvention;
import io.github.blobupload.observation.BlobUploadObservations;
import io.github.blobupload.observation.DefaultBlobUploadObservationConvention;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.testsupport.ScriptedUploader;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The optional per-attempt observation: {@code blob.upload.observations.enabled}, with a
 * real {@link ObservationRegistry} whose handler collects the finished observations.
 */
class BlobUploadObservationAutoConfigurationTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	@TempDir
	Path folder;

	private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
				BlobUploadObservationAutoConfiguration.class, BlobUploadHealthAutoConfiguration.class))
		.withBean(ObservationRegistry.class, this::observationRegistry);

	private ObservationRegistry observationRegistry() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				BlobUploadObservationAutoConfigurationTests.this.observed.add(context);
			}

		});
		return registry;
	}

	private ApplicationContextRunner enabled() {
		return this.runner.withPropertyValues("blob.upload.enabled=true",
				"blob.upload.uri-prefix=file://" + this.folder, "blob.upload.observations.enabled=true");
	}

	@Test
	void offByDefaultNoObservationIsMadePerBlob() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> {
				assertThat(context).doesNotHaveBean(BlobUploadObservations.class);
				upload(context.getBean(BlobUploaderRegistry.class), "one", "two");
				assertThat(this.observed).isEmpty();
			});
	}

	@Test
	void oneObservationPerUploadedBlobWithLowAndHighCardinalityKeysButNoLabels() {
		enabled().withPropertyValues("blob.upload.use-cases.chat-input.enabled=true").run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			Blob blob = new Blob("hello".getBytes(StandardCharsets.UTF_8), "text/plain",
					Map.of("user_email", "someone@example.com"));
			String uri = registry.getBlobUploader("chat.input").uploadAsync(blob);
			assertThat(registry.flush(FLUSH)).isTrue();

			assertThat(this.observed).hasSize(1);
			Observation.Context observation = this.observed.get(0);
			assertThat(observation).isInstanceOf(BlobUploadObservationContext.class);
			assertThat(observation.getName()).isEqualTo("blob.upload.attempt");
			assertThat(observation.getContextualName()).isEqualTo("upload file");
			assertThat(observation.getLowCardinalityKeyValues()).containsExactlyInAnyOrder(
					KeyValue.of("blob.upload.use_case", "chat-input"), KeyValue.of("blob.upload.scheme", "file"),
					KeyValue.of("blob.upload.outcome", "success"));
			assertThat(observation.getHighCardinalityKeyValues()).containsExactlyInAnyOrder(
					KeyValue.of("blob.upload.uri", uri), KeyValue.of("blob.upload.size", "5"),
					KeyValue.of("blob.upload.content_type", "text/plain"));
			assertThat(observation.getError()).isNull();
			assertThat(observation.getParentObservation()).isNull();
			assertThat(observation.getAllKeyValues()).noneMatch((keyValue) -> keyValue.getValue().contains("someone"));
		});
	}

	@Test
	void aPermanentFailureIsRecordedWithItsError() throws Exception {
		Path blocker = Files.writeString(this.folder.resolve("blobs"), "a file where the folder should be");
		enabled().withPropertyValues("blob.upload.uri-prefix=file://" + blocker + "/x").run((context) -> {
			upload(context.getBean(BlobUploaderRegistry.class), "one");

			assertThat(this.observed).singleElement().satisfies((observation) -> {
				assertThat(observation.getLowCardinalityKeyValue("blob.upload.outcome").getValue())
					.isEqualTo("permanent_error");
				assertThat(observation.getError()).hasMessageContaining("exists and is not a folder");
			});
		});
	}

	@Test
	void eachAttemptOfARetriedBlobIsObservedWithItsOutcome() {
		ScriptedUploader scripted = new ScriptedUploader().then(ScriptedUploader.Action.fail("503 Slow Down"),
				ScriptedUploader.Action.SUCCEED);
		enabled()
			.withPropertyValues("blob.upload.uri-prefix=mem://bucket", "blob.upload.retry.initial-backoff=1ms",
					"blob.upload.retry.max-backoff=1ms")
			.withBean(BlobStorageProvider.class, () -> new ScriptedProvider(scripted))
			.run((context) -> {
				upload(context.getBean(BlobUploaderRegistry.class), "retried");

				assertThat(this.observed)
					.extracting(
							(observation) -> observation.getLowCardinalityKeyValue("blob.upload.outcome").getValue())
					.containsExactly("error", "success");
				assertThat(this.observed)
					.extracting((observation) -> observation.getLowCardinalityKeyValue("blob.upload.scheme").getValue())
					.containsOnly("mem");
				assertThat(this.observed.get(0).getError()).hasMessage("503 Slow Down");
			});
	}

	@Test
	void theQueryOfASignedUrlIsNotRecorded() {
		SimpleBlobUploader signing = new ScriptedUploader() {

			@Override
			public String generateDestinationUri(Blob blob) {
				return "https://bucket.example.com/blob.txt?X-Amz-Signature=secret";
			}

		};
		enabled().withPropertyValues("blob.upload.uri-prefix=mem://bucket")
			.withBean(BlobStorageProvider.class, () -> new ScriptedProvider(signing))
			.run((context) -> {
				upload(context.getBean(BlobUploaderRegistry.class), "signed");

				assertThat(this.observed).singleElement()
					.satisfies((observation) -> assertThat(
							observation.getHighCardinalityKeyValue("blob.upload.uri").getValue())
						.isEqualTo("https://bucket.example.com/blob.txt"));
			});
	}

	@Test
	void activeCheckWorksThroughTheObservedUploaderUnobserved() {
		enabled().withPropertyValues("blob.upload.health.active-check.enabled=true").run((context) -> {
			Health health = context.getBean(BlobUploadHealthIndicator.class).health();

			assertThat(BlobUploadHealthActiveCheckTests.activeCheck(health, "default")).containsEntry("status", "UP");
			assertThat(this.observed).isEmpty();
		});
	}

	@Test
	void usersConventionRenamesTheObservationAndItsKeys() {
		enabled().withBean(BlobUploadObservationConvention.class, RenamingConvention::new).run((context) -> {
			upload(context.getBean(BlobUploaderRegistry.class), "renamed");

			assertThat(this.observed).singleElement().satisfies((observation) -> {
				assertThat(observation.getName()).isEqualTo("storage.write");
				assertThat(observation.getLowCardinalityKeyValue("tenant.use_case").getValue()).isEqualTo("default");
			});
		});
	}

	@Test
	void absentWithoutAnObservationRegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
					BlobUploadObservationAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.observations.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(BlobUploadObservations.class);
				assertThat(context.getBean(BlobUploader.class).uploadAsync(blob("works"))).startsWith("file:");
			});
	}

	@Test
	void absentWithoutMicrometerObservation() {
		enabled().withClassLoader(new FilteredClassLoader(ObservationRegistry.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BlobUploadObservations.class));
	}

	@Test
	void usersDecoratorBeanWins() {
		BlobUploadObservations own = new BlobUploadObservations(ObservationRegistry.NOOP, null);
		enabled().withBean(BlobUploadObservations.class, () -> own).run((context) -> {
			assertThat(context).getBean(BlobUploadObservations.class).isSameAs(own);
			upload(context.getBean(BlobUploaderRegistry.class), "noop");
			assertThat(this.observed).isEmpty();
		});
	}

	@Test
	void configurationMetadataDescribesTheSwitch() throws Exception {
		String metadata = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"));
		assertThat(metadata).contains("\"name\": \"blob.upload.observations.enabled\"",
				"Whether to wrap each upload attempt in a Micrometer observation");
	}

	private static void upload(BlobUploaderRegistry registry, String... contents) {
		for (String content : contents) {
			registry.getBlobUploader(null).uploadAsync(blob(content));
		}
		assertThat(registry.flush(FLUSH)).isTrue();
	}

	private static Blob blob(String content) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "text/plain", null);
	}

	/** Serves {@code mem://} prefixes with the given uploader. */
	private record ScriptedProvider(SimpleBlobUploader uploader) implements BlobStorageProvider {

		@Override
		public String scheme() {
			return "mem";
		}

		@Override
		public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
			return this.uploader;
		}

	}

	/** A user's convention: other names, same values. */
	static class RenamingConvention extends DefaultBlobUploadObservationConvention {

		@Override
		public String getName() {
			return "storage.write";
		}

		@Override
		protected KeyValue useCase(BlobUploadObservationContext context) {
			return KeyValue.of("tenant.use_case", context.getUseCase());
		}

	}

}
