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

package io.github.blobupload.provider.azure;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AzureUploadOptions}.
 */
class AzureUploadOptionsTests {

	@Test
	void defaultsWriteWithTheContainersEncryptionAndNoSignedUrls() {
		AzureUploadOptions defaults = AzureUploadOptions.defaults();
		assertThat(defaults.blockUploadThreshold()).isEqualTo(AzureUploadOptions.DEFAULT_BLOCK_UPLOAD_THRESHOLD);
		assertThat(defaults.blockSize()).isEqualTo(AzureUploadOptions.DEFAULT_BLOCK_SIZE);
		assertThat(defaults.encryptionScope()).isNull();
		assertThat(defaults.signedUrlExpiry()).isNull();
	}

	@Test
	void sizesOutsideWhatAzureAcceptsAreRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> AzureUploadOptions.builder().blockUploadThreshold(AzureUploadOptions.MAX_SINGLE_UPLOAD_SIZE + 1))
			.withMessageStartingWith("blockUploadThreshold must be at least 1 byte and at most 5000MB");
		assertThatIllegalArgumentException().isThrownBy(() -> AzureUploadOptions.builder().blockUploadThreshold(0))
			.withMessageStartingWith("blockUploadThreshold must be");
		assertThatIllegalArgumentException().isThrownBy(() -> AzureUploadOptions.builder().blockSize(0))
			.withMessage("blockSize must be at least 1 byte and less than 2GB but was 0 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AzureUploadOptions.builder().blockSize(AzureUploadOptions.MAX_BLOCK_SIZE + 1))
			.withMessageStartingWith("blockSize must be");
	}

	@Test
	void signedUrlsExpireAfterAPositiveDuration() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AzureUploadOptions.builder().signedUrlExpiry(Duration.ofSeconds(-1)))
			.withMessage("signedUrlExpiry must be a positive duration but was PT-1S");
		assertThat(AzureUploadOptions.builder().signedUrlExpiry(Duration.ofDays(30)).build().signedUrlExpiry())
			.hasDays(30);
	}

	@Test
	void aBlankEncryptionScopeMeansTheContainersDefault() {
		assertThat(AzureUploadOptions.builder().encryptionScope(" ").build().encryptionScope()).isNull();
		assertThat(AzureUploadOptions.builder().encryptionScope(" scope ").build().encryptionScope())
			.isEqualTo("scope");
	}

}
