package io.github.blobupload.provider.azure;

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

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlockListType;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.testsupport.AzuriteEmulator;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code azblob://} provider against Azurite on loopback, with the client built by the
 * auto-configuration from {@code blob.upload.azure.connection-string}.
 */
class AzureBlobStorageProviderIntegrationTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	private static AzuriteEmulator azurite;

	private static String container;

	@BeforeAll
	static void startEmulator() {
		azurite = AzuriteEmulator.shared();
		container = "it-" + UUID.randomUUID().toString().substring(0, 8);
		azurite.createContainer(container);
	}

	private static ApplicationContextRunner runner(AzuriteEmulator emulator, String uriPrefix) {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, AzureStorageAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + uriPrefix,
					"blob.upload.azure.connection-string=" + emulator.connectionString(),
					"blob.upload.retry.initial-backoff=10ms", "blob.upload.retry.max-backoff=50ms");
	}

	private static String prefix(String container, String path) {
		return "azblob://" + AzuriteEmulator.ACCOUNT + "/" + container + (path.isEmpty() ? "" : "/" + path);
	}

	@Test
	void uploadsBytesContentTypeAndLabelsReadBackThroughAzure() {
		runner(azurite, prefix(container, "traces")).run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			Map<String, String> labels = new LinkedHashMap<>(BlobLabels.forSpan("0af7651916cd43dd8448eb211c80319c",
					"b7ad6b7169203331"));
			labels.put("Model-Name", "café-gpt");
			labels.put("1st", "x");
			byte[] png = SampleContent.randomPng(2048);
			String uri = registry.getBlobUploader(null).uploadAsync(new Blob(png, "image/png", labels));

			assertThat(registry.flush(FLUSH)).isTrue();
			assertThat(stats(registry).uploaded()).isEqualTo(1);
			assertThat(uri).startsWith(prefix(container, "traces/")).endsWith(".png");
			BlobClient stored = blob(uri);
			assertThat(stored.downloadContent().toBytes()).isEqualTo(png);
			BlobProperties properties = stored.getProperties();
			assertThat(properties.getContentType()).isEqualTo("image/png");
			assertThat(properties.getMetadata()).containsEntry("otel_type", "span")
				.containsEntry("trace_id", "0af7651916cd43dd8448eb211c80319c")
				.containsEntry("span_id", "b7ad6b7169203331")
				.containsEntry("model_name", "caf%C3%A9-gpt")
				.containsEntry("_1st", "x");
		});
	}

	@Test
	void largeBlobIsStagedAsBlocksAndKeepsContentTypeAndLabels() {
		runner(azurite, prefix(container, "large"))
			.withPropertyValues("blob.upload.azure.block-upload-threshold=1MB", "blob.upload.azure.block-size=1MB")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				byte[] audio = new byte[3 * 1024 * 1024 + 17];
				ThreadLocalRandom.current().nextBytes(audio);
				String uri = registry.getBlobUploader(null)
					.uploadAsync(new Blob(audio, "audio/wav", Map.of("event_name", "gen_ai.audio")));

				assertThat(registry.flush(FLUSH)).isTrue();
				BlobClient stored = blob(uri);
				assertThat(stored.downloadContent().toBytes()).isEqualTo(audio);
				assertThat(stored.getProperties().getContentType()).isEqualTo("audio/wav");
				assertThat(stored.getProperties().getMetadata()).containsEntry("event_name", "gen_ai.audio");
				assertThat(stored.getBlockBlobClient().listBlocks(BlockListType.COMMITTED).getCommittedBlocks())
					.hasSize(4);
			});
	}

	@Test
	void sasUrlIsRecordedAndAnHttpGetReturnsTheBytes() {
		runner(azurite, prefix(container, "signed"))
			.withPropertyValues("blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=10m")
			.run((context) -> {
				context.getBean(AzureBlobStorageProvider.class).signedUrlsReady().get(30, TimeUnit.SECONDS);
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				byte[] pdf = "%PDF-1.4 sas url test".getBytes();
				String url = registry.getBlobUploader(null).uploadAsync(new Blob(pdf, "application/pdf", null));

				assertThat(registry.flush(FLUSH)).isTrue();
				assertThat(stats(registry).uploaded()).isEqualTo(1);
				assertThat(url).startsWith(azurite.endpoint() + "/" + container + "/signed/")
					.contains("sig=")
					.contains("sp=r");
				HttpResponse<byte[]> response = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).isEqualTo(pdf);
				assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
				HttpResponse<byte[]> unsigned = HttpClient.newHttpClient()
					.send(HttpRequest.newBuilder(URI.create(url.substring(0, url.indexOf('?')))).GET().build(),
							HttpResponse.BodyHandlers.ofByteArray());
				assertThat(unsigned.statusCode()).isIn(401, 403, 404);
			});
	}

	@Test
	void usersBlobServiceClientBeanIsUsedInsteadOfTheSettings() {
		// No connection string and no azure-identity settings: only the user's client can succeed.
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, AzureStorageAutoConfiguration.class))
			.withBean(BlobServiceClient.class,
					() -> new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient())
			.withPropertyValues("blob.upload.enabled=true",
					"blob.upload.uri-prefix=" + prefix(container, "user-client"),
					"blob.upload.azure.endpoint=http://127.0.0.1:1/" + AzuriteEmulator.ACCOUNT,
					"blob.upload.retry.max-attempts=1")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				String uri = registry.getBlobUploader(null)
					.uploadAsync(new Blob(SampleContent.randomPng(64), "image/png", null));
				assertThat(registry.flush(FLUSH)).isTrue();
				assertThat(stats(registry).uploaded()).isEqualTo(1);
				assertThat(blob(uri).getProperties().getBlobSize()).isEqualTo(64);
			});
	}

	@Test
	void usersClientForAnotherAccountFailsPermanentlyNamingBothAccounts() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, AzureStorageAutoConfiguration.class))
			.withBean(BlobServiceClient.class,
					() -> new BlobServiceClientBuilder().connectionString(azurite.connectionString()).buildClient())
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=azblob://otheraccount/blobs")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				registry.getBlobUploader(null)
					.uploadAsync(new Blob(SampleContent.randomPng(64), "image/png", null));
				assertThat(registry.flush(FLUSH)).isTrue();
				BlobUploadStats stats = stats(registry);
				assertThat(stats.failed()).isEqualTo(1);
				assertThat(stats.lastError().permanent()).isTrue();
				assertThat(stats.lastError().message()).contains("otheraccount").contains(AzuriteEmulator.ACCOUNT);
			});
	}

	private static BlobClient blob(String uri) {
		String path = uri.substring(("azblob://" + AzuriteEmulator.ACCOUNT + "/").length());
		int slash = path.indexOf('/');
		return azurite.client().getBlobContainerClient(path.substring(0, slash)).getBlobClient(path.substring(slash + 1));
	}

	private static BlobUploadStats stats(BlobUploaderRegistry registry) {
		return ((ManagedBlobUploader) registry.getBlobUploader(null)).stats();
	}

}
