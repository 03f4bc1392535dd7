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

package io.github.blobupload.autoconfigure.actuate;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.actuate.BlobUploadHealthIndicator;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.GcsStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.S3Emulator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static io.github.blobupload.autoconfigure.actuate.BlobUploadHealthActiveCheckTests.activeCheck;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The active health check against real storage: s3proxy, Azurite, and a local HTTP server
 * standing in for the Google Cloud Storage JSON API. Requests are counted on the wire (an
 * SDK execution interceptor, an Azure pipeline policy, WireMock's request journal).
 */
class BlobUploadActiveCheckIntegrationTests {

	private static final String ACTIVE = "blob.upload.health.active-check.enabled=true";

	private static ApplicationContextRunner runner(String uriPrefix) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
					S3StorageAutoConfiguration.class, AzureStorageAutoConfiguration.class,
					GcsStorageAutoConfiguration.class, BlobUploadHealthAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + uriPrefix);
	}

	private static Health healthTwice(org.springframework.context.ApplicationContext context) {
		BlobUploadHealthIndicator indicator = context.getBean(BlobUploadHealthIndicator.class);
		Health first = indicator.health();
		Health second = indicator.health();
		assertThat(second.getStatus()).isEqualTo(first.getStatus());
		return second;
	}

	@Nested
	class S3 {

		private static S3Emulator s3;

		private static String bucket;

		private final List<String> requests = new CopyOnWriteArrayList<>();

		@BeforeAll
		static void startEmulator() {
			s3 = S3Emulator.shared();
			bucket = "hc-" + UUID.randomUUID().toString().substring(0, 8);
			s3.createBucket(bucket);
		}

		private S3Client countingClient(String secretKey) {
			ExecutionInterceptor counter = new ExecutionInterceptor() {

				@Override
				public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
					S3.this.requests.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME) + " "
							+ context.httpRequest().encodedPath()
							+ (context.httpRequest().firstMatchingHeader("x-amz-acl").isPresent() ? " with ACL" : ""));
				}

			};
			return S3Client.builder()
				.endpointOverride(s3.endpoint())
				.region(Region.of(S3Emulator.REGION))
				.forcePathStyle(true)
				.credentialsProvider(
						StaticCredentialsProvider.create(AwsBasicCredentials.create(S3Emulator.ACCESS_KEY, secretKey)))
				.overrideConfiguration((config) -> config.addExecutionInterceptor(counter))
				.build();
		}

		private ApplicationContextRunner s3Runner(String uriPrefix, String secretKey) {
			return runner(uriPrefix).withBean(S3Client.class, () -> countingClient(secretKey));
		}

		@Test
		void offByDefaultHealthSendsNoRequest() {
			s3Runner("s3://" + bucket + "/off", S3Emulator.SECRET_KEY).run((context) -> {
				assertThat(healthTwice(context).getStatus()).isEqualTo(Status.UP);
				assertThat(this.requests).isEmpty();
			});
		}

		@Test
		void upAfterOneProbeWriteAndTwoRequestsWriteOnce() {
			s3Runner("s3://" + bucket + "/traces", S3Emulator.SECRET_KEY).withPropertyValues(ACTIVE).run((context) -> {
				Health health = healthTwice(context);

				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(activeCheck(health, "default")).containsEntry("status", "UP");
				String key = "traces/" + StorageProbe.PROBE_OBJECT_NAME;
				assertThat(this.requests).containsExactly("PutObject /" + bucket + "/" + key);
				ResponseBytes<GetObjectResponse> probe = s3.client()
					.getObjectAsBytes((request) -> request.bucket(bucket).key(key));
				assertThat(probe.asUtf8String()).contains("health check");
				assertThat(probe.response().contentType()).isEqualTo("text/plain");
			});
		}

		@Test
		void degradedWhenTheBucketIsMissing() {
			String missing = "no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8);
			s3Runner("s3://" + missing, S3Emulator.SECRET_KEY).withPropertyValues(ACTIVE).run((context) -> {
				Health health = healthTwice(context);

				assertThat(health.getStatus()).isEqualTo(BlobUploadHealthIndicator.DEGRADED);
				assertThat((String) activeCheck(health, "default").get("error")).contains(missing, "404",
						"NoSuchBucket");
				assertThat(this.requests).hasSize(1);
			});
		}

		@Test
		void degradedWhenTheCredentialsAreRefusedAndTheSecretIsNotShown() {
			s3Runner("s3://" + bucket + "/denied", "not-the-secret").withPropertyValues(ACTIVE).run((context) -> {
				Health health = healthTwice(context);

				assertThat(health.getStatus()).isEqualTo(BlobUploadHealthIndicator.DEGRADED);
				assertThat((String) activeCheck(health, "default").get("error")).contains("403")
					.doesNotContain("not-the-secret");
				assertThat(this.requests).hasSize(1);
			});
		}

	}

	@Nested
	class Azure {

		private static AzuriteEmulator azurite;

		private static String container;

		private final List<String> requests = new CopyOnWriteArrayList<>();

		@BeforeAll
		static void startEmulator() {
			azurite = AzuriteEmulator.shared();
			container = "hc-" + UUID.randomUUID().toString().substring(0, 8);
			azurite.createContainer(container);
		}

		private ApplicationContextRunner azureRunner(String container, String path) {
			HttpPipelineSyncPolicy counter = new HttpPipelineSyncPolicy() {

				@Override
				protected void beforeSendingRequest(HttpPipelineCallContext context) {
					// The SDK sends the slashes of a blob name encoded (%2F).
					Azure.this.requests.add(context.getHttpRequest().getHttpMethod() + " "
							+ URLDecoder.decode(context.getHttpRequest().getUrl().getPath(), StandardCharsets.UTF_8));
				}

			};
			return runner("azblob://" + AzuriteEmulator.ACCOUNT + "/" + container + "/" + path).withBean(
					BlobServiceClient.class,
					() -> new BlobServiceClientBuilder().connectionString(azurite.connectionString())
						.addPolicy(counter)
						.buildClient());
		}

		@Test
		void offByDefaultHealthSendsNoRequest() {
			azureRunner(container, "off").run((context) -> {
				assertThat(healthTwice(context).getStatus()).isEqualTo(Status.UP);
				assertThat(this.requests).isEmpty();
			});
		}

		@Test
		void upAfterWritingOneProbeBlobAndTwoHealthRequestsMakeOneStorageRequest() {
			azureRunner(container, "traces").withPropertyValues(ACTIVE).run((context) -> {
				Health health = healthTwice(context);

				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(activeCheck(health, "default")).containsEntry("status", "UP");
				String name = "traces/" + StorageProbe.PROBE_OBJECT_NAME;
				assertThat(this.requests)
					.containsExactly("PUT /" + AzuriteEmulator.ACCOUNT + "/" + container + "/" + name);
				BlobClient probe = azurite.client().getBlobContainerClient(container).getBlobClient(name);
				assertThat(probe.downloadContent().toString()).contains("health check");
				assertThat(probe.getProperties().getContentType()).isEqualTo("text/plain");
			});
		}

		@Test
		void degradedWhenTheContainerIsMissing() {
			String missing = "no-such-container-" + UUID.randomUUID().toString().substring(0, 8);
			azureRunner(missing, "x").withPropertyValues(ACTIVE).run((context) -> {
				Health health = healthTwice(context);

				assertThat(health.getStatus()).isEqualTo(BlobUploadHealthIndicator.DEGRADED);
				assertThat((String) activeCheck(health, "default").get("error")).contains(missing, "404",
						"ContainerNotFound");
				assertThat(this.requests).hasSize(1);
			});
		}

	}

	@Nested
	class Gcs {

		private static final String BUCKET = "genai-blobs";

		private static final String UPLOAD_PATH = "/upload/storage/v1/b/" + BUCKET + "/o";

		/** Started once, reset before each test. */
		@RegisterExtension
		static final WireMockExtension server = WireMockExtension.newInstance()
			.options(options().bindAddress("127.0.0.1").dynamicPort())
			.build();

		private ApplicationContextRunner gcsRunner() {
			return runner("gs://" + BUCKET + "/genai").withPropertyValues(
					"blob.upload.gcs.endpoint=http://127.0.0.1:" + server.getPort(), "blob.upload.gcs.anonymous=true",
					"blob.upload.gcs.project-id=test-project");
		}

		private static List<LoggedRequest> requests() {
			return server.findAll(anyRequestedFor(anyUrl()));
		}

		@Test
		void offByDefaultHealthSendsNoRequest() {
			gcsRunner().run((context) -> {
				assertThat(healthTwice(context).getStatus()).isEqualTo(Status.UP);
				assertThat(requests()).isEmpty();
			});
		}

		@Test
		void upAfterWritingTheProbeObjectAndTwoHealthRequestsMakeOneStorageRequest() {
			server.stubFor(post(urlPathEqualTo(UPLOAD_PATH))
				.willReturn(okJson("{\"kind\":\"storage#object\",\"bucket\":\"" + BUCKET + "\",\"name\":\"genai/"
						+ StorageProbe.PROBE_OBJECT_NAME + "\",\"generation\":\"1\",\"size\":\"1\"}")));
			gcsRunner().withPropertyValues(ACTIVE).run((context) -> {
				Health health = healthTwice(context);

				assertThat(health.getStatus()).isEqualTo(Status.UP);
				assertThat(activeCheck(health, "default")).containsEntry("status", "UP");
				assertThat(requests()).hasSize(1);
				LoggedRequest request = requests().get(0);
				assertThat(request.queryParameter("ifGenerationMatch").firstValue()).isEqualTo("0");
				assertThat(request.queryParameter("predefinedAcl").isPresent()).isFalse();
				assertThat(new String(request.getBody(), StandardCharsets.ISO_8859_1))
					.contains("\"name\":\"genai/" + StorageProbe.PROBE_OBJECT_NAME + "\"", "health check");
			});
		}

		@Test
		void upWhenTheProbeObjectExistsAlready() {
			server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(aResponse().withStatus(412)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":412,\"message\":\"At least one of the pre-conditions you specified "
						+ "did not hold.\",\"errors\":[{\"reason\":\"conditionNotMet\"}]}}")));
			gcsRunner().withPropertyValues(ACTIVE).run((context) -> {
				assertThat(healthTwice(context).getStatus()).isEqualTo(Status.UP);
				assertThat(requests()).hasSize(1);
			});
		}

		@Test
		void degradedWhenTheBucketIsMissing() {
			server.stubFor(post(urlPathEqualTo(UPLOAD_PATH)).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":404,\"message\":\"The specified bucket does not exist.\","
						+ "\"errors\":[{\"reason\":\"notFound\"}]}}")));
			gcsRunner().withPropertyValues(ACTIVE).run((context) -> {
				Health health = healthTwice(context);

				assertThat(health.getStatus()).isEqualTo(BlobUploadHealthIndicator.DEGRADED);
				assertThat((String) activeCheck(health, "default").get("error")).contains("404",
						"does the bucket 'genai-blobs' exist?");
				assertThat(requests()).hasSize(1);
			});
		}

	}

}
