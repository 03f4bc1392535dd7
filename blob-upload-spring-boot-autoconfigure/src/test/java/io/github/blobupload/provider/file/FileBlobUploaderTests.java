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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FileBlobUploader}.
 */
class FileBlobUploaderTests {

	@TempDir
	Path folder;

	private final FileBlobStorageProvider provider = new FileBlobStorageProvider();

	@Test
	void writesTheBlobAndASidecarWithContentTypeAndLabels() throws Exception {
		FileBlobUploader uploader = uploader("file://" + this.folder + "/traces");
		Map<String, String> labels = BlobLabels.forSpan("trace\"1", "span\n1");
		Blob blob = new Blob(SampleContent.png(), null, labels);
		String uri = uploader.generateDestinationUri(blob);
		assertThat(uri).startsWith("file://" + this.folder + "/traces/").endsWith(".png");
		uploader.uploadSync(uri, blob);
		Path file = uploader.pathOf(uri);
		assertThat(file).hasBinaryContent(SampleContent.png());
		Path sidecar = file.resolveSibling(file.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX);
		assertThat(sidecar).content(StandardCharsets.UTF_8)
			.isEqualTo("{\"uri\":\"" + uri + "\",\"contentType\":\"image/png\",\"size\":" + blob.size()
					+ ",\"labels\":{\"otel_type\":\"span\",\"trace_id\":\"trace\\\"1\",\"span_id\":\"span\\n1\"}}\n");
		try (var listing = Files.list(file.getParent())) {
			assertThat(listing).as("no temporary files left behind").hasSize(2);
		}
	}

	@Test
	void filesAndFoldersAreReadableByTheOwnerOnly() throws Exception {
		FileBlobUploader uploader = uploader("file:" + this.folder + "/private");
		Blob blob = new Blob(SampleContent.pdf(), null, null);
		String uri = uploader.generateDestinationUri(blob);
		uploader.uploadSync(uri, blob);
		Path file = uploader.pathOf(uri);
		assertThat(Files.getPosixFilePermissions(file)).containsOnly(PosixFilePermission.OWNER_READ,
				PosixFilePermission.OWNER_WRITE);
		assertThat(Files.getPosixFilePermissions(file.getParent()))
			.isEqualTo(PosixFilePermissions.fromString("rwx------"));
	}

	@Test
	void worksThroughTheAsyncEngineAndOverwritesAtomically() throws Exception {
		FileBlobUploader simple = uploader("file://" + this.folder);
		ManagedBlobUploader uploader = AsyncBlobUploader.builder(simple).dedupeCacheSize(0).build();
		try {
			Blob blob = new Blob("same".getBytes(StandardCharsets.UTF_8), "text/plain", null);
			String first = uploader.uploadAsync(blob);
			String second = uploader.uploadAsync(blob);
			assertThat(second).isEqualTo(first);
			assertThat(uploader.flush(Duration.ofSeconds(10))).isTrue();
			assertThat(uploader.stats().uploaded()).isEqualTo(2);
			assertThat(simple.pathOf(first)).hasContent("same");
		}
		finally {
			uploader.shutdown(Duration.ofSeconds(1));
		}
	}

	@Test
	void relativePrefixesResolveAgainstTheWorkingDirectory() {
		FileBlobUploader uploader = uploader("file:blob-uploads/x");
		assertThat(uploader.root()).isEqualTo(Path.of("blob-uploads/x").toAbsolutePath().normalize());
	}

	@Test
	void prefixesMayBePercentEncodedAndNameLocalhost() {
		assertThat(uploader("file://localhost" + this.folder + "/with%20space").root())
			.isEqualTo(this.folder.resolve("with space"));
	}

	@Test
	void rejectsPrefixesThatNameNoFolderOrAnotherHost() {
		assertThatIllegalArgumentException().isThrownBy(() -> uploader("file:"))
			.withMessageContaining("names no folder");
		assertThatIllegalArgumentException().isThrownBy(() -> uploader("file:///"))
			.withMessageContaining("names no folder");
		assertThatIllegalArgumentException().isThrownBy(() -> uploader("file://server/share"))
			.withMessageContaining("names the host 'server'");
	}

	@Test
	void refusesUrisOutsideItsFolderOrWithTraversal() {
		FileBlobUploader uploader = uploader("file://" + this.folder + "/a");
		Blob blob = new Blob(new byte[] { 1 }, null, null);
		assertThatExceptionOfType(PermanentUploadException.class)
			.isThrownBy(() -> uploader.uploadSync("file://" + this.folder + "/b/x", blob))
			.withMessageContaining("is not under");
		assertThatExceptionOfType(PermanentUploadException.class)
			.isThrownBy(() -> uploader.uploadSync("file://" + this.folder + "/a/../b/x", blob))
			.withMessageContaining("unsafe object name");
		assertThat(this.folder.resolve("b")).doesNotExist();
	}

	@Test
	void aFolderThatCannotBeCreatedIsAPermanentError() throws Exception {
		Path notAFolder = Files.writeString(this.folder.resolve("plain-file"), "x");
		FileBlobUploader uploader = uploader("file://" + notAFolder + "/sub");
		Blob blob = new Blob(new byte[] { 1 }, null, null);
		assertThatExceptionOfType(PermanentUploadException.class)
			.isThrownBy(() -> uploader.uploadSync(uploader.generateDestinationUri(blob), blob))
			.withMessageContaining(notAFolder + " exists and is not a folder");
	}

	private FileBlobUploader uploader(String prefix) {
		return (FileBlobUploader) this.provider.createUploader(prefix, BlobNamingStrategies.contentAddressed());
	}

}
