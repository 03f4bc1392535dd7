package io.github.blobupload.provider.gcs;

import java.nio.charset.StandardCharsets;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.PermanentUploadException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class GcsBlobStorageProviderTests {

	private final GcsBlobStorageProvider provider = new GcsBlobStorageProvider(() -> {
		throw new AssertionError("creating an uploader must not touch storage");
	}, GcsUploadOptions.defaults(), null);

	private final Blob blob = new Blob("hello".getBytes(StandardCharsets.UTF_8), "text/plain", null);

	@Test
	void parsesBucketAndPrefix() {
		assertThat(GcsBlobStorageProvider.parse("gs://my-bucket"))
			.isEqualTo(new GcsBlobStorageProvider.Location("my-bucket", ""));
		assertThat(GcsBlobStorageProvider.parse("gs://my-bucket/"))
			.isEqualTo(new GcsBlobStorageProvider.Location("my-bucket", ""));
		assertThat(GcsBlobStorageProvider.parse("GS://logs.example.com/genai/blobs/"))
			.isEqualTo(new GcsBlobStorageProvider.Location("logs.example.com", "genai/blobs"));
	}

	@Test
	void namesObjectsUnderThePrefixWithoutTouchingStorage() {
		GcsBlobUploader uploader = (GcsBlobUploader) this.provider.createUploader("gs://my-bucket/genai",
				BlobNamingStrategies.contentAddressed());
		String uri = uploader.generateDestinationUri(this.blob);
		assertThat(uri).matches("gs://my-bucket/genai/[0-9a-f]{64}\\.txt");
		assertThat(uploader.objectNameOf(uri)).isEqualTo(uri.substring("gs://my-bucket/".length()));
	}

	@Test
	void refusesMalformedPrefixesWithAnExample() {
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://"))
			.withMessageContaining("names no bucket")
			.withMessageContaining("gs://my-bucket");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs:/bucket"))
			.withMessageContaining("is not a gs:// prefix");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://My_Bucket"))
			.withMessageContaining("'My_Bucket' in 'gs://My_Bucket' is not a valid bucket name");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://ab"))
			.withMessageContaining("not a valid bucket name");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://bucket/../etc"))
			.withMessageContaining("The path '../etc'");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://bucket/a b"))
			.withMessageContaining("may only hold");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://bucket/p?x=1"))
			.withMessageContaining("query");
	}

	@Test
	void refusesToUploadToAUriOutsideItsPrefix() {
		GcsBlobUploader uploader = (GcsBlobUploader) this.provider.createUploader("gs://my-bucket/genai",
				BlobNamingStrategies.uuid());
		assertThatThrownBy(() -> uploader.uploadSync("gs://my-bucket/other/x.txt", this.blob))
			.isInstanceOf(PermanentUploadException.class)
			.hasMessageContaining("is not an object under gs://my-bucket/genai");
		assertThatThrownBy(() -> uploader.uploadSync("gs://other-bucket/genai/x.txt", this.blob))
			.isInstanceOf(PermanentUploadException.class);
	}

	@Test
	void aClientThatCannotBeCreatedFailsTheUploadPermanentlyNamingTheBucket() {
		GcsBlobUploader uploader = new GcsBlobUploader("my-bucket", "", BlobNamingStrategies.uuid(), () -> {
			throw new IllegalStateException("No Google credentials: not found.");
		}, GcsUploadOptions.defaults(), null);
		assertThatThrownBy(() -> uploader.uploadSync(uploader.generateDestinationUri(this.blob), this.blob))
			.isInstanceOf(PermanentUploadException.class)
			.hasMessage("No Google Cloud Storage client for gs://my-bucket: No Google credentials: not found.");
	}

	@Test
	void servesTheGsScheme() {
		assertThat(this.provider.scheme()).isEqualTo("gs");
	}

}
