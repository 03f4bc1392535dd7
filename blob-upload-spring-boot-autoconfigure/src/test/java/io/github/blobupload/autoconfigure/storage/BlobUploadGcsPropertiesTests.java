package io.github.blobupload.autoconfigure.storage;

import io.github.blobupload.provider.gcs.GcsUploadOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadGcsProperties}.
 */
class BlobUploadGcsPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadGcsProperties properties = new BlobUploadGcsProperties();
		GcsUploadOptions defaults = GcsUploadOptions.defaults();
		assertThat(properties.getResumableThreshold().toBytes()).isEqualTo(defaults.resumableThreshold());
		assertThat(properties.getKmsKeyName()).isEqualTo(defaults.kmsKeyName()).isNull();
		assertThat(properties.isAnonymous()).isFalse();
	}

}
