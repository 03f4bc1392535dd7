package io.github.blobupload.provider.s3;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code s3://} provider against an S3-compatible server (s3proxy) on loopback, with
 * the client built by the auto-configuration from {@code blob.upload.s3.*} and the SDK's
 * default credential chain (the build sets {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey}).
 */
class S3BlobStorageProviderIntegrationTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	private static S3Emulator s3;

	private static String bucket;

	@BeforeAll
	static void startEmulator() {
		s3 = S3Emulator.shared();
		bucket = "it-" + UUID.randomUUID().toString().substring(0, 8);
		s3.createBucket(bucket);
	}

	private static ApplicationContextRunner runner(S3Emulator emulator, String uriPrefix) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + uriPrefix,
					"blob.upload.s3.endpoint=" + emulator.endpoint(), "blob.upload.s3.region=" + S3Emulator.REGION,
					"blob.upload.s3.path-style-access=true", "blob.upload.retry.initial-backoff=10ms",
					"blob.upload.retry.max-backoff=50ms");
	}

	@Test
	void uploadsBytesContentTypeAndLabelsReadBackThroughS3() {
		runner(s3, "s3://" + bucket + "/traces").run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			Map<String, String> labels = new LinkedHashMap<>(BlobLabels.forSpan("0af7651916cd43dd8448eb211c80319c",
					"b7ad6b7169203331"));
			labels.put("Model Name", "café-gpt");
			byte[] png = SampleContent.randomPng(2048);
			String uri = registry.getBlobUploader(null).uploadAsync(new Blob(png, "image/png", labels));

			assertThat(registry.flush(FLUSH)).isTrue();
			assertThat(uri).startsWith("s3://" + bucket + "/traces/").endsWith(".png");
			String key = uri.substring(("s3://" + bucket + "/").length());
			ResponseBytes<GetObjectResponse> object = s3.client()
				.getObjectAsBytes((request) -> request.bucket(bucket).key(key));
			assertThat(object.asByteArray()).isEqualTo(png);
			assertThat(object.response().contentType()).isEqualTo("image/png");
			assertThat(object.response().metadata()).containsEntry("otel_type", "span")
				.containsEntry("trace_id", "0af7651916cd43dd8448eb211c80319c")
				.containsEntry("span_id", "b7ad6b7169203331")
				.containsEntry("model_name", "caf%C3%A9-gpt");
			assertThat(stats(registry).uploaded()).isEqualTo(1);
		});
	}

	@Test
	void largeBlobGoesAsMultipartUploadAndKeepsContentTypeAndLabels() {
		runner(s3, "s3://" + bucket + "/large")
			.withPropertyValues("blob.upload.s3.multipart-threshold=5MB", "blob.upload.s3.part-size=5MB")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				byte[] audio = new byte[11 * 1024 * 1024];
				ThreadLocalRandom.current().nextBytes(audio);
				String uri = registry.getBlobUploader(null)
					.uploadAsync(new Blob(audio, "audio/wav", Map.of("event_name", "gen_ai.audio")));

				assertThat(registry.flush(FLUSH)).isTrue();
				String key = uri.substring(("s3://" + bucket + "/").length());
				ResponseBytes<GetObjectResponse> object = s3.client()
					.getObjectAsBytes((request) -> request.bucket(bucket).key(key));
				assertThat(object.asByteArray()).isEqualTo(audio);
				assertThat(object.response().contentType()).isEqualTo("audio/wav");
				assertThat(object.response().metadata()).containsEntry("event_name", "gen_ai.audio");
				// A multipart upload's ETag is "<md5 of part md5s>-<number of parts>".
				assertThat(object.response().eTag()).endsWith("-3\"");
			});
	}

	@Test
	void signedUrlIsRecordedAndAnHttpGetReturnsTheBytes() {
		runner(s3, "s3://" + bucket + "/signed")
			.withPropertyValues("blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=10m")
			.run((context) -> {
				context.getBean(S3BlobStorageProvider.class).signedUrlsReady().get(30, TimeUnit.SECONDS);
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				byte[] pdf = "%PDF-1.4 signed url test".getBytes();
				String url = registry.getBlobUploader(null).uploadAsync(new Blob(pdf, "application/pdf", null));

				assertThat(registry.flush(FLUSH)).isTrue();
				assertThat(stats(registry).uploaded()).isEqualTo(1);
				assertThat(url).startsWith(s3.endpoint() + "/" + bucket + "/signed/")
					.contains("X-Amz-Signature=")
					.contains("X-Amz-Expires=600");
				HttpResponse<byte[]> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo(pdf);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
			});
	}

	@Test
	void usersS3ClientBeanIsUsedInsteadOfTheSettings() {
		// blob.upload.s3.endpoint points at a closed port: only the user's client can succeed.
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class))
			.withBean(S3Client.class, s3::newClient)
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://" + bucket + "/user-client",
					"blob.upload.s3.endpoint=http://127.0.0.1:1", "blob.upload.s3.region=eu-west-3",
					"blob.upload.retry.max-attempts=1")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				String uri = registry.getBlobUploader(null)
					.uploadAsync(new Blob(SampleContent.randomPng(64), "image/png", null));
				assertThat(registry.flush(FLUSH)).isTrue();
				assertThat(stats(registry).uploaded()).isEqualTo(1);
				String key = uri.substring(("s3://" + bucket + "/").length());
				assertThat(s3.client().headObject((request) -> request.bucket(bucket).key(key)).contentLength())
					.isEqualTo(64);
			});
	}

	private static BlobUploadStats stats(BlobUploaderRegistry registry) {
		return ((ManagedBlobUploader) registry.getBlobUploader(null)).stats();
	}

}
