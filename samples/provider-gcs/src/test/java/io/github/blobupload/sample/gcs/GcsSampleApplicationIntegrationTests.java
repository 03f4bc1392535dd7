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

package io.github.blobupload.sample.gcs;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GcsSampleApplication} started with the Google Cloud Storage setup of
 * {@code docs/storage-providers.md}, Spring Boot's OpenTelemetry included (the protobuf
 * pin is what lets it start), against a local server answering like the JSON API: the
 * real client sends the posted blob's bytes to the bucket.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.health.show-details=always")
class GcsSampleApplicationIntegrationTests {

	private static final String BUCKET = "provider-gcs-sample";

	private static final String UPLOAD_PATH = "/upload/storage/v1/b/" + BUCKET + "/o";

	private static final HttpClient http = HttpClient.newHttpClient();

	private static WireMockServer gcs;

	@LocalServerPort
	int port;

	@Autowired
	BlobUploaderRegistry registry;

	@DynamicPropertySource
	static void pointAtLocalServer(DynamicPropertyRegistry properties) {
		gcs = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		gcs.start();
		gcs.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(okJson("{\"kind\":\"storage#object\",\"bucket\":\""
				+ BUCKET + "\",\"name\":\"genai/x.png\",\"generation\":\"1\",\"size\":\"2048\"}")));
		properties.add("blob.upload.uri-prefix", () -> "gs://" + BUCKET + "/genai");
		properties.add("blob.upload.gcs.endpoint", () -> "http://127.0.0.1:" + gcs.port());
		properties.add("blob.upload.gcs.anonymous", () -> "true");
		properties.add("blob.upload.gcs.project-id", () -> "sample-project");
	}

	@AfterAll
	static void stopLocalServer() {
		gcs.stop();
	}

	@Test
	void sendsAPostedBlobToTheBucket() throws Exception {
		byte[] png = SampleContent.randomPng(2048);
		HttpResponse<String> posted = send(HttpRequest.newBuilder(url("/blobs"))
			.header("Content-Type", "image/png")
			.POST(HttpRequest.BodyPublishers.ofByteArray(png)));
		assertThat(posted.statusCode()).isEqualTo(200);
		String uri = posted.body();
		assertThat(uri).matches("gs://" + BUCKET + "/genai/[0-9a-f]{64}\\.png");

		assertThat(this.registry.flush(Duration.ofSeconds(30))).isTrue();
		List<LoggedRequest> uploads = gcs.findAll(postRequestedFor(urlPathEqualTo(UPLOAD_PATH)));
		assertThat(uploads).hasSize(1);
		String body = new String(uploads.get(0).getBody(), StandardCharsets.ISO_8859_1);
		assertThat(body).contains("\"name\":\"" + uri.substring(("gs://" + BUCKET + "/").length()) + "\"",
				new String(png, StandardCharsets.ISO_8859_1));
		HttpResponse<String> health = send(HttpRequest.newBuilder(url("/actuator/health/blobUpload")).GET());
		assertThat(health.statusCode()).isEqualTo(200);
		assertThat(health.body()).contains("\"status\":\"UP\"", "\"uploaded\":1");
	}

	private URI url(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}

}
