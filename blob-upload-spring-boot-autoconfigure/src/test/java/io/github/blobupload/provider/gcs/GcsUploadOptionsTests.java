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
		assertThat(GcsUploadOptions.builder()
			.kmsKeyName(" projects/p/locations/l/keyRings/r/cryptoKeys/k ")
			.build()
			.kmsKeyName()).isEqualTo("projects/p/locations/l/keyRings/r/cryptoKeys/k");
	}

}
