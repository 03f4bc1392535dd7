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

import java.io.IOException;
import java.io.InterruptedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

import com.azure.core.http.netty.NettyAsyncHttpClientBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.GcsStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.provider.SimpleBlobUploaderDecorator;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.GeneratedBlobs;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.Environment;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploaderRegistryLifecycle}: the graceful flush on shutdown uses
 * the application's own storage client while it is still open. In each test the client
 * bean (or the transport it runs on) is created after the registry, because a component
 * that injects the {@link BlobUploader} comes first, so Spring destroys it before the
 * registry; a backlog of blobs, held back until the context starts closing, is left
 * entirely to the shutdown. Against s3proxy, Azurite and a local server answering like
 * the Cloud Storage JSON API.
 */
class BlobUploaderRegistryLifecycleIntegrationTests {

	private static final int BACKLOG = 50;

	private static final String BUCKET = "lifecycle-order";

	private static final GeneratedBlobs BLOBS = new GeneratedBlobs(23L, 1024, 16 * 1024);

	/**
	 * Stands in for the Cloud Storage JSON API, as in the other GCS integration tests.
	 */
	private static WireMockServer gcs;

	@BeforeAll
	static void startGcsServer() {
		gcs = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		gcs.start();
		gcs.stubFor(post(urlPathEqualTo("/upload/storage/v1/b/" + BUCKET + "/o"))
			.willReturn(StorageTarget.GCS.successAnswer()));
	}

	@AfterAll
	static void stopGcsServer() {
		gcs.stop();
	}

	@Test
	void ownS3ClientIsStillOpenWhenTheBacklogIsUploaded() {
		S3Emulator s3 = S3Emulator.shared();
		s3.createBucket(BUCKET);
		assertCloseUploadsTheBacklog(runner(StorageTarget.S3, OwnS3Client.class), StorageTarget.S3,
				(name, index) -> assertThat(s3.read(BUCKET, name)).isEqualTo(BLOBS.content(index)));
	}

	@Test
	void ownAzureClientIsStillOpenWhenTheBacklogIsUploaded() {
		AzuriteEmulator azurite = AzuriteEmulator.shared();
		azurite.createContainer(BUCKET);
		ApplicationContextRunner runner = runner(StorageTarget.AZURE, OwnAzureClient.class)
			.withPropertyValues("test.azure.connection-string=" + azurite.connectionString());
		assertCloseUploadsTheBacklog(runner, StorageTarget.AZURE,
				(name, index) -> assertThat(azurite.read(BUCKET, name)).isEqualTo(BLOBS.content(index)));
	}

	@Test
	void ownGcsStorageIsStillOpenWhenTheBacklogIsUploaded() {
		ApplicationContextRunner runner = runner(StorageTarget.GCS, OwnGcsStorage.class)
			.withPropertyValues("test.gcs.endpoint=http://127.0.0.1:" + gcs.port());
		assertCloseUploadsTheBacklog(runner, StorageTarget.GCS, (name, index) -> {
			// The server stands in for the JSON API: the object is in the bucket if it
			// was sent.
			String content = new String(BLOBS.content(index), StandardCharsets.ISO_8859_1);
			assertThat(gcs.findAll(postRequestedFor(urlPathEqualTo("/upload/storage/v1/b/" + BUCKET + "/o"))))
				.map((request) -> new String(request.getBody(), StandardCharsets.ISO_8859_1))
				.filteredOn((body) -> body.contains("\"name\":\"" + name + "\""))
				.singleElement(InstanceOfAssertFactories.STRING)
				.contains(content);
		});
	}

	/**
	 * A context with the provider's auto-configuration, a component that injects the
	 * uploader, then the configuration with the application's own client: Spring creates
	 * the client after the registry, and would destroy it before.
	 */
	private static ApplicationContextRunner runner(StorageTarget target, Class<?> clientConfiguration) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class, target.autoConfiguration()))
			.withPropertyValues("blob.upload.enabled=true",
					"blob.upload.uri-prefix=" + target.uriPrefix(BUCKET, "backlog"), "blob.upload.worker.threads=2",
					"blob.upload.shutdown-timeout=10s", "blob.upload.retry.initial-backoff=10ms",
					"blob.upload.retry.max-backoff=20ms")
			.withBean(HoldUntilClose.class, HoldUntilClose::new)
			.withUserConfiguration(UploadingComponent.class, clientConfiguration);
	}

	/**
	 * Uploads a blob (so the client is in use), holds back a backlog, closes the context,
	 * and checks that every blob was uploaded and is in storage.
	 */
	private static void assertCloseUploadsTheBacklog(ApplicationContextRunner runner, StorageTarget target,
			BiConsumer<String, Integer> assertStored) {
		runner.run((context) -> {
			ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(UploadingService.class).uploader();
			Map<String, Integer> accepted = new LinkedHashMap<>();
			accepted.put(uploader.uploadAsync(BLOBS.blob(BACKLOG)), BACKLOG);
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			context.getBean(HoldUntilClose.class).hold();
			for (int index = 0; index < BACKLOG; index++) {
				accepted.put(uploader.uploadAsync(BLOBS.blob(index)), index);
			}
			assertThat(uploader.stats().uploaded()).isEqualTo(1);

			context.close();

			BlobUploadStats stats = uploader.stats();
			assertThat(stats.shutdown()).isTrue();
			assertThat(stats.failed()).isZero();
			assertThat(stats.droppedTotal()).isZero();
			assertThat(stats.uploaded()).isEqualTo(accepted.size());
			accepted.forEach((uri, index) -> assertStored.accept(target.objectName(BUCKET, uri), index));
		});
	}

	/**
	 * An application component that uses the uploader, created before the client bean.
	 */
	@Configuration(proxyBeanMethods = false)
	static class UploadingComponent {

		@Bean
		UploadingService uploadingService(BlobUploader uploader) {
			return new UploadingService(uploader);
		}

	}

	/** What the application does with the uploader. */
	record UploadingService(BlobUploader uploader) {
	}

	/** The application's own S3 client; Spring closes it (inferred destroy method). */
	@Configuration(proxyBeanMethods = false)
	static class OwnS3Client {

		@Bean
		S3Client s3Client() {
			return S3Emulator.shared().newClient();
		}

	}

	/**
	 * The application's own Azure client on an event loop group the application manages;
	 * Spring shuts the group down (inferred destroy method).
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnAzureClient {

		@Bean
		EventLoopGroup azureEventLoops() {
			return new MultiThreadIoEventLoopGroup(2, NioIoHandler.newFactory());
		}

		@Bean
		BlobServiceClient blobServiceClient(EventLoopGroup azureEventLoops, Environment environment) {
			return new BlobServiceClientBuilder()
				.connectionString(environment.getRequiredProperty("test.azure.connection-string"))
				.httpClient(new NettyAsyncHttpClientBuilder().eventLoopGroup(azureEventLoops).build())
				.buildClient();
		}

	}

	/**
	 * The application's own Cloud Storage client, which Spring closes (inferred destroy
	 * method). Over HTTP the SDK's {@code close()} does nothing, and the starter uploads
	 * through a copy of an SDK client; this one is a custom implementation the starter
	 * uses as it is, and like the gRPC client it refuses to work once closed.
	 */
	@Configuration(proxyBeanMethods = false)
	static class OwnGcsStorage {

		@Bean
		Storage storage(Environment environment) {
			Storage sdk = StorageOptions.http()
				.setHost(environment.getRequiredProperty("test.gcs.endpoint"))
				.setProjectId("test-project")
				.setCredentials(NoCredentials.getInstance())
				.build()
				.getService();
			AtomicBoolean closed = new AtomicBoolean();
			return (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(), new Class<?>[] { Storage.class },
					(proxy, method, arguments) -> switch (method.getName()) {
						case "close" -> {
							closed.set(true);
							yield null;
						}
						case "getOptions" -> throw new UnsupportedOperationException("a custom client");
						default -> {
							if (closed.get()) {
								throw new IllegalStateException("the Storage client is closed");
							}
							try {
								yield method.invoke(sdk, arguments);
							}
							catch (InvocationTargetException ex) {
								throw ex.getCause();
							}
						}
					});
		}

	}

	/**
	 * Holds uploads back, once {@link #hold()} is called, until the context starts
	 * closing, so that what is offered before the close is left to the shutdown.
	 */
	static final class HoldUntilClose implements SimpleBlobUploaderDecorator, ApplicationListener<ContextClosedEvent> {

		private final CountDownLatch closing = new CountDownLatch(1);

		private volatile boolean holding;

		void hold() {
			this.holding = true;
		}

		@Override
		public void onApplicationEvent(ContextClosedEvent event) {
			this.closing.countDown();
		}

		@Override
		public SimpleBlobUploader decorate(String useCase, String uriPrefix, SimpleBlobUploader uploader) {
			return new SimpleBlobUploader() {

				@Override
				public String generateDestinationUri(Blob blob) {
					return uploader.generateDestinationUri(blob);
				}

				@Override
				public void uploadSync(String uri, Blob blob) throws IOException {
					awaitClosing();
					uploader.uploadSync(uri, blob);
				}

				@Override
				public Optional<BlobReader> blobReader() {
					return uploader.blobReader();
				}

			};
		}

		private void awaitClosing() throws IOException {
			try {
				if (this.holding && !this.closing.await(30, TimeUnit.SECONDS)) {
					throw new IOException("the context did not close");
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new InterruptedIOException("interrupted while held");
			}
		}

	}

}
