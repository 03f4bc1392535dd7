package io.github.blobupload.autoconfigure.storage;

import io.github.blobupload.provider.azure.AzureUploadOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadAzureProperties}.
 */
class BlobUploadAzurePropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadAzureProperties properties = new BlobUploadAzureProperties();
		AzureUploadOptions defaults = AzureUploadOptions.defaults();
		assertThat(properties.getBlockUploadThreshold().toBytes()).isEqualTo(defaults.blockUploadThreshold());
		assertThat(properties.getBlockSize().toBytes()).isEqualTo(defaults.blockSize());
		assertThat(properties.getEncryptionScope()).isEqualTo(defaults.encryptionScope()).isNull();
	}

}
