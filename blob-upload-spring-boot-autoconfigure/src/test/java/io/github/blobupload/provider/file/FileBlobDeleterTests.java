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
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobReader;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link FileBlobDeleter}.
 */
class FileBlobDeleterTests {

	private static final byte[] CONTENT = "0123456789abcdef".getBytes();

	@TempDir
	Path folder;

	private FileBlobUploader uploader;

	private BlobReader reader;

	private BlobDeleter deleter;

	private String uri;

	private Path blobs;

	@BeforeEach
	void upload() throws IOException {
		this.uploader = (FileBlobUploader) new FileBlobStorageProvider()
			.createUploader("file://" + this.folder + "/blobs", BlobNamingStrategies.contentAddressed());
		this.reader = this.uploader.blobReader().orElseThrow();
		this.deleter = this.uploader.blobDeleter().orElseThrow();
		Blob blob = new Blob(CONTENT, "text/plain",
				BlobLabels.forSpan("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331"));
		this.uri = this.uploader.generateDestinationUri(blob);
		this.uploader.uploadSync(this.uri, blob);
		this.blobs = this.folder.resolve("blobs");
	}

	@Test
	void deletesTheFileAndItsSidecar() throws IOException {
		Path file = this.uploader.pathOf(this.uri);
		assertThat(file.resolveSibling(file.getFileName() + ".meta.json")).exists();
		assertThat(this.deleter.delete(this.uri)).isTrue();
		assertThat(this.reader.open(this.uri, null)).isEmpty();
		assertThat(file).doesNotExist();
		assertThat(file.resolveSibling(file.getFileName() + ".meta.json")).doesNotExist();
		assertThat(this.blobs).isDirectory();
	}

	@Test
	void readsThroughTheUploadersReader() {
		assertThat(this.deleter.blobReader()).containsSame(this.reader);
	}

	@Test
	void aSecondDeletionFindsNothing() throws IOException {
		assertThat(this.deleter.delete(this.uri)).isTrue();
		assertThat(this.deleter.delete(this.uri)).isFalse();
		assertThat(this.deleter.lastModified(this.uri)).isEmpty();
	}

	@Test
	void aFileWithoutSidecarIsDeleted() throws IOException {
		Path file = this.uploader.pathOf(this.uri);
		Files.delete(file.resolveSibling(file.getFileName() + ".meta.json"));
		assertThat(this.deleter.delete(this.uri)).isTrue();
		assertThat(file).doesNotExist();
	}

	@Test
	void lastModifiedIsTheFilesModificationTime() throws IOException {
		Instant then = Instant.parse("2026-01-02T03:04:05Z");
		Files.setLastModifiedTime(this.uploader.pathOf(this.uri), FileTime.from(then));
		assertThat(this.deleter.lastModified(this.uri)).hasValue(then);
		assertThat(this.deleter.lastModified(this.deleter.uriPrefix() + "missing.png")).isEmpty();
		assertThat(this.deleter.uriPrefix()).isEqualTo(this.reader.uriPrefix());
	}

	@ParameterizedTest
	@ValueSource(strings = { "../secret.txt", "..%2Fsecret.txt", "%2e%2e/secret.txt", "%2E%2E/secret.txt",
			"sub/../../secret.txt", "..\\secret.txt", "/etc/passwd", "//etc/passwd", ".hidden", "a//b",
			"x.png.meta.json", "", "missing.png", "_refs/", "sub/" })
	void anythingButAnObjectUnderThePrefixDeletesNothing(String name) throws IOException {
		Files.writeString(this.folder.resolve("secret.txt"), "secret");
		Files.writeString(this.blobs.resolve(".hidden"), "hidden");
		Files.writeString(this.blobs.resolve("x.png"), "x");
		Files.writeString(this.blobs.resolve("x.png.meta.json"), "{}");
		Files.createDirectories(this.blobs.resolve("sub"));
		Files.createDirectories(this.blobs.resolve("_refs"));
		List<Path> before = files();
		assertThat(this.deleter.delete(this.deleter.uriPrefix() + name)).isFalse();
		assertThat(this.deleter.lastModified(this.deleter.uriPrefix() + name)).isEmpty();
		assertThat(files()).isEqualTo(before);
	}

	@Test
	void otherFoldersAndSchemesDeleteNothing() throws IOException {
		Files.writeString(this.folder.resolve("secret.txt"), "secret");
		Files.createDirectories(this.folder.resolve("blobsx"));
		Files.writeString(this.folder.resolve("blobsx/secret.txt"), "secret");
		List<Path> before = files();
		assertThat(this.deleter.delete("file://" + this.folder + "/secret.txt")).isFalse();
		assertThat(this.deleter.delete("file://" + this.folder + "/blobsx/secret.txt")).isFalse();
		assertThat(this.deleter.delete(this.folder.resolve("secret.txt").toString())).isFalse();
		assertThat(this.deleter.delete("s3://bucket/blobs/secret.txt")).isFalse();
		assertThat(files()).isEqualTo(before);
	}

	@Test
	void aSymbolicLinkLeadingOutDeletesNothing() throws IOException {
		Path secret = Files.writeString(this.folder.resolve("secret.txt"), "secret");
		Files.createSymbolicLink(this.blobs.resolve("link.txt"), secret);
		Files.createSymbolicLink(this.blobs.resolve("out"), this.folder);
		assertThat(this.deleter.delete(this.deleter.uriPrefix() + "link.txt")).isFalse();
		assertThat(this.deleter.delete(this.deleter.uriPrefix() + "out/secret.txt")).isFalse();
		assertThat(this.deleter.lastModified(this.deleter.uriPrefix() + "link.txt")).isEmpty();
		assertThat(secret).exists();
		assertThat(this.blobs.resolve("link.txt")).isSymbolicLink();
	}

	@Test
	void foldersLeftEmptyGoButNotTheUploadersFolder() throws IOException {
		Path record = this.blobs.resolve("_refs/o/abc/r1.json");
		Path other = this.blobs.resolve("_refs/o/def/r2.json");
		Files.createDirectories(record.getParent());
		Files.createDirectories(other.getParent());
		Files.writeString(record, "{}");
		Files.writeString(other, "{}");
		assertThat(this.deleter.delete(this.deleter.uriPrefix() + "_refs/o/abc/r1.json")).isTrue();
		assertThat(this.blobs.resolve("_refs/o/abc")).doesNotExist();
		assertThat(other).exists();
		assertThat(this.deleter.delete(this.deleter.uriPrefix() + "_refs/o/def/r2.json")).isTrue();
		assertThat(this.blobs.resolve("_refs")).doesNotExist();
		assertThat(this.deleter.delete(this.uri)).isTrue();
		assertThat(this.blobs).isDirectory().isEmptyDirectory();
	}

	@Test
	void temporaryFilesOfAnUploadInProgressAreLeftAlone() throws IOException {
		Path file = this.uploader.pathOf(this.uri);
		Path temp = file.resolveSibling("." + file.getFileName() + "123.tmp");
		Files.writeString(temp, "partial");
		assertThat(this.deleter.delete(this.uri)).isTrue();
		assertThat(temp).exists();
	}

	private List<Path> files() throws IOException {
		try (Stream<Path> files = Files.walk(this.folder)) {
			return files.sorted().toList();
		}
	}

}
