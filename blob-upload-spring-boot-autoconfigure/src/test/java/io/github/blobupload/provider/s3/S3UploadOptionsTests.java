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

package io.github.blobupload.provider.s3;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link S3UploadOptions}.
 */
class S3UploadOptionsTests {

	@Test
	void defaultsWriteWithTheBucketsEncryptionAndNoSignedUrls() {
		S3UploadOptions defaults = S3UploadOptions.defaults();
		assertThat(defaults.multipartThreshold()).isEqualTo(S3UploadOptions.DEFAULT_MULTIPART_THRESHOLD);
		assertThat(defaults.partSize()).isEqualTo(S3UploadOptions.DEFAULT_PART_SIZE);
		assertThat(defaults.serverSideEncryption()).isNull();
		assertThat(defaults.kmsKeyId()).isNull();
		assertThat(defaults.signedUrlExpiry()).isNull();
	}

	@Test
	void partsSmallerThanS3AcceptsAreRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> S3UploadOptions.builder().partSize(1024))
			.withMessage("partSize must be at least 5MB (5242880 bytes, the smallest part S3 accepts) and less than "
					+ "2GB but was 1024 bytes");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3UploadOptions.builder().partSize(S3UploadOptions.MAX_PART_SIZE + 1))
			.withMessageStartingWith("partSize must be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3UploadOptions.builder().multipartThreshold(S3UploadOptions.MIN_PART_SIZE - 1))
			.withMessageStartingWith("multipartThreshold must be at least 5MB");
		assertThat(S3UploadOptions.builder()
			.multipartThreshold(S3UploadOptions.MIN_PART_SIZE)
			.partSize(S3UploadOptions.MIN_PART_SIZE)
			.build()
			.partSize()).isEqualTo(S3UploadOptions.MIN_PART_SIZE);
	}

	@Test
	void signedUrlsExpireWithinSevenDays() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3UploadOptions.builder().signedUrlExpiry(Duration.ofDays(7).plusSeconds(1)))
			.withMessageStartingWith("signedUrlExpiry must be positive and at most 7 days");
		assertThatIllegalArgumentException().isThrownBy(() -> S3UploadOptions.builder().signedUrlExpiry(Duration.ZERO))
			.withMessageStartingWith("signedUrlExpiry must be positive");
		assertThat(S3UploadOptions.builder().signedUrlExpiry(Duration.ofDays(7)).build().signedUrlExpiry()).hasDays(7);
	}

	@Test
	void aKmsKeyNeedsKmsEncryption() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> S3UploadOptions.builder().serverSideEncryption("AES256").kmsKeyId("alias/blobs").build())
			.withMessageStartingWith("kmsKeyId is used only with serverSideEncryption aws:kms");
		S3UploadOptions options = S3UploadOptions.builder()
			.serverSideEncryption(S3UploadOptions.AWS_KMS)
			.kmsKeyId(" alias/blobs ")
			.build();
		assertThat(options.kmsKeyId()).isEqualTo("alias/blobs");
		assertThat(S3UploadOptions.builder().kmsKeyId(" ").build().kmsKeyId()).isNull();
	}

}
