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

package io.github.blobupload.autoconfigure.storage;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;

import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.gcs.GcsBlobStorageProvider;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.ServiceAccountKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/**
 * Tests for {@link GcsStorageAutoConfiguration}.
 */
class GcsStorageAutoConfigurationTests {

	private static final String BUCKET = "genai-blobs";

	@TempDir
	Path folder;

	// The fake is not thread-safe: one worker.
	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class, GcsStorageAutoConfiguration.class))
		.withPropertyValues("blob.upload.worker.threads=1");

	@Test
	void providesGsWithoutCredentialsAndStartsEvenWhenAGsPrefixIsUsed() {
		// No Storage bean, no key file: nothing about credentials is resolved at startup.
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=gs://" + BUCKET + "/genai")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(GcsBlobStorageProvider.class);
				assertThat(context.getBean(BlobUploaderRegistry.class).destinations().get(0).uriPrefix())
					.isEqualTo("gs://" + BUCKET + "/genai");
				assertThat(context.getBean(BlobUploader.class)
					.uploadAsync(new io.github.blobupload.Blob(new byte[] { 1 }, null, null)))
					.startsWith("gs://" + BUCKET + "/genai/");
			});
	}

	@Test
	void isAbsentWithoutTheSdkAndAGsPrefixThenNamesTheDependency() {
		this.runner.withClassLoader(new FilteredClassLoader(Storage.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(GcsBlobStorageProvider.class));
		this.runner.withClassLoader(new FilteredClassLoader(Storage.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=gs://" + BUCKET)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.uri-prefix")
				.hasMessageContaining("No storage provider serves the scheme 'gs:'")
				.hasMessageContaining("To use gs: add com.google.cloud:google-cloud-storage."));
	}

	@Test
	void aPrefixWithoutBucketFailsStartupNamingThePropertyAndValue() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=gs://")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.uri-prefix with value 'gs://' is invalid")
				.hasMessageContaining("'gs://' names no bucket; use for example gs://my-bucket"));
	}

	@Test
	void aNonPositiveResumableThresholdFailsStartup() {
		this.runner.withPropertyValues("blob.upload.gcs.resumable-threshold=0B")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.gcs.resumable-threshold with value '0B' is invalid")
				.hasMessageContaining("It must be at least 1 byte but was 0 bytes."));
	}

	@Test
	void anonymousWithAKeyFileFailsStartup() {
		this.runner
			.withPropertyValues("blob.upload.gcs.anonymous=true",
					"blob.upload.gcs.credentials-location=file:/secrets/key.json")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.gcs.anonymous with value 'true' is invalid")
				.hasMessageContaining("blob.upload.gcs.credentials-location"));
	}

	@Test
	void signedUrlExpiryOverSevenDaysFailsStartupNamingTheProperty() {
		// Checked before any credentials are looked for.
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=gs://" + BUCKET,
					"blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=8d")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.signed-urls.expiry with value '8d' is invalid")
				.hasMessageContaining("It must be positive and at most 7 days"));
	}

	@Test
	void usersProviderBeanWins() {
		GcsBlobStorageProvider own = new GcsBlobStorageProvider(LazyClient.of("unused", () -> null, () -> {
			throw new IllegalStateException();
		}), io.github.blobupload.provider.gcs.GcsUploadOptions.defaults(), null);
		this.runner.withBean(GcsBlobStorageProvider.class, () -> own)
			.run((context) -> assertThat(context.getBean(GcsBlobStorageProvider.class)).isSameAs(own));
	}

	@Test
	void uploadsThroughTheUsersStorageBeanWithContentTypeAndLabelsAsMetadata() {
		this.runner.withUserConfiguration(FakeStorage.class)
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=gs://" + BUCKET + "/genai",
					"blob.upload.gcs.resumable-threshold=256KB")
			.run((context) -> {
				Storage storage = context.getBean(Storage.class);
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				Map<String, String> labels = BlobLabels.forSpan("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7");
				labels.put("Conversation ID", "c-42\r\n");
				byte[] png = SampleContent.png();
				String small = registry.getBlobUploader(null)
					.uploadAsync(new io.github.blobupload.Blob(png, null, labels));
				// Above the resumable threshold: sent through a resumable session in
				// chunks.
				byte[] large = new byte[700 * 1024];
				Arrays.fill(large, (byte) 7);
				String big = registry.getBlobUploader(null)
					.uploadAsync(new io.github.blobupload.Blob(large, "application/octet-stream", labels));
				assertThat(small).matches("gs://genai-blobs/genai/[0-9a-f]{64}\\.png");
				assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();

				Blob stored = storage.get(BlobId.fromGsUtilUri(small));
				assertThat(stored.getContent()).isEqualTo(png);
				assertThat(stored.getContentType()).isEqualTo("image/png");
				assertThat(stored.getMetadata()).containsOnly(entry("otel_type", "span"),
						entry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"), entry("span_id", "00f067aa0ba902b7"),
						entry("conversation_id", "c-42"));
				assertThat(stored.getAcl()).isNull();
				Blob storedBig = storage.get(BlobId.fromGsUtilUri(big));
				assertThat(storedBig.getContent()).isEqualTo(large);
				assertThat(storedBig.getContentType()).isEqualTo("application/octet-stream");
				assertThat(storedBig.getMetadata()).containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
				BlobUploadStats stats = ((ManagedBlobUploader) context.getBean(BlobUploader.class)).stats();
				assertThat(stats.uploaded()).isEqualTo(2);
				assertThat(stats.failed()).isZero();
			});
	}

	@Test
	void signsUrlsWithTheKeyFileAndUploadsTheirObject() throws Exception {
		Path keyFile = ServiceAccountKeys.writeKeyFile(this.folder);
		this.runner.withUserConfiguration(FakeStorage.class)
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=gs://" + BUCKET + "/genai",
					"blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=15m",
					"blob.upload.gcs.credentials-location=file:" + keyFile)
			.run((context) -> {
				BlobUploader uploader = context.getBean(BlobUploader.class);
				io.github.blobupload.Blob blob = new io.github.blobupload.Blob("a PDF".getBytes(StandardCharsets.UTF_8),
						"application/pdf", null);
				String url = uploader.uploadAsync(blob);
				assertThat(url).startsWith("https://storage.googleapis.com/genai-blobs/genai/")
					.contains("X-Goog-Algorithm=GOOG4-RSA-SHA256", "X-Goog-Expires=900", "X-Goog-Signature=");
				// The same content again: the same URL, so the engine deduplicates it.
				assertThat(uploader.uploadAsync(blob)).isEqualTo(url);
				assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
				String objectName = java.net.URI.create(url).getPath().substring(("/" + BUCKET + "/").length());
				Blob stored = context.getBean(Storage.class).get(BlobId.of(BUCKET, objectName));
				assertThat(stored.getContent()).isEqualTo("a PDF".getBytes(StandardCharsets.UTF_8));
				BlobUploadStats stats = ((ManagedBlobUploader) uploader).stats();
				assertThat(stats.uploaded()).isEqualTo(1);
				assertThat(stats.deduplicated()).isEqualTo(1);
			});
	}

	@Test
	void signedUrlsWithCredentialsThatCannotSignFailStartupSayingWhatToDo() {
		this.runner
			.withBean(Storage.class,
					() -> StorageOptions.newBuilder()
						.setProjectId("p")
						.setCredentials(NoCredentials.getInstance())
						.build()
						.getService())
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=gs://" + BUCKET,
					"blob.upload.signed-urls.enabled=true")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.signed-urls.enabled with value 'true' is invalid")
				.hasMessageContaining("the Google credentials from the application's Storage bean (NoCredentials) "
						+ "cannot sign URLs offline")
				.hasMessageContaining("blob.upload.gcs.credentials-location"));
	}

	@Test
	void signedUrlsAreNotResolvedWhenNoGsPrefixIsUsed() {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file:" + this.folder,
					"blob.upload.signed-urls.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class FakeStorage {

		@Bean
		Storage storage() {
			return LocalStorageHelper.customOptions(false).getService();
		}

	}

}
