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

package io.github.blobupload.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadAutoConfiguration}.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobUploadAutoConfigurationTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class));

	private final Blob blob = new Blob("hello".getBytes(StandardCharsets.UTF_8), "text/plain", null);

	@Test
	void disabledByDefaultSoEveryUploaderDropsSilently() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(BlobUploaderRegistry.class).hasSingleBean(BlobUploader.class);
			assertThat(context.getBean(BlobUploader.class).uploadAsync(this.blob)).isEqualTo(BlobUploader.NOT_UPLOADED);
			assertThat(context.getBean(BlobUploaderRegistry.class).getBlobUploader("chat.input").uploadAsync(this.blob))
				.isEqualTo(BlobUploader.NOT_UPLOADED);
			assertThat(context.getBean(BlobUploaderRegistry.class).destinations()).extracting(BlobDestination::uploader)
				.noneMatch(ManagedBlobUploader.class::isInstance);
		});
	}

	@Test
	void enabledUploadsToTheConfiguredFolderAndFlushesOnClose() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> {
				String uri = context.getBean(BlobUploader.class).uploadAsync(this.blob);
				assertThat(uri).startsWith("file://" + this.folder + "/").endsWith(".txt");
				context.close();
				assertThat(Path.of(java.net.URI.create(uri))).hasContent("hello");
			});
	}

	@Test
	void enabledWithoutAPrefixUsesABlobUploadsFolderAndSaysSo(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.enabled=true").run((context) -> {
			assertThat(context.getBean(BlobUploaderRegistry.class).destinations().get(0).uriPrefix())
				.isEqualTo("file:blob-uploads");
			assertThat(output).contains("blob.upload.uri-prefix is not set: blobs are written to the folder "
					+ Path.of("blob-uploads").toAbsolutePath());
			assertThat(output).contains("Blob upload is enabled: content given to blob uploaders");
		});
	}

	@Test
	void environmentVariablesAloneEnableIt() {
		Map<String, Object> env = Map.of("BLOB_UPLOAD_ENABLED", "true", "BLOB_UPLOAD_URI_PREFIX",
				"file://" + this.folder + "/from-env");
		this.runner
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, env)))
			.run((context) -> {
				String uri = context.getBean(BlobUploader.class).uploadAsync(this.blob);
				assertThat(uri).startsWith("file://" + this.folder + "/from-env/");
				assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
				assertThat(Path.of(java.net.URI.create(uri))).exists();
			});
	}

	@Test
	void useCasesGetTheirOwnPrefixOrAFolderUnderTheDefault() {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder + "/all",
					"blob.upload.use-cases[chat.input].uri-prefix=file://" + this.folder + "/inputs",
					"blob.upload.use-cases.image-output.enabled=true",
					"blob.upload.use-cases.audio-output.enabled=false")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				assertThat(registry.getBlobUploader("chat.input").uploadAsync(this.blob))
					.startsWith("file://" + this.folder + "/inputs/");
				assertThat(registry.getBlobUploader("image.output").uploadAsync(this.blob))
					.startsWith("file://" + this.folder + "/all/image-output/");
				assertThat(registry.getBlobUploader("audio.output").uploadAsync(this.blob))
					.isEqualTo(BlobUploader.NOT_UPLOADED);
				assertThat(registry.getBlobUploader("unlisted").uploadAsync(this.blob))
					.matches("file://" + this.folder + "/all/[0-9a-f]{64}\\.txt");
				assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
			});
	}

	@Test
	void engineSettingsAreBound() {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.max-blob-size=1KB", "blob.upload.queue.max-size=7", "blob.upload.queue.max-bytes=2MB",
					"blob.upload.worker.threads=3", "blob.upload.worker.upload-timeout=5s",
					"blob.upload.retry.max-attempts=4", "blob.upload.retry.initial-backoff=10ms",
					"blob.upload.retry.max-backoff=1s", "blob.upload.dedupe-cache-size=0",
					"blob.upload.shutdown-timeout=2s", "blob.upload.naming=uuid")
			.run((context) -> {
				AsyncBlobUploader uploader = (AsyncBlobUploader) context.getBean(BlobUploader.class);
				assertThat(uploader.stats().maxQueueSize()).isEqualTo(7);
				assertThat(uploader.stats().maxQueueBytes()).isEqualTo(2 * 1024 * 1024);
				assertThat(uploader.toString()).contains("maxBlobBytes=1024", "workers=3", "uploadTimeout=PT5S",
						"maxAttempts=4", "initialBackoff=PT0.01S", "maxBackoff=PT1S", "dedupeCacheSize=0",
						"shutdownTimeout=PT2S");
				assertThat(uploader.uploadAsync(this.blob)).matches(".*/[0-9a-f-]{36}\\.txt");
				assertThat(uploader.uploadAsync(new Blob(new byte[1025], null, null)))
					.isEqualTo(BlobUploader.NOT_UPLOADED);
			});
	}

	@Test
	void parkingAndSpoolSettingsAreBoundWithAFolderPerUseCase() {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.retry.max-age=2h", "blob.upload.retry.max-parked-backoff=30s",
					"blob.upload.spool.enabled=true", "blob.upload.spool.directory=" + this.folder.resolve("spool"),
					"blob.upload.spool.max-bytes=64MB", "blob.upload.spool.fsync=true",
					"blob.upload.use-cases[chat.input].uri-prefix=file://" + this.folder.resolve("in"))
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				AsyncBlobUploader uploader = (AsyncBlobUploader) registry.getBlobUploader("default");
				assertThat(uploader.toString()).contains("maxAge=PT2H", "maxParkedBackoff=PT30S",
						"spoolDirectory=" + this.folder.resolve("spool").resolve("default"), "spoolMaxBytes=67108864",
						"spoolFsync=true");
				assertThat(uploader.stats().spool().active()).isTrue();
				ManagedBlobUploader chat = (ManagedBlobUploader) registry.getBlobUploader("chat.input");
				assertThat(chat.stats().spool().active()).isTrue();
				assertThat(this.folder.resolve("spool").resolve("chat-input")).isDirectory();
			});
	}

	@Test
	void theSpoolIsOffByDefault() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> {
				ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
				assertThat(uploader.stats().spool().configured()).isFalse();
				assertThat(uploader.toString()).contains("maxAge=PT12H", "spoolDirectory=null");
			});
	}

	@Test
	void unknownSchemeFailsStartupListingTheSchemesAndTheDependency() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://my-bucket/traces")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property blob.upload.uri-prefix with value 's3://my-bucket/traces' is invalid")
				.hasMessageContaining("No storage provider serves the scheme 's3:'. Schemes available: file:.")
				.hasMessageContaining("To use s3: add software.amazon.awssdk:s3"));
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=ftp://host/x")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Declare a BlobStorageProvider bean for it."));
	}

	@Test
	void malformedPrefixesFailStartupNamingTheProperty() {
		assertStartupFails("blob.upload.uri-prefix=/tmp/no-scheme", "blob.upload.uri-prefix",
				"must start with a scheme");
		assertStartupFails("blob.upload.uri-prefix=file:", "blob.upload.uri-prefix", "names no folder");
		assertStartupFails("blob.upload.use-cases.chat.uri-prefix=file://remote/x",
				"blob.upload.use-cases.chat.uri-prefix", "names the host 'remote'");
	}

	@Test
	void badValuesFailStartupNamingThePropertyAndTheValue() {
		assertStartupFails("blob.upload.worker.threads=0", "blob.upload.worker.threads", "at least 1");
		assertStartupFails("blob.upload.queue.max-size=-5", "blob.upload.queue.max-size", "at least 1");
		assertStartupFails("blob.upload.max-blob-size=-1MB", "blob.upload.max-blob-size", "It must be at least 1");
		assertStartupFails("blob.upload.queue.max-bytes=1MB", "blob.upload.queue.max-bytes",
				"must not be smaller than blob.upload.max-blob-size (20MB)");
		assertStartupFails("blob.upload.retry.max-attempts=0", "blob.upload.retry.max-attempts", "at least 1");
		assertStartupFails("blob.upload.worker.upload-timeout=0s", "blob.upload.worker.upload-timeout",
				"positive duration");
		assertStartupFails("blob.upload.retry.max-backoff=1ms", "blob.upload.retry.max-backoff",
				"must not be shorter than blob.upload.retry.initial-backoff");
		assertStartupFails("blob.upload.dedupe-cache-size=-1", "blob.upload.dedupe-cache-size", "must not be negative");
		assertStartupFails("blob.upload.shutdown-timeout=-1s", "blob.upload.shutdown-timeout", "must not be negative");
		assertStartupFails("blob.upload.use-cases.default.enabled=true", "blob.upload.use-cases.default",
				"must not be 'default'");
		assertStartupFails("blob.upload.retry.max-age=-1h", "blob.upload.retry.max-age", "zero or a positive");
		assertStartupFails("blob.upload.retry.max-parked-backoff=0s", "blob.upload.retry.max-parked-backoff",
				"positive duration");
		this.runner.withPropertyValues("blob.upload.spool.enabled=true", "blob.upload.spool.max-bytes=1MB")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.spool.max-bytes with value '1MB' is invalid")
				.hasMessageContaining("must not be smaller than blob.upload.max-blob-size (20MB) plus 1KB"));
	}

	@Test
	void theSpoolSaysWhereItIsAndItsBoundOnce(CapturedOutput output) {
		Path spool = this.folder.resolve("spool");
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder + "/blobs",
					"blob.upload.spool.enabled=true", "blob.upload.spool.directory=" + spool,
					"blob.upload.spool.max-bytes=256MB")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).containsOnlyOnce("The spool is on: blobs waiting for upload are kept in " + spool
						+ " (a folder per use case), up to 256MB per use case, and uploaded after a restart.");
			});
	}

	@Test
	void noSpoolLineWhenTheSpoolIsOff(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("The spool is on");
			});
	}

	@Test
	void badValuesFailStartupEvenWhenDisabled() {
		this.runner.withPropertyValues("blob.upload.worker.threads=0")
			.run((context) -> assertThat(context).hasFailed());
	}

	@Test
	void aProviderBeanAddsAScheme() {
		Map<String, byte[]> stored = new ConcurrentHashMap<>();
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=mem://bucket/x")
			.withBean(BlobStorageProvider.class, () -> new MemoryProvider(stored))
			.run((context) -> {
				String uri = context.getBean(BlobUploader.class).uploadAsync(this.blob);
				assertThat(uri).startsWith("mem://bucket/x/");
				assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
				assertThat(stored).containsKey(uri);
			});
	}

	@Test
	void listenerBeansHearEveryUpload() {
		List<String> uploaded = new java.util.concurrent.CopyOnWriteArrayList<>();
		BlobUploadListener listener = new BlobUploadListener() {

			@Override
			public void onUploaded(String name, String uri, Blob blob, Duration duration, int attempts) {
				uploaded.add(name + " " + uri);
			}

		};
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.withBean(BlobUploadListener.class, () -> listener)
			.run((context) -> {
				String uri = context.getBean(BlobUploader.class).uploadAsync(this.blob);
				assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
				assertThat(uploaded).containsExactly("default " + uri);
			});
	}

	@Test
	void userBeansWin() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.withUserConfiguration(UserBeans.class)
			.run((context) -> {
				assertThat(context.getBean(BlobUploaderRegistry.class)).isSameAs(UserBeans.REGISTRY);
				assertThat(context.getBean(BlobUploader.class)).isSameAs(UserBeans.UPLOADER);
				assertThat(context).doesNotHaveBean(DefaultBlobUploaderRegistry.class);
			});
	}

	@Test
	void userNamingStrategyAndFileProviderWin() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.withBean(BlobNamingStrategy.class, () -> (blob) -> "fixed-name.bin")
			.withBean(FileBlobStorageProvider.class, CustomFileProvider::new)
			.run((context) -> {
				assertThat(context).hasSingleBean(FileBlobStorageProvider.class);
				assertThat(context.getBean(FileBlobStorageProvider.class)).isInstanceOf(CustomFileProvider.class);
				assertThat(context.getBean(BlobUploader.class).uploadAsync(this.blob))
					.isEqualTo("file://" + this.folder + "/fixed-name.bin");
			});
	}

	@Test
	void configurationMetadataDescribesEveryProperty() throws Exception {
		String metadata = Files.readString(Path.of("target/classes/META-INF/spring-configuration-metadata.json"));
		for (String property : List.of("blob.upload.enabled", "blob.upload.uri-prefix", "blob.upload.max-blob-size",
				"blob.upload.naming", "blob.upload.dedupe-cache-size", "blob.upload.shutdown-timeout",
				"blob.upload.queue.max-size", "blob.upload.queue.max-bytes", "blob.upload.worker.threads",
				"blob.upload.worker.upload-timeout", "blob.upload.retry.max-attempts",
				"blob.upload.retry.initial-backoff", "blob.upload.retry.max-backoff", "blob.upload.use-cases",
				"blob.upload.signed-urls.enabled", "blob.upload.signed-urls.expiry")) {
			assertThat(metadata).contains("\"name\": \"" + property + "\"");
		}
		assertThat(metadata).doesNotContain("\"description\": \"\"");
	}

	private void assertStartupFails(String property, String name, String reason) {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.withPropertyValues(property)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property " + name + " with value")
				.hasMessageContaining(reason));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserBeans {

		static final BlobUploaderRegistry REGISTRY = new BlobUploaderRegistry() {

			@Override
			public BlobUploader getBlobUploader(String useCase) {
				return UPLOADER;
			}

			@Override
			public boolean flush(Duration timeout) {
				return true;
			}

		};

		static final BlobUploader UPLOADER = (blob) -> "user://mine";

		@Bean
		BlobUploaderRegistry userRegistry() {
			return REGISTRY;
		}

		@Bean
		BlobUploader userUploader() {
			return UPLOADER;
		}

	}

	static class CustomFileProvider extends FileBlobStorageProvider {

	}

	/** A provider keeping blobs in a map, standing for a user's own storage. */
	record MemoryProvider(Map<String, byte[]> stored) implements BlobStorageProvider {

		@Override
		public String scheme() {
			return "mem";
		}

		@Override
		public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
			return new SimpleBlobUploader() {

				@Override
				public String generateDestinationUri(Blob blob) {
					return uriPrefix + "/" + naming.objectName(blob);
				}

				@Override
				public void uploadSync(String uri, Blob blob) {
					MemoryProvider.this.stored.put(uri, blob.rawBytes());
				}

			};
		}

	}

}
