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

package io.github.blobupload.sample.azure;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AzureSampleApplication} started with the Azure setup of
 * {@code docs/storage-providers.md} against Azurite: a blob posted to it is stored in the
 * container, byte for byte.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "management.endpoint.health.show-details=always")
class AzureSampleApplicationIntegrationTests {

	private static final String CONTAINER = "provider-azure-sample";

	private static final String PREFIX = "azblob://" + AzuriteEmulator.ACCOUNT + "/" + CONTAINER + "/";

	private static final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	int port;

	@Autowired
	BlobUploaderRegistry registry;

	@DynamicPropertySource
	static void pointAtEmulator(DynamicPropertyRegistry properties) {
		AzuriteEmulator azurite = AzuriteEmulator.shared();
		azurite.createContainer(CONTAINER);
		properties.add("blob.upload.uri-prefix", () -> PREFIX + "traces");
		properties.add("blob.upload.azure.connection-string", azurite::connectionString);
	}

	@Test
	void storesAPostedBlobInTheContainer() throws Exception {
		byte[] png = SampleContent.randomPng(2048);
		HttpResponse<String> posted = send(HttpRequest.newBuilder(url("/blobs"))
			.header("Content-Type", "image/png")
			.POST(HttpRequest.BodyPublishers.ofByteArray(png)));
		assertThat(posted.statusCode()).isEqualTo(200);
		String uri = posted.body();
		assertThat(uri).matches(PREFIX + "traces/[0-9a-f]{64}\\.png");

		assertThat(this.registry.flush(Duration.ofSeconds(30))).isTrue();
		assertThat(AzuriteEmulator.shared().read(CONTAINER, uri.substring(PREFIX.length()))).isEqualTo(png);
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
