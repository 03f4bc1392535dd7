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
