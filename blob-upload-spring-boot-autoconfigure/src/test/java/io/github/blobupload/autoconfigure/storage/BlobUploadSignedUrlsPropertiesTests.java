package io.github.blobupload.autoconfigure.storage;

import io.github.blobupload.provider.azure.AzureUploadOptions;
import io.github.blobupload.provider.gcs.GcsUrlSigner;
import io.github.blobupload.provider.s3.S3UploadOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadSignedUrlsProperties}.
 */
class BlobUploadSignedUrlsPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadSignedUrlsProperties properties = new BlobUploadSignedUrlsProperties();
		// Off, as in every provider's default options: storage URIs are recorded.
		assertThat(properties.isEnabled()).isFalse();
		assertThat(S3UploadOptions.defaults().signedUrlExpiry()).isNull();
		assertThat(AzureUploadOptions.defaults().signedUrlExpiry()).isNull();
		// The default expiry is one every provider accepts.
		assertThat(properties.getExpiry()).isPositive()
			.isLessThanOrEqualTo(S3UploadOptions.MAX_SIGNED_URL_EXPIRY)
			.isLessThanOrEqualTo(GcsUrlSigner.MAX_EXPIRY);
	}

}
