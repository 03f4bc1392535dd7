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

package io.github.blobupload.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.actuate.BlobUploadHealthAutoConfiguration;
import io.github.blobupload.autoconfigure.actuate.BlobUploadMetricsAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.autoconfigure.viewer.BlobUploadViewerAutoConfiguration;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.testsupport.InMemoryStore;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Puts credentials in every place a URI prefix can hold them (user information, a SAS or
 * signature query: refused at startup with uploading on, shown redacted with it off) and
 * in the error messages of a store, then drives the starter through startup, failing
 * uploads, health, metrics, the viewer and shutdown, captures every output and checks
 * that no secret appears in any.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsInOutputIntegrationTests {

	private static final List<String> SECRETS = List.of("secretkey", "SECRETSIG", "SECRETACCOUNTKEY");

	/** What a storage client's error could say: its request URL, signed, and a key. */
	private static final String STORE_ERROR = "PUT https://AKIAXXX:secretkey@store.example.com/bucket/x"
			+ "?X-Amz-Credential=AKIAXXX%2Fus-east-1&X-Amz-Signature=SECRETSIG failed "
			+ "(DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=SECRETACCOUNTKEY;sig=SECRETSIG)";

	private static final HttpClient http = HttpClient.newHttpClient();

	private final List<String> outputs = new ArrayList<>();

	@Test
	void noSecretReachesAnyOutput(CapturedOutput log) throws Exception {
		startWithUploadingOff();
		startFails("blob.upload.uri-prefix=s3://AKIAXXX:secretkey@bucket/x");
		startFails("blob.upload.uri-prefix=azblob://acct/c/p?sv=2022-11-02&sig=SECRETSIG");
		startFails("blob.upload.use-cases.chat-input.uri-prefix=s3://AKIAXXX:secretkey@bucket/x");
		startFails("blob.upload.uri-prefix=leaky://AKIAXXX:secretkey@bucket/x?sig=SECRETSIG");
		runWithAFailingStore();
		this.outputs.add(log.getAll());
		assertThat(this.outputs).hasSizeGreaterThan(10);
		assertThat(log.getAll()).contains("(redacted)");
		for (String output : this.outputs) {
			for (String secret : SECRETS) {
				assertThat(output).doesNotContain(secret);
			}
		}
	}

	private void startWithUploadingOff() {
		try (ConfigurableApplicationContext context = builder("blob.upload.enabled=false",
				"blob.upload.uri-prefix=azblob://acct/c/p?sv=2022-11-02&sig=SECRETSIG",
				"blob.upload.use-cases.chat-input.uri-prefix=s3://AKIAXXX:secretkey@bucket/x")
			.run()) {
			BlobUploader uploader = context.getBean(BlobUploaderRegistry.class).getBlobUploader("chat-input");
			this.outputs.add(uploader.uploadAsync(blob()));
			this.outputs.add(context.getBean(BlobUploaderRegistry.class).destinations().toString());
		}
	}

	private void startFails(String prefix) {
		assertThatException().isThrownBy(() -> builder("blob.upload.enabled=true", prefix).run().close())
			.satisfies((ex) -> {
				for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
					this.outputs.add(String.valueOf(cause.getMessage()));
				}
			});
	}

	private void runWithAFailingStore() throws Exception {
		ConfigurableApplicationContext context = builder("blob.upload.enabled=true",
				"blob.upload.uri-prefix=leaky://bucket/x",
				"blob.upload.use-cases.chat-input.uri-prefix=leaky://bucket/y", "blob.upload.retry.max-attempts=2",
				"blob.upload.retry.initial-backoff=10ms", "blob.upload.health.active-check.enabled=true",
				"blob.upload.viewer.enabled=true")
			.run();
		try {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			String failing = registry.getBlobUploader(null).uploadAsync(blob());
			String refused = registry.getBlobUploader("chat-input").uploadAsync(blob());
			assertThat(registry.flush(Duration.ofSeconds(30))).isTrue();
			this.outputs.add(failing);
			this.outputs.add(refused);
			this.outputs.add(registry.destinations().toString());
			for (BlobUploader uploader : List.of(registry.getBlobUploader(null),
					registry.getBlobUploader("chat-input"))) {
				this.outputs.add(uploader.toString());
			}
			HealthIndicator health = context.getBean("blobUploadHealthIndicator", HealthIndicator.class);
			this.outputs.add(String.valueOf(health.health(true)));
			assertThat(String.valueOf(health.health(true))).contains("failed");
			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.getMeters()).isNotEmpty();
			for (Meter meter : meters.getMeters()) {
				this.outputs.add(meter.getId().toString());
			}
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			String viewer = "http://127.0.0.1:" + port + "/blob-viewer/";
			List<String> pages = new ArrayList<>(List.of(viewer, viewer + "blobs/default/a1b2.txt",
					viewer + "blobs/chat-input/a1b2.txt", viewer + "default/a1b2.txt", viewer + "default/missing.txt"));
			for (String page : pages) {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(page)).build(),
						HttpResponse.BodyHandlers.ofString());
				this.outputs.add(response.statusCode() + " " + response.headers() + " " + response.body());
			}
			assertThat(this.outputs).anySatisfy((page) -> assertThat(page).startsWith("200").contains("Storage URI"));
			// A blob accepted while storage fails, then a shutdown that reports it.
			registry.getBlobUploader(null).uploadAsync(blob());
		}
		finally {
			context.close();
		}
	}

	private static Blob blob() {
		return new Blob("stored words".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
	}

	private static SpringApplicationBuilder builder(String... properties) {
		List<String> all = new ArrayList<>(
				List.of("server.port=0", "server.address=127.0.0.1", "spring.main.banner-mode=off",
						"blob.upload.shutdown-timeout=1s", "spring.cloud.aws.region.static=us-east-1"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(LeakyApplication.class).web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new));
	}

	/**
	 * The starter with the S3 and Azure providers and a store of its own, {@code leaky:},
	 * whose errors repeat its credentials, as a storage client's may.
	 */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, MetricsAutoConfiguration.class,
			BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class, AzureStorageAutoConfiguration.class,
			BlobUploadHealthAutoConfiguration.class, BlobUploadMetricsAutoConfiguration.class,
			BlobUploadViewerAutoConfiguration.class })
	static class LeakyApplication {

		@Bean
		MeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

		@Bean
		BlobStorageProvider leakyStorageProvider() {
			return new BlobStorageProvider() {

				@Override
				public String scheme() {
					return "leaky";
				}

				@Override
				public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
					return new LeakyUploader(uriPrefix);
				}

			};
		}

	}

	/**
	 * Fails every upload with {@link #STORE_ERROR}, first to be retried, then for good;
	 * reads back one stored object.
	 */
	private static final class LeakyUploader implements SimpleBlobUploader {

		private final InMemoryStore store;

		private final Set<String> attempted = ConcurrentHashMap.newKeySet();

		LeakyUploader(String uriPrefix) {
			this.store = new InMemoryStore(uriPrefix);
			this.store.put("a1b2.txt", "stored words".getBytes(StandardCharsets.UTF_8), "text/plain",
					Map.of("note", "labels are shown"));
		}

		@Override
		public String generateDestinationUri(Blob blob) {
			return this.store.uriPrefix() + "/" + Integer.toHexString(blob.hashCode()) + ".txt";
		}

		@Override
		public void uploadSync(String uri, Blob blob) throws IOException {
			// A first attempt that is retried, then a permanent failure: both are logged.
			if (this.attempted.add(uri)) {
				throw new IOException(STORE_ERROR);
			}
			throw new PermanentUploadException(STORE_ERROR);
		}

		@Override
		public Optional<BlobReader> blobReader() {
			return Optional.of(this.store);
		}

	}

}
