package io.github.blobupload.provider.gcs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link GcsUploadOptions}.
 */
class GcsUploadOptionsTests {

	@Test
	void defaultsWriteWithTheBucketsEncryption() {
		GcsUploadOptions defaults = GcsUploadOptions.defaults();
		assertThat(defaults.resumableThreshold()).isEqualTo(GcsUploadOptions.DEFAULT_RESUMABLE_THRESHOLD);
		assertThat(defaults.kmsKeyName()).isNull();
	}

	@Test
	void aResumableThresholdBelowOneByteIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> GcsUploadOptions.builder().resumableThreshold(0))
			.withMessage("resumableThreshold must be at least 1 byte but was 0 bytes");
		assertThat(GcsUploadOptions.builder().resumableThreshold(1).build().resumableThreshold()).isOne();
	}

	@Test
	void aBlankKmsKeyMeansTheBucketsEncryption() {
		assertThat(GcsUploadOptions.builder().kmsKeyName(" ").build().kmsKeyName()).isNull();
		assertThat(GcsUploadOptions.builder().kmsKeyName(" projects/p/locations/l/keyRings/r/cryptoKeys/k ")
			.build()
			.kmsKeyName()).isEqualTo("projects/p/locations/l/keyRings/r/cryptoKeys/k");
	}

}
