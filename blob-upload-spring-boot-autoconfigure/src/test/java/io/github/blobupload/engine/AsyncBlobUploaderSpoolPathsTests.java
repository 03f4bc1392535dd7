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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the ways {@link AsyncBlobUploader} takes a blob through its spool: recovery
 * at startup, the write of each accepted blob, refusal when full, bytes that leave memory
 * and are loaded back, and files that turn out unreadable. Fast and without waiting on
 * time: the outage and pressure scenarios under load are in
 * {@link AsyncBlobUploaderSpoolTests}.
 */
class AsyncBlobUploaderSpoolPathsTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	@TempDir
	Path folder;

	private final ScriptedUploader storage = new ScriptedUploader();

	private final List<ManagedBlobUploader> uploaders = new ArrayList<>();

	@AfterEach
	void shutDown() {
		this.uploaders.forEach((uploader) -> uploader.shutdown(Duration.ZERO));
	}

	@Test
	void blobsLeftByAnEarlierRunAreUploadedAndTheirFilesDeleted() throws Exception {
		Path spool = this.folder.resolve("spool");
		try (DiskSpool earlier = DiskSpool.open(spool, 1 << 20, false)) {
			write(earlier, "mem://bucket/a", "first");
			write(earlier, "mem://bucket/b", "second");
			write(earlier, "mem://bucket/a", "first");
		}
		Files.writeString(spool.resolve("0000000000000-00000099.blob"), "garbage");

		ManagedBlobUploader uploader = uploader(spool, 1 << 20);

		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.storage.stored()).containsOnlyKeys("mem://bucket/a", "mem://bucket/b");
		assertThat(new String(this.storage.stored().get("mem://bucket/b"), StandardCharsets.UTF_8)).isEqualTo("second");
		BlobUploadStats.Spool stats = uploader.stats().spool();
		assertThat(stats.recovered()).as("the same destination twice is one blob").isEqualTo(2);
		assertThat(stats.corrupt()).isOne();
		assertThat(stats.active()).isTrue();
		assertThat(stats.usedBytes()).isZero();
		assertThat(blobFiles(spool)).isEmpty();
		assertThat(uploader.stats().uploaded()).isEqualTo(2);
	}

	@Test
	void anAcceptedBlobWaitsOnDiskUntilItIsUploaded() throws Exception {
		Path spool = this.folder.resolve("spool");
		this.storage.blockUploads();
		ManagedBlobUploader uploader = uploader(spool, 1 << 20);

		String uri = uploader.uploadAsync(blob("kept"));

		Awaitility.await().atMost(FLUSH).until(() -> blobFiles(spool).size() == 1);
		assertThat(uploader.stats().spool().usedBytes()).isEqualTo(DiskSpool.chargeFor(4));
		this.storage.open(1);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.storage.stored()).containsOnlyKeys(uri);
		assertThat(blobFiles(spool)).isEmpty();
		assertThat(uploader.stats().spool().usedBytes()).isZero();
	}

	@Test
	void aFullSpoolRefusesTheBlobAndGivesBackItsRoom() throws Exception {
		this.storage.blockUploads();
		ManagedBlobUploader uploader = track(AsyncBlobUploader.builder(this.storage)
			.maxBlobBytes(10)
			.maxQueueBytes(100)
			.spoolDirectory(this.folder.resolve("spool"))
			.spoolMaxBytes(DiskSpool.chargeFor(10))
			.build());
		assertThat(uploader.uploadAsync(blob("first"))).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		Blob second = blob("second");

		assertThat(uploader.uploadAsync(second)).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.uploadAsync(second)).as("refused again, not deduplicated")
			.isEqualTo(BlobUploader.NOT_UPLOADED);

		BlobUploadStats stats = uploader.stats();
		assertThat(stats.dropped()).containsEntry(DropReason.SPOOL_FULL, 2L);
		assertThat(stats.pendingBytes()).as("the refused blob's bytes are given back").isEqualTo(5);
		this.storage.open(1);
		assertThat(uploader.flush(FLUSH)).isTrue();
	}

	@Test
	void underPressureSpooledBytesLeaveMemoryAndAreLoadedBack() throws Exception {
		Path spool = this.folder.resolve("spool");
		this.storage.blockUploads();
		ManagedBlobUploader uploader = track(AsyncBlobUploader.builder(this.storage)
			.workers(1)
			.maxQueueSize(2)
			.maxBlobBytes(1_000)
			.spoolDirectory(spool)
			.build());
		List<String> uris = new ArrayList<>();
		uris.add(uploader.uploadAsync(blob("in flight")));
		this.storage.awaitStarted(1);

		// Two of two held is over half: the second blob, once written, leaves memory.
		uris.add(uploader.uploadAsync(blob("waits on disk")));
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().pendingBytes() == "in flight".length());
		this.storage.open(2);

		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.storage.stored()).containsOnlyKeys(uris);
		assertThat(uploader.stats().pendingBytes()).isZero();
	}

	@Test
	void aFileThatTurnsOutUnreadableFailsItsBlobAndIsSetAside() throws Exception {
		Path spool = this.folder.resolve("spool");
		SpoolFile first;
		SpoolFile second;
		try (DiskSpool earlier = DiskSpool.open(spool, 1 << 20, false)) {
			first = write(earlier, "mem://bucket/a", "first");
			second = write(earlier, "mem://bucket/b", "second");
		}
		this.storage.blockUploads();
		ManagedBlobUploader uploader = track(
				AsyncBlobUploader.builder(this.storage).workers(1).maxBlobBytes(1_000).spoolDirectory(spool).build());
		this.storage.awaitStarted(1);
		byte[] bytes = Files.readAllBytes(second.path());
		bytes[bytes.length - 9] ^= 1;
		Files.write(second.path(), bytes);

		this.storage.open(2);

		assertThat(uploader.flush(FLUSH)).isTrue();
		BlobUploadStats stats = uploader.stats();
		assertThat(this.storage.stored()).containsOnlyKeys(first.uri());
		assertThat(stats.failed()).isOne();
		assertThat(stats.lastError().message()).contains("checksum mismatch");
		assertThat(stats.lastError().permanent()).isTrue();
		assertThat(stats.spool().corrupt()).isOne();
		assertThat(second.path().resolveSibling(second.path().getFileName() + ".corrupt")).exists();
		assertThat(stats.pendingBytes()).isZero();
	}

	@Test
	void aSpoolThatCannotBeUsedLeavesTheUploaderInMemory() throws Exception {
		Path notAFolder = Files.writeString(this.folder.resolve("file"), "x");
		ManagedBlobUploader uploader = uploader(notAFolder, 1 << 20);

		String uri = uploader.uploadAsync(blob("memory only"));

		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(this.storage.stored()).containsOnlyKeys(uri);
		BlobUploadStats.Spool stats = uploader.stats().spool();
		assertThat(stats.configured()).isTrue();
		assertThat(stats.active()).isFalse();
		ManagedBlobUploader withoutSpool = track(AsyncBlobUploader.builder(this.storage).build());
		assertThat(withoutSpool.stats().spool().configured()).isFalse();
	}

	@Test
	void shutdownLeavesUnfinishedBlobsInTheSpoolForTheNextStart() throws Exception {
		Path spool = this.folder.resolve("spool");
		this.storage.blockUploads();
		ManagedBlobUploader uploader = uploader(spool, 1 << 20);
		uploader.uploadAsync(blob("carried"));
		this.storage.awaitStarted(1);
		// On disk before the shutdown: a write that the shutdown interrupts fails.
		Awaitility.await().atMost(FLUSH).until(() -> blobFiles(spool).size() == 1);

		uploader.shutdown(Duration.ZERO);

		assertThat(uploader.stats().spool().carriedOver()).isOne();
		assertThat(uploader.stats().dropped()).as("nothing was lost").containsEntry(DropReason.SHUTDOWN_TIMEOUT, 0L);
		assertThat(blobFiles(spool)).hasSize(1);
		try (DiskSpool next = DiskSpool.open(spool, 1 << 20, false)) {
			assertThat(next.recover(() -> {
			})).hasSize(1);
		}
	}

	private ManagedBlobUploader uploader(Path spool, long maxBytes) {
		return track(AsyncBlobUploader.builder(this.storage)
			.maxBlobBytes(1_000)
			.spoolDirectory(spool)
			.spoolMaxBytes(maxBytes)
			.build());
	}

	private ManagedBlobUploader track(ManagedBlobUploader uploader) {
		this.uploaders.add(uploader);
		return uploader;
	}

	private static SpoolFile write(DiskSpool spool, String uri, String text) throws Exception {
		Blob blob = blob(text);
		return spool.write(new UploadTask(uri, blob, 1), blob);
	}

	private static List<Path> blobFiles(Path spool) throws Exception {
		try (Stream<Path> files = Files.list(spool)) {
			return files.filter((path) -> path.getFileName().toString().endsWith(DiskSpool.SUFFIX)).toList();
		}
	}

	private static Blob blob(String text) {
		return new Blob(text.getBytes(StandardCharsets.UTF_8), "text/plain", null);
	}

}
