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

package io.github.blobupload.provider;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobStorageProvider#schemeOf(String)}.
 */
class BlobStorageProviderSchemeTests {

	@Test
	void theSchemeIsLowerCaseWithoutTheColon() {
		assertThat(BlobStorageProvider.schemeOf("s3://bucket/path")).isEqualTo("s3");
		assertThat(BlobStorageProvider.schemeOf("AzBlob://account/container")).isEqualTo("azblob");
		assertThat(BlobStorageProvider.schemeOf("file:///var/blobs")).isEqualTo("file");
		assertThat(BlobStorageProvider.schemeOf("file:relative")).isEqualTo("file");
		assertThat(BlobStorageProvider.schemeOf("my+store.v-2://x")).isEqualTo("my+store.v-2");
	}

	@Test
	void aPrefixWithoutASchemeHasNone() {
		assertThat(BlobStorageProvider.schemeOf("/tmp/blobs")).isNull();
		assertThat(BlobStorageProvider.schemeOf("bucket/path")).isNull();
		assertThat(BlobStorageProvider.schemeOf("")).isNull();
		assertThat(BlobStorageProvider.schemeOf(":x")).isNull();
		assertThat(BlobStorageProvider.schemeOf("2s3://bucket")).isNull();
		assertThat(BlobStorageProvider.schemeOf("s 3://bucket")).isNull();
	}

}
