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

package io.github.blobupload.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.testsupport.ScriptedUploader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AsyncBlobUploader} with its durable spool on.
 */
@ExtendWith(OutputCaptureExtension.class)
class AsyncBlobUploaderSpoolTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	@TempDir
	Path folder;

	private final List<ManagedBlobUploader> uploaders = new ArrayList<>();

	@AfterEach
	void shutDown() {
		this.uploaders.forEach((uploader) -> uploader.shutdown(Duration.ZERO));
	}

	@Test
	void blobsLeftAtShutdownAreUploadedByTheNextStart(CapturedOutput output) throws Exception {
		ScriptedUploader down = new ScriptedUploader().storageDown(true);
		ManagedBlobUploader first = uploader(down, spooled());
		List<String> uris = new ArrayList<>();
		for (int i = 0; i < 10; i++) {
			uris.add(first.uploadAsync(blob("carried " + i, Map.of("trace_id", "t" + i))));
		}
		Awaitility.await().atMost(FLUSH).until(() -> first.stats().parked().blobs() == 10);
		assertThat(first.shutdown(Duration.ofMillis(50))).isFalse();
		BlobUploadStats stopped = first.stats();
		assertThat(stopped.spool().carriedOver()).isEqualTo(10);
		assertThat(stopped.droppedTotal()).isZero();
		assertThat(stopped.failed()).isZero();
		assertThat(spoolFiles()).hasSize(10);
		assertThat(output).contains("shut down with 10 blobs not yet uploaded left in its spool for the next start");

		ScriptedUploader storage = new ScriptedUploader();
		ManagedBlobUploader second = uploader(storage, spooled());
		assertThat(second.flush(FLUSH)).isTrue();
		assertThat(storage.stored()).containsOnlyKeys(uris);
		assertThat(new String(storage.stored().get(uris.get(3)), StandardCharsets.UTF_8)).isEqualTo("carried 3");
		BlobUploadStats replayed = second.stats();
		assertThat(replayed.spool().recovered()).isEqualTo(10);
		assertThat(replayed.uploaded()).isEqualTo(10);
		assertThat(replayed.submitted() + replayed.spool().recovered()).isEqualTo(replayed.uploaded());
		assertThat(spoolFiles()).isEmpty();
		assertThat(replayed.spool().usedBytes()).isZero();
		assertThat(output).contains("found 10 blobs").contains("left in its spool " + this.folder);
	}

	@Test
	void aBlobFromTheSpoolKeepsItsContentTypeAndLabels() throws Exception {
		ScriptedUploader down = new ScriptedUploader().storageDown(true);
		ManagedBlobUploader first = uploader(down, spooled());
		first.uploadAsync(new Blob("{}".getBytes(StandardCharsets.UTF_8), "application/json",
				Map.of("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736", "span_id", "00f067aa0ba902b7")));
		Awaitility.await().atMost(FLUSH).until(() -> first.stats().parked().blobs() == 1);
		first.shutdown(Duration.ZERO);
		List<Blob> seen = new ArrayList<>();
		ScriptedUploader storage = new ScriptedUploader() {

			@Override
			public void uploadSync(String uri, Blob blob) throws IOException {
				seen.add(blob);
				super.uploadSync(uri, blob);
			}

		};
		ManagedBlobUploader second = uploader(storage, spooled());
		assertThat(second.flush(FLUSH)).isTrue();
		assertThat(seen).singleElement().satisfies((blob) -> {
			assertThat(blob.contentType()).isEqualTo("application/json");
			assertThat(blob.labels()).containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
				.containsEntry("span_id", "00f067aa0ba902b7");
		});
	}

	@Test
	void theFolderAndItsFilesAreOwnerOnly() throws Exception {
		ScriptedUploader storage = new ScriptedUploader().blockUploads();
		ManagedBlobUploader uploader = uploader(storage, spooled());
		uploader.uploadAsync(blob("private", Map.of()));
		Awaitility.await().atMost(FLUSH).until(() -> spoolFiles().size() == 1);
		Path spool = this.folder.resolve("spool");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool))).isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spoolFiles().get(0))))
			.isEqualTo("rw-------");
		storage.open(1);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(spoolFiles()).as("deleted once uploaded").isEmpty();
	}

	@Test
	void unreadableFilesAreCountedAndSetAsideWithoutStoppingStartup(CapturedOutput output) throws Exception {
		ScriptedUploader down = new ScriptedUploader().storageDown(true);
		ManagedBlobUploader first = uploader(down, spooled());
		String good = first.uploadAsync(blob("good", Map.of()));
		first.uploadAsync(blob("will be truncated", Map.of()));
		first.uploadAsync(blob("will be flipped", Map.of()));
		Awaitility.await().atMost(FLUSH).until(() -> spoolFiles().size() == 3);
		first.shutdown(Duration.ZERO);
		List<Path> files = spoolFiles();
		byte[] truncated = Files.readAllBytes(files.get(1));
		Files.write(files.get(1), java.util.Arrays.copyOf(truncated, truncated.length / 2));
		byte[] flipped = Files.readAllBytes(files.get(2));
		flipped[flipped.length - 12] ^= 0x5a;
		Files.write(files.get(2), flipped);
		Path spool = this.folder.resolve("spool");
		Files.write(spool.resolve("0000000000000-00000000.blob"), new byte[0]);
		Files.writeString(spool.resolve("0000000000001-00000000.blob"), "garbage, not a spool file");
		Files.writeString(spool.resolve("0000000000002-00000000.tmp"), "a write a crash cut short");

		ScriptedUploader storage = new ScriptedUploader();
		ManagedBlobUploader second = uploader(storage, spooled());
		assertThat(second.flush(FLUSH)).isTrue();
		assertThat(storage.stored()).containsOnlyKeys(good);
		BlobUploadStats stats = second.stats();
		// Truncated, empty, garbage and cut short are found at startup; the flipped byte
		// only when the blob is read back, which fails it.
		assertThat(stats.spool().corrupt()).isEqualTo(5);
		assertThat(stats.failed()).isOne();
		assertThat(stats.lastError().message()).contains("checksum mismatch");
		assertThat(spoolFiles()).isEmpty();
		try (Stream<Path> left = Files.list(spool)) {
			assertThat(left.map((path) -> path.getFileName().toString()).filter((name) -> name.endsWith(".corrupt")))
				.hasSize(5);
		}
		assertThat(output).contains("4 unreadable files were renamed *.corrupt and skipped")
			.doesNotContain("will be truncated")
			.doesNotContain("will be flipped");
	}

	@Test
	void aSecondUploaderOnTheSameFolderRunsWithoutASpool(CapturedOutput output) {
		ManagedBlobUploader first = uploader(new ScriptedUploader(), spooled());
		ManagedBlobUploader second = uploader(new ScriptedUploader(), spooled().name("second"));
		assertThat(first.stats().spool().active()).isTrue();
		assertThat(second.stats().spool().active()).isFalse();
		assertThat(second.stats().spool().configured()).isTrue();
		assertThat(output).contains("Blob uploader 'second' runs without its spool: the folder "
				+ this.folder.resolve("spool") + " is in use by another process");
		assertThat(second.uploadAsync(blob("still uploaded", Map.of()))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(second.flush(FLUSH)).isTrue();
		assertThat(second.stats().uploaded()).isOne();
	}

	@Test
	void aFolderThatCannotBeCreatedLeavesUploadsInMemory(CapturedOutput output) throws Exception {
		Path file = Files.writeString(this.folder.resolve("a-file"), "not a folder");
		ScriptedUploader storage = new ScriptedUploader();
		ManagedBlobUploader uploader = uploader(storage, options().spoolDirectory(file.resolve("spool")));
		assertThat(output).contains("runs without its spool: the folder " + file.resolve("spool")
				+ " cannot be created or is not writable");
		uploader.uploadAsync(blob("in memory", Map.of()));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(storage.stored()).hasSize(1);
	}

	@Test
	void aFullSpoolRefusesBlobsAndNeverGrowsPastItsBound(CapturedOutput output) throws Exception {
		ScriptedUploader storage = new ScriptedUploader().blockUploads();
		// Room for three files of one block (4 KB) each.
		ManagedBlobUploader uploader = uploader(storage, spooled().maxBlobBytes(1024).spoolMaxBytes(3 * 4096));
		for (int i = 0; i < 3; i++) {
			assertThat(uploader.uploadAsync(blob("fits " + i, Map.of()))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		}
		assertThat(uploader.uploadAsync(blob("refused", Map.of()))).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().dropped(DropReason.SPOOL_FULL)).isOne();
		assertThat(uploader.stats().spool().usedBytes()).isEqualTo(3 * 4096);
		assertThat(output).contains("refused a blob (spool_full): the spool is full (12288 of 12288 bytes used)");
		storage.open(3);
		assertThat(uploader.flush(FLUSH)).isTrue();
		// A blob uploaded before the spool writer reached it gives its room back when it
		// does.
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().spool().usedBytes() == 0);
		assertThat(uploader.uploadAsync(blob("fits again", Map.of()))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		storage.open(1);
		assertThat(uploader.flush(FLUSH)).isTrue();
	}

	@Test
	void whenMemoryIsFullSpooledBlobsWaitOnDiskInsteadOfBeingRefused() throws Exception {
		ScriptedUploader storage = new ScriptedUploader().blockUploads();
		// Memory for 8 blobs of 1 KB; 40 are offered while storage holds the first one.
		ManagedBlobUploader uploader = uploader(storage,
				spooled().workers(1).maxBlobBytes(1024).maxQueueBytes(8 * 1024));
		List<String> uris = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			String uri = uploader.uploadAsync(new Blob(kilobyte(i), "application/octet-stream", null));
			assertThat(uri).isNotEqualTo(BlobUploader.NOT_UPLOADED);
			uris.add(uri);
			// Each offer waits until the spool has the one before it, as a disk that
			// keeps up
			// with the callers does.
			Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().spool().writeBacklog() == 0);
		}
		BlobUploadStats held = uploader.stats();
		assertThat(held.droppedTotal()).isZero();
		assertThat(held.peakPendingBytes()).isLessThanOrEqualTo(8 * 1024);
		assertThat(held.queuedBlobs()).isGreaterThanOrEqualTo(39);
		storage.open(40);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(storage.stored()).containsOnlyKeys(uris);
		assertThat(uploader.stats().peakPendingBytes()).isLessThanOrEqualTo(8 * 1024);
	}

	private AsyncBlobUploaderBuilder options() {
		return AsyncBlobUploader.builder(new ScriptedUploader())
			.maxAttempts(2)
			.initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(20))
			.maxParkedBackoff(Duration.ofMillis(100));
	}

	private AsyncBlobUploaderBuilder spooled() {
		return options().spoolDirectory(this.folder.resolve("spool"));
	}

	private ManagedBlobUploader uploader(ScriptedUploader storage, AsyncBlobUploaderBuilder options) {
		EngineSettings settings = withProvider(options);
		ManagedBlobUploader uploader = new AsyncBlobUploader(storage, settings);
		this.uploaders.add(uploader);
		return uploader;
	}

	private static EngineSettings withProvider(AsyncBlobUploaderBuilder options) {
		return options.settings();
	}

	private List<Path> spoolFiles() throws IOException {
		Path spool = this.folder.resolve("spool");
		if (!Files.isDirectory(spool)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(spool)) {
			return files.filter((path) -> path.getFileName().toString().endsWith(".blob")).sorted().toList();
		}
	}

	private static byte[] kilobyte(int seed) {
		byte[] bytes = new byte[1024];
		new java.util.Random(seed).nextBytes(bytes);
		return bytes;
	}

	private static Blob blob(String content, Map<String, String> labels) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "text/plain", labels);
	}

}
