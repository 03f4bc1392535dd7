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

package io.github.blobupload.provider.s3;

import java.net.URI;
import java.time.Instant;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.provider.internal.LazyClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link S3BlobDeleter}: what it sends and how it reads S3's answers, against a
 * local HTTP server (s3proxy has no versioning, so a delete marker is answered here).
 */
class S3BlobDeleterTests {

	private static final String BUCKET = "genai-blobs";

	private static final String KEY_PATH = "/" + BUCKET + "/traces/abc.png";

	private static final String SECRET = "s3-deleter-test-secret";

	private static WireMockServer server;

	private S3Client client;

	private BlobDeleter deleter;

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
	void createDeleter() {
		server.resetAll();
		this.client = S3Client.builder()
			.endpointOverride(URI.create("http://127.0.0.1:" + server.port()))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", SECRET)))
			.overrideConfiguration((override) -> override.retryStrategy(AwsRetryStrategy.doNotRetry()))
			.build();
		LazyClient<S3Client> lazy = LazyClient.ofInstance("S3 client", this.client);
		this.deleter = new S3BlobUploader(BUCKET, "traces/", BlobNamingStrategies.contentAddressed(), lazy, null,
				S3UploadOptions.builder().build())
			.blobDeleter()
			.orElseThrow();
	}

	@AfterEach
	void closeClient() {
		this.client.close();
	}

	@Test
	void aDeleteMarkerShowsTheBucketIsVersioned() throws Exception {
		server.stubFor(head(urlPathEqualTo(KEY_PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Last-Modified", "Wed, 02 Dec 2026 10:00:00 GMT")));
		server.stubFor(delete(urlPathEqualTo(KEY_PATH))
			.willReturn(aResponse().withStatus(204).withHeader("x-amz-delete-marker", "true")));
		assertThat(this.deleter.residualCopies()).isEmpty();

		assertThat(this.deleter.delete("s3://" + BUCKET + "/traces/abc.png")).isTrue();
		assertThat(this.deleter.residualCopies()).containsExactly("S3 bucket " + BUCKET
				+ " is versioned: deleted objects remain as noncurrent versions until a lifecycle rule expires them");
	}

	@Test
	void anUnversionedDeleteLeavesNothingToTell() throws Exception {
		server.stubFor(head(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(200)));
		server.stubFor(delete(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(204)));
		assertThat(this.deleter.delete("s3://" + BUCKET + "/traces/abc.png")).isTrue();
		assertThat(this.deleter.residualCopies()).isEmpty();
		server.verify(1, deleteRequestedFor(urlPathEqualTo(KEY_PATH)));
	}

	@Test
	void anAbsentObjectIsNotDeletedAgain() throws Exception {
		server.stubFor(head(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(404)));
		assertThat(this.deleter.delete("s3://" + BUCKET + "/traces/abc.png")).isFalse();
		assertThat(this.deleter.lastModified("s3://" + BUCKET + "/traces/abc.png")).isEmpty();
		// No DeleteObject: on a versioned bucket it would add a delete marker.
		server.verify(0, deleteRequestedFor(anyUrl()));
	}

	@Test
	void lastModifiedIsTheHeadsLastModified() throws Exception {
		server.stubFor(head(urlPathEqualTo(KEY_PATH))
			.willReturn(aResponse().withStatus(200).withHeader("Last-Modified", "Wed, 02 Dec 2026 10:00:00 GMT")));
		assertThat(this.deleter.lastModified("s3://" + BUCKET + "/traces/abc.png"))
			.hasValue(Instant.parse("2026-12-02T10:00:00Z"));
	}

	@Test
	void aRefusalNamesStatusAndCodeButNoCredentials() {
		server.stubFor(head(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(200)));
		server.stubFor(delete(urlPathEqualTo(KEY_PATH)).willReturn(aResponse().withStatus(403)
			.withHeader("Content-Type", "application/xml")
			.withBody("<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>")));
		assertThatIOException().isThrownBy(() -> this.deleter.delete("s3://" + BUCKET + "/traces/abc.png"))
			.withMessage("Deleting s3://" + BUCKET + "/traces/abc.png failed; S3 answered 403 AccessDenied")
			.withMessageNotContaining(SECRET);
	}

	@Test
	void urisOutsideThePrefixSendNothing() throws Exception {
		assertThat(this.deleter.delete("s3://" + BUCKET + "/other/abc.png")).isFalse();
		assertThat(this.deleter.delete("s3://" + BUCKET + "/traces/../other/abc.png")).isFalse();
		assertThat(this.deleter.delete("s3://" + BUCKET + "/traces/%2e%2e/other/abc.png")).isFalse();
		assertThat(this.deleter.delete("s3://other-bucket/traces/abc.png")).isFalse();
		assertThat(this.deleter.lastModified("s3://" + BUCKET + "/traces/..%2Fabc.png")).isEmpty();
		server.verify(0, anyRequestedFor(anyUrl()));
	}

}
