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

package io.github.blobupload.provider.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobReader;
import io.github.blobupload.ByteRange;
import io.github.blobupload.RangeNotSatisfiableException;
import io.github.blobupload.StoredBlob;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link FileBlobReader}.
 */
class FileBlobReaderTests {

	private static final byte[] CONTENT = "0123456789abcdef".getBytes();

	@TempDir
	Path folder;

	private FileBlobUploader uploader;

	private BlobReader reader;

	private String uri;

	@BeforeEach
	void upload() throws IOException {
		this.uploader = (FileBlobUploader) new FileBlobStorageProvider()
			.createUploader("file://" + this.folder + "/blobs", BlobNamingStrategies.contentAddressed());
		this.reader = this.uploader.blobReader().orElseThrow();
		Blob blob = new Blob(CONTENT, "text/plain",
				BlobLabels.forSpan("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
		this.uri = this.uploader.generateDestinationUri(blob);
		this.uploader.uploadSync(this.uri, blob);
	}

	@Test
	void readsBytesContentTypeSizeAndLabelsFromTheSidecar() throws IOException {
		try (StoredBlob stored = this.reader.open(this.uri, null).orElseThrow()) {
			assertThat(stored.content().readAllBytes()).isEqualTo(CONTENT);
			assertThat(stored.contentType()).isEqualTo("text/plain");
			assertThat(stored.size()).isEqualTo(CONTENT.length);
			assertThat(stored.contentLength()).isEqualTo(CONTENT.length);
			assertThat(stored.etag()).startsWith("\"").endsWith("\"");
			assertThat(stored.range()).isNull();
			assertThat(stored.labels()).containsEntry("trace_id", "0af7651916cd43dd8448eb211c80319c")
				.containsEntry("span_id", "b7ad6b7169203331");
		}
	}

	@Test
	void readsARangeClippedToTheEnd() throws IOException {
		try (StoredBlob stored = this.reader.open(this.uri, new ByteRange(10, 99)).orElseThrow()) {
			assertThat(stored.content().readAllBytes()).isEqualTo("abcdef".getBytes());
			assertThat(stored.range()).isEqualTo(new ByteRange(10, 15));
			assertThat(stored.contentLength()).isEqualTo(6);
		}
		try (StoredBlob stored = this.reader.open(this.uri, new ByteRange(2, 4)).orElseThrow()) {
			assertThat(stored.content().readAllBytes()).isEqualTo("234".getBytes());
		}
	}

	@Test
	void aRangeStartingAtTheEndCannotBeSatisfied() {
		assertThatExceptionOfType(RangeNotSatisfiableException.class)
			.isThrownBy(() -> this.reader.open(this.uri, ByteRange.from(16)))
			.satisfies((ex) -> assertThat(ex.size()).isEqualTo(16));
	}

	@Test
	void withoutASidecarTheTypeIsOctetStreamAndThereAreNoLabels() throws IOException {
		Files.delete(this.uploader.pathOf(this.uri)
			.resolveSibling(this.uploader.pathOf(this.uri).getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX));
		try (StoredBlob stored = this.reader.open(this.uri, null).orElseThrow()) {
			assertThat(stored.contentType()).isEqualTo("application/octet-stream");
			assertThat(stored.labels()).isEmpty();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "sub/../../secret.txt",
			"..\\secret.txt", "/etc/passwd", ".hidden", "a//b", "x.png.meta.json", "", "missing.png" })
	void anythingButAnObjectUnderThePrefixIsAbsent(String name) throws IOException {
		Files.writeString(this.folder.resolve("secret.txt"), "secret");
		Files.createDirectories(this.folder.resolve("blobs"));
		Files.writeString(this.folder.resolve("blobs/x.png.meta.json"), "{}");
		assertThat(this.reader.open(this.reader.uriPrefix() + name, null)).isEmpty();
	}

	@Test
	void otherFoldersAndSchemesAreAbsent() throws IOException {
		Files.writeString(this.folder.resolve("secret.txt"), "secret");
		assertThat(this.reader.open("file://" + this.folder + "/secret.txt", null)).isEmpty();
		assertThat(this.reader.open("file://" + this.folder + "/blobsx/secret.txt", null)).isEmpty();
		assertThat(this.reader.open("s3://bucket/blobs/x", null)).isEmpty();
	}

	@Test
	void aSymbolicLinkLeadingOutIsAbsent() throws IOException {
		Path secret = Files.writeString(this.folder.resolve("secret.txt"), "secret");
		Files.createSymbolicLink(this.folder.resolve("blobs/link.txt"), secret);
		Files.createSymbolicLink(this.folder.resolve("blobs/out"), this.folder);
		assertThat(this.reader.open(this.reader.uriPrefix() + "link.txt", null)).isEmpty();
		assertThat(this.reader.open(this.reader.uriPrefix() + "out/secret.txt", null)).isEmpty();
	}

	@Test
	void listsByPrefixWithoutSidecarsOrTemporaryFiles() throws IOException {
		Files.createDirectories(this.folder.resolve("blobs/_index/t1"));
		Files.writeString(this.folder.resolve("blobs/_index/t1/a.json"), "{}");
		Files.writeString(this.folder.resolve("blobs/_index/t1/b.json"), "{}");
		Files.writeString(this.folder.resolve("blobs/_index/t1/.b.json.tmp"), "{}");
		Files.writeString(this.folder.resolve("blobs/_index/t1/b.json.meta.json"), "{}");
		String prefix = this.reader.uriPrefix();
		assertThat(this.reader.list(prefix + "_index/t1/", 10)).containsExactlyInAnyOrder(prefix + "_index/t1/a.json",
				prefix + "_index/t1/b.json");
		assertThat(this.reader.list(prefix + "_index/t1/", 1)).hasSize(1);
		assertThat(this.reader.list(prefix, 10)).contains(this.uri).hasSize(3);
		assertThat(this.reader.list(prefix + "_index/none/", 10)).isEmpty();
		assertThat(this.reader.list(prefix + "../", 10)).isEmpty();
		assertThat(this.reader.list("file://" + this.folder + "/", 10)).isEmpty();
	}

	@Test
	void theStorageUriOfARecordedUriIsItself() {
		assertThat(this.reader.storageUri(this.uri)).hasValue(this.uri);
		assertThat(this.reader.storageUri("file://" + this.folder + "/other/x.png")).isEmpty();
		assertThat(this.reader.uriPrefix()).isEqualTo("file://" + this.folder + "/blobs/");
	}

}
