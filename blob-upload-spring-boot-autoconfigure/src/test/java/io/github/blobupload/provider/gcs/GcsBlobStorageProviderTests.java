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

import java.nio.charset.StandardCharsets;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.testsupport.ServiceAccountKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tests for {@link GcsBlobStorageProvider} and {@link GcsBlobUploader} that need no
 * server.
 */
class GcsBlobStorageProviderTests {

	private final LazyClient<Storage> unused = LazyClient.of("unused", () -> null, () -> {
		throw new AssertionError("creating an uploader must not touch storage");
	});

	private final GcsBlobStorageProvider provider = new GcsBlobStorageProvider(this.unused, GcsUploadOptions.defaults(),
			null);

	private final Blob blob = new Blob("hello".getBytes(StandardCharsets.UTF_8), "text/plain", null);

	@Test
	void parsesBucketAndPrefix() {
		assertThat(GcsBlobStorageProvider.parse("gs://my-bucket"))
			.isEqualTo(new GcsBlobStorageProvider.Location("my-bucket", ""));
		assertThat(GcsBlobStorageProvider.parse("gs://my-bucket/"))
			.isEqualTo(new GcsBlobStorageProvider.Location("my-bucket", ""));
		assertThat(GcsBlobStorageProvider.parse("GS://logs.example.com/genai/blobs/"))
			.isEqualTo(new GcsBlobStorageProvider.Location("logs.example.com", "genai/blobs/"));
	}

	@Test
	void namesObjectsUnderThePrefixWithoutTouchingStorage() {
		GcsBlobUploader uploader = (GcsBlobUploader) this.provider.createUploader("gs://my-bucket/genai",
				BlobNamingStrategies.contentAddressed());
		String uri = uploader.generateDestinationUri(this.blob);
		assertThat(uri).matches("gs://my-bucket/genai/[0-9a-f]{64}\\.txt");
		assertThat(uploader.objectNameOf(uri)).isEqualTo(uri.substring("gs://my-bucket/".length()));
	}

	@Test
	void mapsItsSignedUrlsBackToTheObjectAndRefusesOthers() {
		GcsUrlSigner signer = new GcsUrlSigner(ServiceAccountKeys.credentials(), Duration.ofHours(1));
		GcsBlobUploader uploader = new GcsBlobUploader("my-bucket", "genai/", (blob) -> "abc.png", this.unused,
				GcsUploadOptions.defaults(), signer);
		String url = uploader.generateDestinationUri(this.blob);
		assertThat(url).startsWith("https://storage.googleapis.com/my-bucket/genai/abc.png?");
		assertThat(uploader.objectNameOf(url)).isEqualTo("genai/abc.png");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> uploader.objectNameOf(signer.sign("other-bucket", "genai/abc.png")));
	}

	@Test
	void forgetsTheSignedUrlOfAnErasedObject() {
		GcsBlobStorageProvider signing = new GcsBlobStorageProvider(this.unused, GcsUploadOptions.defaults(), LazyClient
			.ofInstance("signer", new GcsUrlSigner(ServiceAccountKeys.credentials(), Duration.ofHours(1))));
		SimpleBlobUploader uploader = signing.createUploader("gs://my-bucket/genai",
				BlobNamingStrategies.contentAddressed());
		String url = uploader.generateDestinationUri(this.blob);
		assertThat(uploader.generateDestinationUri(this.blob)).isEqualTo(url);
		long second = Instant.now().getEpochSecond();
		while (Instant.now().getEpochSecond() == second) {
			Thread.onSpinWait();
		}
		signing.forget(List.of(url));
		assertThat(uploader.generateDestinationUri(this.blob)).as("signed anew").isNotEqualTo(url);
		assertThatNoException().as("no signer, nothing to forget").isThrownBy(() -> this.provider.forget(List.of(url)));
	}

	@Test
	void aNamingStrategyWithUnsafeNamesIsRefused() {
		GcsBlobUploader uploader = (GcsBlobUploader) this.provider.createUploader("gs://my-bucket", (blob) -> "../x");
		assertThatIllegalArgumentException().isThrownBy(() -> uploader.generateDestinationUri(this.blob));
	}

	@Test
	void refusesMalformedPrefixesWithAnExample() {
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://"))
			.withMessageContaining("names no bucket")
			.withMessageContaining("gs://my-bucket");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs:/bucket"))
			.withMessageContaining("is not a gs:// prefix");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://My_Bucket"))
			.withMessageContaining("'My_Bucket' in 'gs://My_Bucket' is not a valid bucket name");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://ab"))
			.withMessageContaining("not a valid bucket name");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://bucket/../etc"))
			.withMessageContaining("The path '../etc'");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://bucket/a b"))
			.withMessageContaining("single slashes");
		assertThatIllegalArgumentException().isThrownBy(() -> GcsBlobStorageProvider.parse("gs://bucket/p?x=1"))
			.withMessageContaining("query");
	}

	@Test
	void refusesToUploadToAUriOutsideItsPrefix() {
		GcsBlobUploader uploader = (GcsBlobUploader) this.provider.createUploader("gs://my-bucket/genai",
				BlobNamingStrategies.uuid());
		assertThatThrownBy(() -> uploader.uploadSync("gs://my-bucket/other/x.txt", this.blob))
			.isInstanceOf(PermanentUploadException.class)
			.hasMessageContaining("is not under gs://my-bucket/genai/");
		assertThatThrownBy(() -> uploader.uploadSync("gs://other-bucket/genai/x.txt", this.blob))
			.isInstanceOf(PermanentUploadException.class);
	}

	@Test
	void aClientThatCannotBeCreatedFailsTheUploadPermanentlyNamingTheBucket() {
		GcsBlobUploader uploader = new GcsBlobUploader("my-bucket", "", BlobNamingStrategies.uuid(),
				LazyClient.of("Google Cloud Storage client", () -> null, () -> {
					throw new IllegalStateException("No Google credentials: not found.");
				}), GcsUploadOptions.defaults(), null);
		assertThatThrownBy(() -> uploader.uploadSync(uploader.generateDestinationUri(this.blob), this.blob))
			.isInstanceOf(PermanentUploadException.class)
			.hasMessage("Cannot create the Google Cloud Storage client for gs://my-bucket: "
					+ "No Google credentials: not found.");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anUnexpectedClientFaultIsPermanentAndNamedByItsType(boolean wrappedInStorageException) {
		// A client fault cannot be caused through the real client: a stand-in throws it.
		RuntimeException fault = new NullPointerException();
		RuntimeException thrown = wrappedInStorageException ? new StorageException(0, null, fault) : fault;
		Storage faulty = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
				new Class<?>[] { Storage.class }, (proxy, method, args) -> {
					throw thrown;
				});
		GcsBlobUploader uploader = new GcsBlobUploader("my-bucket", "", BlobNamingStrategies.uuid(),
				LazyClient.of("Google Cloud Storage client", () -> faulty, () -> faulty), GcsUploadOptions.defaults(),
				null);
		String uri = uploader.generateDestinationUri(this.blob);
		assertThatThrownBy(() -> uploader.uploadSync(uri, this.blob)).isInstanceOf(PermanentUploadException.class)
			.hasMessage("The Google Cloud Storage client failed unexpectedly for " + uri
					+ ": java.lang.NullPointerException")
			.hasMessageNotContaining("null");
	}

	@Test
	void servesTheGsScheme() {
		assertThat(this.provider.scheme()).isEqualTo("gs");
	}

}
