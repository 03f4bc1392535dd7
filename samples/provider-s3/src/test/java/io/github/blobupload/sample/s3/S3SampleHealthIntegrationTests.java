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

package io.github.blobupload.sample.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.jayway.jsonpath.JsonPath;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests what {@link S3SampleApplication}'s {@code /actuator/health} answers while its
 * store fails for real (an upload to a bucket s3proxy does not have): the
 * {@code blobUpload} component shows it, the application stays UP unless
 * {@code blob.upload.health.affects-aggregate=true}, and readiness and liveness stay UP.
 */
class S3SampleHealthIntegrationTests {

	private static final HttpClient http = HttpClient.newHttpClient();

	@Test
	void failingStoreShowsButLeavesTheApplicationUpByDefault() throws Exception {
		try (ConfigurableApplicationContext app = startWithFailedUpload()) {
			HttpResponse<String> health = get(app, "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(200);
			assertThat(json(health, "$.status")).isEqualTo("UP");
			assertThat(json(health, "$.components.blobUpload.status")).isEqualTo("DEGRADED");
			assertThat(json(health, "$.components.blobUpload.details.useCases.default.status")).isEqualTo("DOWN");
			assertThat(json(health, "$.components.blobUpload.details.useCases.default.lastError.message"))
				.contains("NoSuchBucket");
			assertThat(get(app, "/actuator/health/blobUpload").statusCode()).isEqualTo(200);
			assertProbesUp(app);
		}
	}

	@Test
	void failingStoreTurnsTheApplicationDownWhenItAffectsTheAggregate() throws Exception {
		try (ConfigurableApplicationContext app = startWithFailedUpload("blob.upload.health.affects-aggregate=true")) {
			HttpResponse<String> health = get(app, "/actuator/health");
			assertThat(health.statusCode()).isEqualTo(503);
			assertThat(json(health, "$.status")).isEqualTo("DOWN");
			assertThat(json(health, "$.components.blobUpload.status")).isEqualTo("DOWN");
			assertThat(get(app, "/actuator/health/blobUpload").statusCode()).isEqualTo(503);
			assertProbesUp(app);
		}
	}

	@Test
	void degradedComponentCanAnswer503OnItsOwnPath() throws Exception {
		try (ConfigurableApplicationContext app = startWithFailedUpload(
				"management.endpoint.health.status.http-mapping.degraded=503")) {
			assertThat(get(app, "/actuator/health").statusCode()).isEqualTo(200);
			assertThat(get(app, "/actuator/health/blobUpload").statusCode()).isEqualTo(503);
		}
	}

	/**
	 * Starts the application uploading to a bucket that does not exist, uploads one blob
	 * through it and waits until the upload has failed.
	 */
	private static ConfigurableApplicationContext startWithFailedUpload(String... extraProperties) throws Exception {
		S3Emulator s3 = S3Emulator.shared();
		List<String> properties = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"blob.upload.uri-prefix=s3://no-such-bucket/genai", "blob.upload.s3.endpoint=" + s3.endpoint(),
				"blob.upload.s3.path-style-access=true", "blob.upload.s3.region=" + S3Emulator.REGION,
				"management.endpoint.health.show-details=always", "management.endpoint.health.probes.enabled=true"));
		properties.addAll(List.of(extraProperties));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(S3SampleApplication.class)
			.properties(properties.toArray(String[]::new))
			.run();
		HttpResponse<String> posted = http.send(HttpRequest.newBuilder(url(app, "/blobs"))
			.header("Content-Type", "image/png")
			.POST(HttpRequest.BodyPublishers.ofByteArray(SampleContent.randomPng(1024)))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).isEqualTo(200);
		BlobUploaderRegistry registry = app.getBean(BlobUploaderRegistry.class);
		assertThat(registry.flush(Duration.ofSeconds(30))).isTrue();
		return app;
	}

	private static void assertProbesUp(ConfigurableApplicationContext app) throws Exception {
		assertThat(get(app, "/actuator/health/readiness").statusCode()).isEqualTo(200);
		assertThat(get(app, "/actuator/health/liveness").statusCode()).isEqualTo(200);
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext app, String path) throws Exception {
		return http.send(HttpRequest.newBuilder(url(app, path)).timeout(Duration.ofSeconds(30)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI url(ConfigurableApplicationContext app, String path) {
		int port = ((WebServerApplicationContext) app).getWebServer().getPort();
		return URI.create("http://127.0.0.1:" + port + path);
	}

	private static String json(HttpResponse<String> response, String path) {
		return JsonPath.read(response.body(), path);
	}

}
