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

import io.github.blobupload.Blob;
import io.github.blobupload.provider.internal.LazyClient;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link AzureBlobStorageProvider} and {@link AzureBlobUploader} that need no
 * server.
 */
class AzureBlobStorageProviderTests {

	@Test
	void parsesAccountContainerAndPrefix() {
		assertThat(AzureBlobStorageProvider.parse("azblob://acct1/blobs"))
			.isEqualTo(new AzureBlobStorageProvider.Location("acct1", "blobs", ""));
		assertThat(AzureBlobStorageProvider.parse("azblob://acct1/blobs/genai/traces/"))
			.isEqualTo(new AzureBlobStorageProvider.Location("acct1", "blobs", "genai/traces/"));
	}

	@Test
	void rejectsMalformedPrefixesWithAnExample() {
		assertThatIllegalArgumentException().isThrownBy(() -> AzureBlobStorageProvider.parse("azblob://"))
			.withMessageContaining("must name a storage account and a container")
			.withMessageContaining("azblob://myaccount/my-container");
		assertThatIllegalArgumentException().isThrownBy(() -> AzureBlobStorageProvider.parse("azblob://acct1"))
			.withMessageContaining("must name a storage account and a container");
		assertThatIllegalArgumentException().isThrownBy(() -> AzureBlobStorageProvider.parse("azblob://Acct/blobs"))
			.withMessageContaining("not a valid storage account name");
		assertThatIllegalArgumentException().isThrownBy(() -> AzureBlobStorageProvider.parse("azblob://acct1/a--b"))
			.withMessageContaining("not a valid container name");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> AzureBlobStorageProvider.parse("azblob://acct1/blobs/../x"))
			.withMessageContaining("A-Z a-z 0-9 . _ -");
	}

	@Test
	void namesBlobsUnderThePrefixAndMapsUrisBackToNames() {
		AzureBlobUploader uploader = new AzureBlobUploader("acct1", "blobs", "traces/", (blob) -> "abc.png",
				LazyClient.of("unused", () -> null, () -> {
					throw new IllegalStateException("no client in unit tests");
				}), AzureUploadOptions.defaults());
		String uri = uploader.generateDestinationUri(new Blob(new byte[] { 1 }, "image/png", null));
		assertThat(uri).isEqualTo("azblob://acct1/blobs/traces/abc.png");
		assertThat(uploader.blobNameOf(uri)).isEqualTo("traces/abc.png");
		assertThat(uploader.blobNameOf("https://acct1.blob.core.windows.net/blobs/traces/abc.png?sv=1&sig=2"))
			.isEqualTo("traces/abc.png");
		assertThatIllegalArgumentException().isThrownBy(() -> uploader.blobNameOf("azblob://acct1/other/abc.png"));
	}

	@Test
	void classifiesStatusCodes() {
		assertThat(AzureBlobUploader.isPermanent(404, "ContainerNotFound")).isTrue();
		assertThat(AzureBlobUploader.isPermanent(403, "AuthorizationFailure")).isTrue();
		assertThat(AzureBlobUploader.isPermanent(403, "AuthenticationFailed")).isTrue();
		assertThat(AzureBlobUploader.isPermanent(503, "ServerBusy")).isFalse();
		assertThat(AzureBlobUploader.isPermanent(500, "OperationTimedOut")).isFalse();
		assertThat(AzureBlobUploader.isPermanent(408, null)).isFalse();
		assertThat(AzureBlobUploader.isPermanent(429, null)).isFalse();
	}

}
