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
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests for {@link DiskSpool}: the file format, the byte bound, recovery and the lock.
 */
class DiskSpoolTests {

	@TempDir
	Path folder;

	private final List<DiskSpool> opened = new ArrayList<>();

	@AfterEach
	void close() {
		this.opened.forEach(DiskSpool::close);
	}

	@Test
	void aWrittenBlobReadsBackWithItsTypeAndLabels() throws Exception {
		DiskSpool spool = open(1 << 20);
		Blob blob = new Blob("hello".getBytes(StandardCharsets.UTF_8), "text/plain",
				Map.of("use_case", "chat-input", "trace_id", "abc"));
		UploadTask task = new UploadTask("mem://bucket/a.txt", blob, 1);

		SpoolFile file = spool.write(task, blob);

		assertThat(file.path().getParent()).isEqualTo(spool.directory());
		assertThat(file.path().getFileName().toString()).endsWith(DiskSpool.SUFFIX);
		assertThat(file.uri()).isEqualTo("mem://bucket/a.txt");
		assertThat(file.size()).isEqualTo(5);
		assertThat(file.acceptedEpochMillis()).isEqualTo(task.acceptedEpochMillis());
		assertThat(file.chargedBytes()).isEqualTo(DiskSpool.chargeFor(5));
		Blob read = spool.read(file);
		assertThat(read.rawBytes()).isEqualTo(blob.rawBytes());
		assertThat(read.contentType()).isEqualTo("text/plain");
		assertThat(read.labels()).isEqualTo(blob.labels());
		try (Stream<Path> files = Files.list(spool.directory())) {
			assertThat(files.map((path) -> path.getFileName().toString())).noneMatch((name) -> name.endsWith(".tmp"));
		}
	}

	@Test
	void theFolderAndItsFilesAreOwnerOnly() throws Exception {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		DiskSpool spool = open(1 << 20);
		SpoolFile file = write(spool, "a", "x");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.directory())))
			.isEqualTo("rwx------");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path()))).isEqualTo("rw-------");
	}

	@Test
	void anExistingFolderIsMadeOwnerOnly() throws Exception {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
		Path existing = Files.createDirectories(this.folder.resolve("open"));
		Files.setPosixFilePermissions(existing, PosixFilePermissions.fromString("rwxr-xr-x"));
		DiskSpool spool = track(DiskSpool.open(existing, 1 << 20, false));
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.directory())))
			.isEqualTo("rwx------");
	}

	@Test
	void eachFileIsChargedAtLeastOneBlockAndItsHeaderRoom() {
		assertThat(DiskSpool.chargeFor(1)).isEqualTo(4096);
		assertThat(DiskSpool.chargeFor(3072)).isEqualTo(4096);
		assertThat(DiskSpool.chargeFor(3073)).isEqualTo(4097);
		assertThat(DiskSpool.chargeFor(10_000)).isEqualTo(11_024);
	}

	@Test
	void reservationsAreBoundedAndGivenBack() throws Exception {
		DiskSpool spool = open(10_000);
		assertThat(spool.maxBytes()).isEqualTo(10_000);
		assertThat(spool.reserve(6_000)).isTrue();
		assertThat(spool.reserve(4_001)).isFalse();
		assertThat(spool.usedBytes()).isEqualTo(6_000);
		assertThat(spool.reserve(4_000)).as("exactly the bound").isTrue();
		spool.unreserve(4_000);
		assertThat(spool.usedBytes()).isEqualTo(6_000);
	}

	@Test
	void deletingAFileGivesItsRoomBack() throws Exception {
		DiskSpool spool = open(1 << 20);
		spool.reserve(DiskSpool.chargeFor(1));
		SpoolFile file = write(spool, "a", "x");
		spool.delete(file);
		assertThat(file.path()).doesNotExist();
		assertThat(spool.usedBytes()).isZero();
		spool.reserve(DiskSpool.chargeFor(1));
		spool.delete(file);
		assertThat(spool.usedBytes()).as("a file already gone gives its room back too").isZero();
	}

	@Test
	void aChangedByteIsAChecksumMismatch() throws Exception {
		DiskSpool spool = open(1 << 20);
		SpoolFile file = write(spool, "a", "hello");
		byte[] bytes = Files.readAllBytes(file.path());
		bytes[bytes.length - 10] ^= 1;
		Files.write(file.path(), bytes);
		assertThatExceptionOfType(CorruptSpoolFileException.class).isThrownBy(() -> spool.read(file))
			.withMessage("spool file " + file.path().getFileName() + " is unreadable: checksum mismatch");
	}

	@Test
	void aShortFileIsTruncated() throws Exception {
		DiskSpool spool = open(1 << 20);
		SpoolFile file = write(spool, "a", "hello");
		Files.write(file.path(), new byte[15]);
		assertThatExceptionOfType(CorruptSpoolFileException.class).isThrownBy(() -> spool.read(file))
			.withMessageEndingWith("truncated");
		Files.write(file.path(), new byte[16]);
		assertThatExceptionOfType(CorruptSpoolFileException.class).isThrownBy(() -> spool.read(file))
			.withMessageEndingWith("checksum mismatch");
	}

	@Test
	void recoveryFindsBlobsOldestFirstAndSetsAsideWhatCannotBeOne() throws Exception {
		DiskSpool spool = open(1 << 20);
		SpoolFile first = write(spool, "first", "one");
		SpoolFile second = write(spool, "second", "two");
		SpoolFile truncated = write(spool, "truncated", "three");
		byte[] bytes = Files.readAllBytes(truncated.path());
		Files.write(truncated.path(), java.util.Arrays.copyOf(bytes, bytes.length - 1));
		Path garbage = Files.writeString(spool.directory().resolve("0000000000000-00000009.blob"), "not a spool file");
		Path crashed = Files.writeString(spool.directory().resolve("9999999999999-00000001.tmp"), "half");
		Path unrelated = Files.writeString(spool.directory().resolve("notes.txt"), "kept");
		spool.close();
		DiskSpool reopened = open(1 << 20);
		AtomicInteger corrupt = new AtomicInteger();

		List<SpoolFile> found = reopened.recover(corrupt::incrementAndGet);

		assertThat(found).extracting(SpoolFile::uri).containsExactly(first.uri(), second.uri());
		assertThat(found.get(0).size()).isEqualTo(3);
		assertThat(found.get(0).acceptedEpochMillis()).isEqualTo(first.acceptedEpochMillis());
		assertThat(reopened.usedBytes()).isEqualTo(first.chargedBytes() + second.chargedBytes());
		assertThat(reopened.read(found.get(1)).rawBytes()).isEqualTo("two".getBytes(StandardCharsets.UTF_8));
		assertThat(corrupt).hasValue(3);
		for (Path aside : List.of(truncated.path(), garbage, crashed)) {
			assertThat(aside).doesNotExist();
			assertThat(aside.resolveSibling(aside.getFileName() + ".corrupt")).exists();
		}
		assertThat(unrelated).exists();
	}

	@Test
	void aSecondOpeningOfALockedFolderIsRefusedNamingTheHolder() throws Exception {
		open(1 << 20);
		assertThatExceptionOfType(SpoolUnavailableException.class)
			.isThrownBy(() -> DiskSpool.open(this.folder.resolve("spool"), 1 << 20, false))
			.withMessageContaining("is in use by another process (pid " + ProcessHandle.current().pid() + ")")
			.withMessageContaining("give each its own folder");
	}

	@Test
	void closingReleasesTheLock() throws Exception {
		DiskSpool spool = open(1 << 20);
		spool.close();
		this.opened.remove(spool);
		assertThat(open(1 << 20).directory()).isEqualTo(spool.directory());
	}

	@Test
	void aFolderThatIsAFileIsRefused() throws Exception {
		Path file = Files.writeString(this.folder.resolve("file"), "x");
		assertThatExceptionOfType(SpoolUnavailableException.class).isThrownBy(() -> DiskSpool.open(file, 1 << 20, true))
			.withMessageStartingWith("the folder " + file + " cannot be created or is not writable (")
			.withMessageMatching(".*\\(\\w+Exception: .+\\)");
	}

	@Test
	void writesForcedToTheDeviceReadBackAlike() throws Exception {
		DiskSpool spool = track(DiskSpool.open(this.folder.resolve("fsync"), 1 << 20, true));
		SpoolFile file = write(spool, "a", "synced");
		assertThat(spool.read(file).rawBytes()).isEqualTo("synced".getBytes(StandardCharsets.UTF_8));
	}

	private DiskSpool open(long maxBytes) throws SpoolUnavailableException {
		return track(DiskSpool.open(this.folder.resolve("spool"), maxBytes, false));
	}

	private DiskSpool track(DiskSpool spool) {
		this.opened.add(spool);
		return spool;
	}

	private static SpoolFile write(DiskSpool spool, String name, String text) throws IOException {
		Blob blob = new Blob(text.getBytes(StandardCharsets.UTF_8), "text/plain", null);
		return spool.write(new UploadTask("mem://bucket/" + name, blob, 1), blob);
	}

}
