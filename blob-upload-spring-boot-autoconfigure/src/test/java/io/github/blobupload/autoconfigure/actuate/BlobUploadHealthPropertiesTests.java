package io.github.blobupload.autoconfigure.actuate;

import io.github.blobupload.actuate.ActiveStorageChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link BlobUploadHealthProperties}.
 */
class BlobUploadHealthPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadHealthProperties properties = new BlobUploadHealthProperties();
		assertThat(properties.getFailureThreshold()).isPositive();
		BlobUploadHealthProperties.ActiveCheck activeCheck = properties.getActiveCheck();
		assertThat(activeCheck.isEnabled()).isFalse();
		// The defaults are settings the checks accept, and a health request waits less
		// than a result is reused.
		assertThatNoException()
			.isThrownBy(() -> new ActiveStorageChecks(activeCheck.getInterval(), activeCheck.getTimeout()));
		assertThat(activeCheck.getTimeout()).isLessThan(activeCheck.getInterval());
	}

}
