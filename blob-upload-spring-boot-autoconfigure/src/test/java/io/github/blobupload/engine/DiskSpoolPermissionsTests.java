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

import java.nio.file.Files;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests that the files of a {@link DiskSpool}, its lock file included, are readable by
 * their owner only on POSIX file systems.
 */
class DiskSpoolPermissionsTests {

	@TempDir
	Path folder;

	@BeforeEach
	void posix() {
		assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file system");
	}

	@Test
	void theFolderAndTheLockFileAreOwnerOnly() throws Exception {
		Path spool = this.folder.resolve("spool");
		try (DiskSpool ignored = DiskSpool.open(spool, 1024 * 1024, false)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool))).isEqualTo("rwx------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.resolve(".lock"))))
				.isEqualTo("rw-------");
		}
	}

	@Test
	void aLockFileLeftOpenToOthersIsMadeOwnerOnly() throws Exception {
		Path spool = Files.createDirectory(this.folder.resolve("spool"));
		Files.createFile(spool.resolve(".lock"),
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--")));
		try (DiskSpool ignored = DiskSpool.open(spool, 1024 * 1024, false)) {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(spool.resolve(".lock"))))
				.isEqualTo("rw-------");
		}
	}

}
