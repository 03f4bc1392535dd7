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

package io.github.blobupload.provider.gcs;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.GcsStorageAutoConfiguration;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks what the Google Cloud Storage client really sends, and how the answers are
 * handled, against a local HTTP server standing in for the JSON API: the client is the
 * one the starter builds from {@code blob.upload.gcs.endpoint} (port kept) with no
 * credentials.
 */
class GcsBlobUploaderIntegrationTests {

	private static final String BUCKET = "genai-blobs";

	private static final String UPLOAD_PATH = "/upload/storage/v1/b/" + BUCKET + "/o";

	private static WireMockServer server;

	private ApplicationContextRunner runner;

	@BeforeAll
	static void startServer() {
		server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
	}

	@AfterAll
	static void stopServer() {
		server.stop();
	}

	@BeforeEach
	void reset() {
		server.resetAll();
		this.runner = new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, GcsStorageAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=gs://" + BUCKET + "/genai",
					"blob.upload.gcs.endpoint=http://127.0.0.1:" + server.port(), "blob.upload.gcs.anonymous=true",
					"blob.upload.gcs.project-id=test-project", "blob.upload.retry.max-attempts=3",
					"blob.upload.retry.initial-backoff=10ms", "blob.upload.retry.max-backoff=20ms");
	}

	@Test
	void sendsTypeAndLabelsWithTheBytesNoOverwriteNoAcl() {
		server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(okJson(object("genai/x.png"))));
		byte[] png = SampleContent.png();
		this.runner.run((context) -> {
			ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
			String uri = uploader.uploadAsync(new Blob(png, "image/png",
					BlobLabels.forSpan("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7")));
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			assertThat(uploader.stats().uploaded()).isEqualTo(1);

			List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
			assertThat(requests).hasSize(1);
			LoggedRequest request = requests.get(0);
			assertThat(request.getMethod().getName()).isEqualTo("POST");
			assertThat(request.queryParameter("uploadType").firstValue()).isEqualTo("multipart");
			assertThat(request.queryParameter("ifGenerationMatch").firstValue()).isEqualTo("0");
			assertThat(request.queryParameter("predefinedAcl").isPresent()).isFalse();
			assertThat(request.getHeader("Content-Type")).startsWith("multipart/related");
			assertThat(request.containsHeader("Authorization")).isFalse();
			String body = new String(request.getBody(), StandardCharsets.ISO_8859_1);
			String objectName = uri.substring(("gs://" + BUCKET + "/").length());
			assertThat(body)
				.contains("\"name\":\"" + objectName + "\"", "\"bucket\":\"" + BUCKET + "\"",
						"\"contentType\":\"image/png\"", "\"otel_type\":\"span\"",
						"\"trace_id\":\"4bf92f3577b34da6a3ce929d0e0e4736\"", "\"span_id\":\"00f067aa0ba902b7\"")
				.doesNotContain("\"acl\"");
			assertThat(body).contains(new String(png, StandardCharsets.ISO_8859_1));
		});
	}

	@Test
	void sendsLargeBlobsThroughAResumableSessionOpenedWithTheMetadata() {
		String session = UPLOAD_PATH + "?uploadType=resumable&upload_id=session-1";
		server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).withQueryParam("uploadType", equalTo("resumable"))
			.willReturn(aResponse().withStatus(200).withHeader("Location", server.url(session))));
		server.stubFor(put(urlPathEqualTo(UPLOAD_PATH)).withQueryParam("upload_id", equalTo("session-1"))
			.willReturn(okJson(object("genai/big.bin").replace("\"size\":\"1\"", "\"size\":\"102400\""))));
		byte[] large = new byte[100 * 1024];
		Arrays.fill(large, (byte) 'z');
		this.runner.withPropertyValues("blob.upload.gcs.resumable-threshold=64KB").run((context) -> {
			ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
			uploader.uploadAsync(new Blob(large, "audio/wav", java.util.Map.of("event_name", "gen_ai.choice")));
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			assertThat(uploader.stats().uploaded()).isEqualTo(1);
			List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
			assertThat(requests).extracting((r) -> r.getMethod().getName()).containsExactly("POST", "PUT");
			assertThat(requests.get(0).queryParameter("ifGenerationMatch").firstValue()).isEqualTo("0");
			assertThat(requests.get(0).getBodyAsString()).contains("\"contentType\":\"audio/wav\"",
					"\"event_name\":\"gen_ai.choice\"");
			assertThat(requests.get(1).getBody()).isEqualTo(large);
		});
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"404 | notFound | The specified bucket does not exist. | The specified bucket does not exist. | does the bucket 'genai-blobs' exist?",
			"403 | forbidden | Permission denied. | Permission denied. | may these credentials create objects in the bucket 'genai-blobs'?",
			// The client answers a 401 with the status line, not the body.
			"401 | required | Login required. | 401 Unauthorized | are the Google Cloud credentials valid?" })
	void permanentAnswersFailOnceNamingBucketAndAnswer(int status, String reason, String message, String reported,
			String hint) {
		server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":" + status + ",\"message\":\"" + message + "\",\"errors\":[{\"reason\":\""
					+ reason + "\",\"message\":\"" + message + "\"}]}}")));
		this.runner.run((context) -> {
			ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
			String uri = uploader.uploadAsync(new Blob(SampleContent.pdf(), null, null));
			assertThat(uri).startsWith("gs://genai-blobs/genai/").endsWith(".pdf");
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			BlobUploadStats stats = uploader.stats();
			assertThat(stats.submitted()).isEqualTo(1);
			assertThat(stats.failed()).isEqualTo(1);
			assertThat(stats.retries()).isZero();
			assertThat(stats.lastError()).isNotNull();
			assertThat(stats.lastError().permanent()).isTrue();
			assertThat(stats.lastError().message()).contains("Google Cloud Storage answered " + status, reported,
					"gs://genai-blobs/genai/", hint);
			assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		});
	}

	@Test
	void throttlingAndServerErrorsAreRetriedByTheEngineNotTheSdk() {
		server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).inScenario("flaky")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("throttled"));
		server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).inScenario("flaky")
			.whenScenarioStateIs("throttled")
			.willReturn(aResponse().withStatus(429))
			.willSetStateTo("healthy"));
		server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).inScenario("flaky")
			.whenScenarioStateIs("healthy")
			.willReturn(okJson(object("genai/x.wav"))));
		this.runner.run((context) -> {
			ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
			uploader.uploadAsync(new Blob(SampleContent.wav(), null, null));
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			BlobUploadStats stats = uploader.stats();
			// One request per engine attempt: the SDK's own retries are off.
			assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(3);
			assertThat(stats.retries()).isEqualTo(2);
			assertThat(stats.uploaded()).isEqualTo(1);
			assertThat(stats.failed()).isZero();
		});
	}

	@Test
	void aStoreThatKeepsFailingIsRetriedThenCountedAsFailedWithCountsAddingUp() {
		server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(aResponse().withStatus(503)));
		// Parking off, so that the blobs fail after their attempts instead of waiting.
		this.runner.withPropertyValues("blob.upload.retry.max-age=0").run((context) -> {
			ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
			uploader.uploadAsync(new Blob("one".getBytes(StandardCharsets.UTF_8), "text/plain", null));
			uploader.uploadAsync(new Blob("two".getBytes(StandardCharsets.UTF_8), "text/plain", null));
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			BlobUploadStats stats = uploader.stats();
			assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(6);
			assertThat(stats.submitted()).isEqualTo(2);
			assertThat(stats.failed()).isEqualTo(2);
			assertThat(stats.retries()).isEqualTo(4);
			assertThat(stats.uploaded() + stats.failed() + stats.droppedTotal() + stats.deduplicated())
				.isEqualTo(stats.submitted());
			assertThat(stats.lastError().permanent()).isFalse();
			assertThat(stats.lastError().message()).contains("Google Cloud Storage answered 503", "gs://genai-blobs/");
		});
	}

	@Test
	void anObjectThatAlreadyExistsCountsAsUploaded() {
		server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(aResponse().withStatus(412)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"code\":412,\"message\":\"At least one of the pre-conditions you specified did "
					+ "not hold.\",\"errors\":[{\"reason\":\"conditionNotMet\"}]}}")));
		this.runner.withPropertyValues("blob.upload.dedupe-cache-size=0").run((context) -> {
			ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
			uploader.uploadAsync(new Blob(SampleContent.png(), null, null));
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			assertThat(uploader.stats().uploaded()).isEqualTo(1);
			assertThat(uploader.stats().failed()).isZero();
			assertThat(server.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		});
	}

	private static String object(String name) {
		return "{\"kind\":\"storage#object\",\"bucket\":\"" + BUCKET + "\",\"name\":\"" + name
				+ "\",\"generation\":\"1\",\"size\":\"1\"}";
	}

}
