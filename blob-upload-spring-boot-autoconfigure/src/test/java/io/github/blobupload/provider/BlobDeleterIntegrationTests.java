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

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.GcsStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for the {@link BlobDeleter} of each cloud provider: S3 on s3proxy and Azure on
 * Azurite (shared emulators started by the build), Google Cloud Storage on Google's
 * in-memory fake; blobs uploaded through the engine, deleted through the deleter the
 * uploader offers, with the uploading client or with an erasure-only client bean.
 */
class BlobDeleterIntegrationTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	/** A key that is valid base64 but not the emulators'. */
	private static final String WRONG_SECRET = "d3JvbmctZXJhc3VyZS1zZWNyZXQtd3JvbmctZXJhc3VyZS1zZWNyZXQ=";

	/** Google's in-memory fake, one store for the whole class. */
	private static final Storage GCS = LocalStorageHelper.customOptions(false).getService();

	@ParameterizedTest
	@EnumSource(StorageTarget.class)
	void deletesWhatItWroteOnceThenFindsNothing(StorageTarget target) {
		String bucket = newBucket(target);
		runner(target, bucket).run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			Instant before = Instant.now().minusSeconds(120);
			String uri = registry.getBlobUploader(null)
				.uploadAsync(new Blob(SampleContent.randomPng(512), "image/png", null));
			assertThat(registry.flush(FLUSH)).isTrue();
			BlobDeleter deleter = deleter(registry);
			BlobReader reader = reader(registry);
			assertThat(deleter.uriPrefix()).isEqualTo(reader.uriPrefix());
			assertThat(deleter.lastModified(uri))
				.hasValueSatisfying((time) -> assertThat(time).isBetween(before, Instant.now().plusSeconds(120)));
			String name = uri.substring(uri.lastIndexOf('/') + 1);
			assertThat(deleter.delete(deleter.uriPrefix() + "%2e%2e/mine/" + name)).isFalse();
			assertThat(deleter.delete(deleter.uriPrefix() + "../mine/" + name)).isFalse();
			assertThat(reader.open(uri, null)).isPresent();

			assertThat(deleter.delete(uri)).isTrue();
			assertThat(reader.open(uri, null)).isEmpty();
			assertThat(deleter.lastModified(uri)).isEmpty();
			assertThat(deleter.delete(uri)).isFalse();
		});
	}

	@ParameterizedTest
	@EnumSource(StorageTarget.class)
	void theErasureClientBeanDeletesAndTheUploadsDoNotUseIt(StorageTarget target) {
		String bucket = newBucket(target);
		Queue<String> erasureRequests = new ConcurrentLinkedQueue<>();
		erasureBean(target, runner(target, bucket), erasureRequests, true).run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			String uri = registry.getBlobUploader(null)
				.uploadAsync(new Blob(SampleContent.randomPng(256), "image/png", null));
			assertThat(registry.flush(FLUSH)).isTrue();
			assertThat(erasureRequests).as("the upload went through the uploading client").isEmpty();
			BlobDeleter deleter = deleter(registry);

			// Erasure lists the reference index through the deleter's own reader.
			assertThat(deleter.blobReader().orElseThrow().list(deleter.uriPrefix(), 10)).containsExactly(uri);
			assertThat(erasureRequests).isNotEmpty();
			erasureRequests.clear();
			assertThat(deleter.delete(uri)).isTrue();
			assertThat(erasureRequests).isNotEmpty();
			assertThat(reader(registry).open(uri, null)).isEmpty();
		});
	}

	@Test
	void anErasureClientWithoutRightsFailsWithoutCredentialsInTheMessage() {
		for (StorageTarget target : List.of(StorageTarget.S3, StorageTarget.AZURE)) {
			String bucket = newBucket(target);
			erasureBean(target, runner(target, bucket), new ConcurrentLinkedQueue<>(), false).run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				String uri = registry.getBlobUploader(null)
					.uploadAsync(new Blob(SampleContent.randomPng(256), "image/png", null));
				assertThat(registry.flush(FLUSH)).isTrue();
				BlobDeleter deleter = deleter(registry);
				assertThatIOException().isThrownBy(() -> deleter.delete(uri))
					.withMessageContaining("403")
					.withMessageNotContaining(WRONG_SECRET);
				assertThatIOException()
					.isThrownBy(() -> deleter.blobReader().orElseThrow().list(deleter.uriPrefix(), 10))
					.withMessageContaining("403")
					.withMessageNotContaining(WRONG_SECRET);
				assertThat(reader(registry).open(uri, null)).as("nothing was deleted").isPresent();
			});
		}
	}

	/**
	 * Adds an erasure client bean that records the requests it sends, with the emulator's
	 * credentials or wrong ones.
	 */
	private static ApplicationContextRunner erasureBean(StorageTarget target, ApplicationContextRunner runner,
			Queue<String> requests, boolean rightCredentials) {
		return switch (target) {
			case S3 -> runner.withBean(S3StorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, S3Client.class,
					() -> s3Client(requests, rightCredentials), BlobDeleterIntegrationTests::notDefault);
			case AZURE ->
				runner.withBean(AzureStorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, BlobServiceClient.class,
						() -> azureClient(requests, rightCredentials), BlobDeleterIntegrationTests::notDefault);
			case GCS -> runner.withBean(GcsStorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, Storage.class,
					() -> recording(GCS, requests), BlobDeleterIntegrationTests::notDefault);
		};
	}

	private static void notDefault(BeanDefinition definition) {
		((AbstractBeanDefinition) definition).setDefaultCandidate(false);
	}

	private static S3Client s3Client(Queue<String> requests, boolean rightCredentials) {
		S3Emulator emulator = S3Emulator.shared();
		return S3Client.builder()
			.endpointOverride(emulator.endpoint())
			.region(Region.of(S3Emulator.REGION))
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Emulator.ACCESS_KEY,
					rightCredentials ? S3Emulator.SECRET_KEY : WRONG_SECRET)))
			.overrideConfiguration((override) -> override.addExecutionInterceptor(new ExecutionInterceptor() {

				@Override
				public void beforeExecution(Context.BeforeExecution execution, ExecutionAttributes attributes) {
					requests.add(execution.request().getClass().getSimpleName());
				}

			}))
			.build();
	}

	private static BlobServiceClient azureClient(Queue<String> requests, boolean rightCredentials) {
		HttpPipelinePolicy recording = (call, next) -> {
			requests.add(call.getHttpRequest().getHttpMethod().name());
			return next.process();
		};
		return new BlobServiceClientBuilder()
			.connectionString(AzuriteEmulator.connectionString(AzuriteEmulator.shared().port(),
					rightCredentials ? AzuriteEmulator.ACCOUNT_KEY : WRONG_SECRET))
			.addPolicy(recording)
			.buildClient();
	}

	/** The same store, through a client that records the methods called. */
	private static Storage recording(Storage storage, Queue<String> requests) {
		return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] { Storage.class },
				(proxy, method, arguments) -> {
					requests.add(method.getName());
					try {
						return method.invoke(storage, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private static BlobDeleter deleter(BlobUploaderRegistry registry) {
		return ((ManagedBlobUploader) registry.getBlobUploader(null)).blobDeleter().orElseThrow();
	}

	private static BlobReader reader(BlobUploaderRegistry registry) {
		return ((ManagedBlobUploader) registry.getBlobUploader(null)).blobReader().orElseThrow();
	}

	private static String newBucket(StorageTarget target) {
		String bucket = UploadProbe.newBucketName("del");
		if (target.emulated()) {
			target.shared().createBucket(bucket);
		}
		return bucket;
	}

	private static ApplicationContextRunner runner(StorageTarget target, String bucket) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class, target.autoConfiguration()))
			.withPropertyValues("blob.upload.enabled=true",
					"blob.upload.uri-prefix=" + target.uriPrefix(bucket, "mine"),
					"blob.upload.retry.initial-backoff=10ms", "blob.upload.retry.max-backoff=50ms");
		if (!target.emulated()) {
			return runner.withBean(Storage.class, () -> GCS);
		}
		return runner.withPropertyValues(target.properties(target.shared().port()).toArray(String[]::new));
	}

}
