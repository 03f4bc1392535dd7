package io.github.blobupload.autoconfigure.actuate;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadObservationsProperties}.
 */
class BlobUploadObservationsPropertiesTests {

	@Test
	void observationsAreOffByDefault() {
		// Each observation adds a span per blob: an application opts in.
		assertThat(new BlobUploadObservationsProperties().isEnabled()).isFalse();
	}

}
