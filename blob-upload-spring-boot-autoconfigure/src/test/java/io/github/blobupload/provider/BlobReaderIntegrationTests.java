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

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ByteRange;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.RangeNotSatisfiableException;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for the {@link BlobReader} of each cloud provider: S3 on s3proxy and Azure on
 * Azurite (shared emulators started by the build), Google Cloud Storage on Google's
 * in-memory fake; blobs uploaded through the engine and the auto-configured client, read
 * back through the reader the uploader offers.
 */
class BlobReaderIntegrationTests {

	private static final Duration FLUSH = Duration.ofSeconds(30);

	private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

	private static final String SPAN = "b7ad6b7169203331";

	/** Google's in-memory fake, one store for the whole class. */
	private static final Storage GCS = LocalStorageHelper.customOptions(false).getService();

	@ParameterizedTest
	@EnumSource(StorageTarget.class)
	void readsBackExactBytesTypeSizeAndLabels(StorageTarget target) {
		String bucket = newBucket(target);
		runner(target, bucket, "read").run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			Map<String, String> labels = new LinkedHashMap<>(BlobLabels.forSpan(TRACE, SPAN));
			labels.put("model", "café-gpt");
			byte[] png = SampleContent.randomPng(4096);
			String uri = registry.getBlobUploader(null).uploadAsync(new Blob(png, "image/png", labels));
			assertThat(registry.flush(FLUSH)).isTrue();

			try (StoredBlob stored = reader(registry).open(uri, null).orElseThrow()) {
				assertThat(stored.uri()).isEqualTo(uri);
				assertThat(stored.content().readAllBytes()).isEqualTo(png);
				assertThat(stored.contentType()).isEqualTo("image/png");
				assertThat(stored.size()).isEqualTo(png.length);
				assertThat(stored.contentLength()).isEqualTo(png.length);
				if (target.emulated()) {
					// Google's fake keeps neither ETag nor generation; real GCS gives
					// both.
					assertThat(stored.etag()).isNotBlank();
				}
				assertThat(stored.range()).isNull();
				assertThat(stored.labels()).containsEntry("trace_id", TRACE)
					.containsEntry("span_id", SPAN)
					.containsEntry("otel_type", "span")
					.containsEntry("model", "café-gpt");
			}
		});
	}

	@ParameterizedTest
	@EnumSource(StorageTarget.class)
	void aRangeReadReturnsExactlyThoseBytes(StorageTarget target) {
		String bucket = newBucket(target);
		runner(target, bucket, "range").run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			byte[] audio = SampleContent.randomPng(100_000);
			String uri = registry.getBlobUploader(null).uploadAsync(new Blob(audio, "audio/wav", null));
			assertThat(registry.flush(FLUSH)).isTrue();
			BlobReader reader = reader(registry);

			try (StoredBlob stored = reader.open(uri, new ByteRange(1000, 1999)).orElseThrow()) {
				assertThat(stored.content().readAllBytes()).isEqualTo(Arrays.copyOfRange(audio, 1000, 2000));
				assertThat(stored.range()).isEqualTo(new ByteRange(1000, 1999));
				assertThat(stored.size()).isEqualTo(audio.length);
				assertThat(stored.contentType()).isEqualTo("audio/wav");
			}
			try (StoredBlob stored = reader.open(uri, ByteRange.from(audio.length - 10)).orElseThrow()) {
				assertThat(stored.content().readAllBytes())
					.isEqualTo(Arrays.copyOfRange(audio, audio.length - 10, audio.length));
				assertThat(stored.contentLength()).isEqualTo(10);
			}
			try (StoredBlob stored = reader.open(uri, new ByteRange(audio.length - 5, audio.length + 100))
				.orElseThrow()) {
				assertThat(stored.content().readAllBytes()).hasSize(5);
				assertThat(stored.range()).isEqualTo(new ByteRange(audio.length - 5, audio.length - 1));
			}
			assertThatExceptionOfType(RangeNotSatisfiableException.class)
				.isThrownBy(() -> reader.open(uri, ByteRange.from(audio.length)))
				.satisfies((ex) -> assertThat(ex.size()).isEqualTo(audio.length));
		});
	}

	@ParameterizedTest
	@EnumSource(StorageTarget.class)
	void absentOrOutsideThePrefixIsEmpty(StorageTarget target) {
		String bucket = newBucket(target);
		String otherBucket = newBucket(target);
		runner(target, bucket, "mine").run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			byte[] png = SampleContent.randomPng(256);
			String uri = registry.getBlobUploader(null).uploadAsync(new Blob(png, "image/png", null));
			assertThat(registry.flush(FLUSH)).isTrue();
			String name = uri.substring(uri.lastIndexOf('/') + 1);
			BlobReader reader = reader(registry);
			// The same object also stored where this reader must not look.
			String other = target.uriPrefix(bucket, "other") + "/" + name;
			uploadTo(target, otherBucket, "mine", png);
			uploadTo(target, bucket, "other", png);

			String prefix = target.uriPrefix(bucket, "mine");
			assertThat(reader.open(prefix + "/missing.png", null)).isEmpty();
			assertThat(reader.open(target.uriPrefix(otherBucket, "mine") + "/" + name, null)).isEmpty();
			assertThat(reader.open(other, null)).isEmpty();
			assertThat(reader.open(prefix + "/../other/" + name, null)).isEmpty();
			assertThat(reader.open(prefix + "/%2e%2e/other/" + name, null)).isEmpty();
			assertThat(reader.open(prefix + "/..%2Fother%2F" + name, null)).isEmpty();
			assertThat(reader.open(prefix + "/..\\other\\" + name, null)).isEmpty();
			assertThat(reader.open(prefix + "//" + name, null)).isEmpty();
			assertThat(reader.list(target.uriPrefix(otherBucket, "mine") + "/", 10)).isEmpty();
			assertThat(reader.list(target.uriPrefix(bucket, "other") + "/", 10)).isEmpty();
			assertThat(reader.list(prefix + "/../", 10)).isEmpty();
		});
	}

	@ParameterizedTest
	@EnumSource(StorageTarget.class)
	void listsByPrefixBoundedByTheLimit(StorageTarget target) {
		String bucket = newBucket(target);
		runner(target, bucket, "listed").run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			List<String> uris = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				uris.add(registry.getBlobUploader(null)
					.uploadAsync(new Blob(SampleContent.randomPng(128), "image/png", null)));
			}
			assertThat(registry.flush(FLUSH)).isTrue();
			BlobReader reader = reader(registry);
			assertThat(reader.uriPrefix()).isEqualTo(target.uriPrefix(bucket, "listed") + "/");
			assertThat(reader.list(reader.uriPrefix(), 10)).containsExactlyInAnyOrderElementsOf(uris);
			assertThat(reader.list(reader.uriPrefix(), 2)).hasSize(2).isSubsetOf(uris);
			String first = uris.get(0);
			assertThat(reader.list(first.substring(0, first.length() - 8), 10)).containsExactly(first);
		});
	}

	@Test
	void aSignedUrlMapsToTheStorageUriThatIsRead() {
		StorageTarget target = StorageTarget.S3;
		String bucket = newBucket(target);
		runner(target, bucket, "signed")
			.withPropertyValues("blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=10m")
			.run((context) -> {
				context.getBean(S3BlobStorageProvider.class).signedUrlsReady().get(30, TimeUnit.SECONDS);
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				byte[] png = SampleContent.randomPng(512);
				String url = registry.getBlobUploader(null).uploadAsync(new Blob(png, "image/png", null));
				assertThat(registry.flush(FLUSH)).isTrue();
				BlobReader reader = reader(registry);

				assertThat(url).startsWith("http");
				assertThat(reader.open(url, null)).as("a signed URL is not read").isEmpty();
				String storageUri = reader.storageUri(url).orElseThrow();
				assertThat(storageUri).startsWith("s3://" + bucket + "/signed/");
				try (StoredBlob stored = reader.open(storageUri, null).orElseThrow()) {
					assertThat(stored.content().readAllBytes()).isEqualTo(png);
				}
			});
	}

	private static void uploadTo(StorageTarget target, String bucket, String folder, byte[] content) {
		runner(target, bucket, folder).run((context) -> {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			registry.getBlobUploader(null).uploadAsync(new Blob(content, "image/png", null));
			assertThat(registry.flush(FLUSH)).isTrue();
		});
	}

	private static BlobReader reader(BlobUploaderRegistry registry) {
		return ((ManagedBlobUploader) registry.getBlobUploader(null)).blobReader().orElseThrow();
	}

	private static String newBucket(StorageTarget target) {
		String bucket = UploadProbe.newBucketName("rd");
		if (target.emulated()) {
			target.shared().createBucket(bucket);
		}
		return bucket;
	}

	private static ApplicationContextRunner runner(StorageTarget target, String bucket, String folder) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class, target.autoConfiguration()))
			.withPropertyValues("blob.upload.enabled=true",
					"blob.upload.uri-prefix=" + target.uriPrefix(bucket, folder),
					"blob.upload.retry.initial-backoff=10ms", "blob.upload.retry.max-backoff=50ms");
		if (!target.emulated()) {
			return runner.withBean(Storage.class, () -> GCS);
		}
		return runner.withPropertyValues(target.properties(target.shared().port()).toArray(String[]::new));
	}

}
