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

package io.github.blobupload.provider;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.provider.azure.AzureBlobStorageProvider;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageEmulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.StoredObject;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code s3://} and {@code azblob://} providers against their emulators
 * (s3proxy and Azurite on loopback, started by the build), each through the client the
 * auto-configuration builds from {@code blob.upload.*} (for S3 with the SDK's default
 * credential chain, which the build gives {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey}) unless the application declares its own.
 */
class BlobStorageProviderIntegrationTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void uploadsBytesContentTypeAndLabelsReadBackThroughTheStore(StorageTarget target) {
		String bucket = newBucket(target);
		runner(target, bucket, "traces").run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			Map<String, String> labels = new LinkedHashMap<>(
					BlobLabels.forSpan("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
			labels.put("Model Name", "café-gpt");
			labels.put("Model-Id", "gpt-4o");
			labels.put("1st", "x");
			byte[] png = SampleContent.randomPng(2048);
			String uri = registry.getBlobUploader(null).uploadAsync(new Blob(png, "image/png", labels));

			assertThat(registry.flush(FLUSH)).isTrue();
			assertThat(stats(registry).uploaded()).isEqualTo(1);
			assertThat(uri).startsWith(target.uriPrefix(bucket, "traces") + "/").endsWith(".png");
			StoredObject stored = read(target, bucket, uri);
			assertThat(stored.content()).isEqualTo(png);
			assertThat(stored.contentType()).isEqualTo("image/png");
			assertThat(stored.metadata()).containsEntry("otel_type", "span")
				.containsEntry("trace_id", "0af7651916cd43dd8448eb211c80319c")
				.containsEntry("span_id", "b7ad6b7169203331")
				.containsEntry("model_name", "caf%C3%A9-gpt")
				.containsEntry("model_id", "gpt-4o")
				.containsEntry("_1st", "x");
		});
	}

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void largeBlobIsSentInPartsAndKeepsContentTypeAndLabels(StorageTarget target) {
		String bucket = newBucket(target);
		// Parts of 5 MB, the smallest S3 accepts: two full parts and a short last one.
		runner(target, bucket, "large").withPropertyValues(partsOf5Mb(target)).run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			byte[] audio = new byte[11 * 1024 * 1024 + 17];
			ThreadLocalRandom.current().nextBytes(audio);
			String uri = registry.getBlobUploader(null)
				.uploadAsync(new Blob(audio, "audio/wav", Map.of("event_name", "gen_ai.audio")));

			assertThat(registry.flush(FLUSH)).isTrue();
			assertThat(stats(registry).uploaded()).isEqualTo(1);
			StoredObject stored = read(target, bucket, uri);
			assertThat(stored.content()).isEqualTo(audio);
			assertThat(stored.contentType()).isEqualTo("audio/wav");
			assertThat(stored.metadata()).containsEntry("event_name", "gen_ai.audio");
			assertThat(stored.parts()).isEqualTo(3);
		});
	}

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void signedUrlIsRecordedAndOnlyItsSignatureLetsAGetRead(StorageTarget target) {
		String bucket = newBucket(target);
		StorageEmulator storage = target.shared();
		runner(target, bucket, "signed")
			.withPropertyValues("blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=10m")
			.run((context) -> {
				signedUrlsReady(target, context).get(30, TimeUnit.SECONDS);
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				byte[] pdf = "%PDF-1.4 signed url test".getBytes(StandardCharsets.US_ASCII);
				String url = registry.getBlobUploader(null).uploadAsync(new Blob(pdf, "application/pdf", null));

				assertThat(registry.flush(FLUSH)).isTrue();
				assertThat(stats(registry).uploaded()).isEqualTo(1);
				assertThat(url).startsWith(storage.objectUrl(bucket, "signed/")).contains(signedQuery(target));
				HttpResponse<byte[]> response = get(url);
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo(pdf);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
				assertThat(get(url.substring(0, url.indexOf('?'))).statusCode()).isIn(401, 403, 404);
			});
	}

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void usersClientBeanIsUsedInsteadOfTheSettings(StorageTarget target) {
		String bucket = newBucket(target);
		// The settings point at a closed port: only the user's client can succeed.
		withUsersClient(target,
				new ApplicationContextRunner()
					.withConfiguration(
							AutoConfigurations.of(BlobUploadAutoConfiguration.class, target.autoConfiguration()))
					.withPropertyValues("blob.upload.enabled=true",
							"blob.upload.uri-prefix=" + target.uriPrefix(bucket, "user-client"),
							"blob.upload.retry.max-attempts=1"))
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				String uri = registry.getBlobUploader(null)
					.uploadAsync(new Blob(SampleContent.randomPng(64), "image/png", null));
				assertThat(registry.flush(FLUSH)).isTrue();
				assertThat(stats(registry).uploaded()).isEqualTo(1);
				assertThat(read(target, bucket, uri).content()).hasSize(64);
			});
	}

	@Test
	void azureClientOfAnotherAccountFailsPermanentlyNamingBothAccounts() {
		AzuriteEmulator azurite = AzuriteEmulator.shared();
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, AzureStorageAutoConfiguration.class))
			.withBean(BlobServiceClient.class,
					() -> new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient())
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=azblob://otheraccount/blobs")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				registry.getBlobUploader(null).uploadAsync(new Blob(SampleContent.randomPng(64), "image/png", null));
				assertThat(registry.flush(FLUSH)).isTrue();
				BlobUploadStats stats = stats(registry);
				assertThat(stats.failed()).isEqualTo(1);
				assertThat(stats.lastError().permanent()).isTrue();
				assertThat(stats.lastError().message()).contains("otheraccount").contains(AzuriteEmulator.ACCOUNT);
			});
	}

	private static String newBucket(StorageTarget target) {
		String bucket = UploadProbe.newBucketName("it");
		target.shared().createBucket(bucket);
		return bucket;
	}

	private static ApplicationContextRunner runner(StorageTarget target, String bucket, String folder) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class, target.autoConfiguration()))
			.withPropertyValues("blob.upload.enabled=true",
					"blob.upload.uri-prefix=" + target.uriPrefix(bucket, folder),
					"blob.upload.retry.initial-backoff=10ms", "blob.upload.retry.max-backoff=50ms")
			.withPropertyValues(target.properties(target.shared().port()).toArray(String[]::new));
	}

	private static String[] partsOf5Mb(StorageTarget target) {
		return switch (target) {
			case S3 -> new String[] { "blob.upload.s3.multipart-threshold=5MB", "blob.upload.s3.part-size=5MB" };
			case AZURE ->
				new String[] { "blob.upload.azure.block-upload-threshold=5MB", "blob.upload.azure.block-size=5MB" };
			default -> throw new IllegalArgumentException("no emulator for " + target);
		};
	}

	private static CompletableFuture<?> signedUrlsReady(StorageTarget target, ApplicationContext context) {
		return switch (target) {
			case S3 -> context.getBean(S3BlobStorageProvider.class).signedUrlsReady();
			case AZURE -> context.getBean(AzureBlobStorageProvider.class).signedUrlsReady();
			default -> throw new IllegalArgumentException("no emulator for " + target);
		};
	}

	/**
	 * What the query of a signed URL holds: a signature, and the expiry or the
	 * permission.
	 */
	private static String[] signedQuery(StorageTarget target) {
		return switch (target) {
			case S3 -> new String[] { "X-Amz-Signature=", "X-Amz-Expires=600" };
			case AZURE -> new String[] { "sig=", "sp=r" };
			default -> throw new IllegalArgumentException("no emulator for " + target);
		};
	}

	private static ApplicationContextRunner withUsersClient(StorageTarget target, ApplicationContextRunner runner) {
		return switch (target) {
			case S3 -> runner.withBean(S3Client.class, S3Emulator.shared()::newClient)
				.withPropertyValues("blob.upload.s3.endpoint=http://127.0.0.1:1", "blob.upload.s3.region=eu-west-3");
			// No connection string and no azure-identity settings.
			case AZURE -> runner.withBean(BlobServiceClient.class,
					() -> new BlobServiceClientBuilder().connectionString(AzuriteEmulator.shared().connectionString())
						.buildClient())
				.withPropertyValues("blob.upload.azure.endpoint=http://127.0.0.1:1/" + AzuriteEmulator.ACCOUNT);
			default -> throw new IllegalArgumentException("no emulator for " + target);
		};
	}

	private static StoredObject read(StorageTarget target, String bucket, String uri) {
		return target.shared().readObject(bucket, target.objectName(bucket, uri));
	}

	private static HttpResponse<byte[]> get(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	private static BlobUploadStats stats(BlobUploaderRegistry registry) {
		return ((ManagedBlobUploader) registry.getBlobUploader(null)).stats();
	}

}
