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
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.Blob;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link SpoolWriter}: blobs are written on its thread, finished blobs are
 * never written, and what is left is written at shutdown on the caller's thread.
 */
class SpoolWriterTests {

	@TempDir
	Path folder;

	private DiskSpool spool;

	private final LinkedBlockingQueue<UploadTask> written = new LinkedBlockingQueue<>();

	private final List<IOException> failures = new CopyOnWriteArrayList<>();

	private SpoolWriter writer;

	@BeforeEach
	void start() throws Exception {
		this.spool = DiskSpool.open(this.folder.resolve("spool"), 1 << 20, false);
		this.writer = new SpoolWriter("test", this.spool, this.written::add, this.failures::add);
	}

	@AfterEach
	void stop() {
		this.writer.stopAndWriteRest();
		this.spool.close();
	}

	@Test
	void aSubmittedBlobIsWrittenOnTheWritersThread() throws Exception {
		UploadTask task = reserved("a");
		assertThat(this.writer.spool()).isSameAs(this.spool);

		this.writer.submit(task);

		assertThat(this.written.poll(10, TimeUnit.SECONDS)).isSameAs(task);
		SpoolFile file = task.spoolFile();
		assertThat(file).isNotNull();
		assertThat(this.spool.read(file).rawBytes()).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
		assertThat(this.spool.usedBytes()).isEqualTo(DiskSpool.chargeFor(1));
		assertThat(this.writer.backlog()).isZero();
		assertThat(this.failures).isEmpty();
	}

	@Test
	void aFinishedBlobsFileIsDeletedAndItsRoomGivenBack() throws Exception {
		UploadTask task = reserved("a");
		this.writer.submit(task);
		assertThat(this.written.poll(10, TimeUnit.SECONDS)).isSameAs(task);
		Path path = task.spoolFile().path();

		task.finish();
		this.writer.finished(task);

		assertThat(path).doesNotExist();
		assertThat(this.spool.usedBytes()).isZero();
		this.writer.finished(new UploadTask("mem://bucket/never-written", blob("b"), 2));
		assertThat(this.spool.usedBytes()).as("a blob never written has no file to delete").isZero();
	}

	@Test
	void aBlobThatFinishedBeforeItsTurnIsNeverWritten() throws Exception {
		this.writer.stopAndWriteRest();
		UploadTask finished = reserved("finished");
		finished.finish();
		UploadTask left = reserved("left");
		this.writer.submit(finished);
		this.writer.submit(left);
		assertThat(this.writer.backlog()).isEqualTo(2);

		this.writer.stopAndWriteRest();

		assertThat(this.written).containsExactly(left);
		assertThat(finished.spoolFile()).isNull();
		assertThat(this.spool.usedBytes()).as("the finished blob's room is given back")
			.isEqualTo(DiskSpool.chargeFor(4));
		assertThat(this.writer.backlog()).isZero();
	}

	@Test
	void aWriteThatFailsIsReportedAndItsRoomGivenBack() throws Exception {
		this.writer.stopAndWriteRest();
		UploadTask task = reserved("a");
		try (var files = Files.list(this.spool.directory())) {
			files.forEach((path) -> path.toFile().delete());
		}
		Files.delete(this.spool.directory());
		this.writer.submit(task);

		this.writer.stopAndWriteRest();

		assertThat(this.failures).hasSize(1);
		assertThat(this.written).isEmpty();
		assertThat(task.spoolFile()).isNull();
		assertThat(this.spool.usedBytes()).isZero();
	}

	private UploadTask reserved(String text) {
		UploadTask task = new UploadTask("mem://bucket/" + text, blob(text), 1);
		assertThat(this.spool.reserve(DiskSpool.chargeFor(task.size()))).isTrue();
		return task;
	}

	private static Blob blob(String text) {
		return new Blob(text.getBytes(StandardCharsets.UTF_8), "text/plain", null);
	}

}
