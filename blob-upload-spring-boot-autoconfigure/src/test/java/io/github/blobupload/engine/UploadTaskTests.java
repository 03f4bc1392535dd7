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
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.Blob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UploadTask}: where a blob's bytes are and who holds it.
 */
class UploadTaskTests {

	private static final Blob BLOB = new Blob("secret words".getBytes(StandardCharsets.UTF_8), "text/plain", null);

	private static final SpoolFile FILE = new SpoolFile(Path.of("spool", "a.blob"), "mem://bucket/a", 12, 1_000, 4096,
			Map.of());

	@Test
	void aNewTaskHoldsItsBlobInMemory() {
		long before = System.nanoTime();
		UploadTask task = new UploadTask("mem://bucket/a", BLOB, 7);
		assertThat(task.uri()).isEqualTo("mem://bucket/a");
		assertThat(task.sequence()).isEqualTo(7);
		assertThat(task.size()).isEqualTo(12);
		assertThat(task.blob()).isSameAs(BLOB);
		assertThat(task.acceptedNanos()).isBetween(before, System.nanoTime());
		assertThat(task.acceptedEpochMillis()).isPositive();
		assertThat(task.spoolFile()).isNull();
		assertThat(task.attempts()).isZero();
		assertThat(task.toString()).isEqualTo("UploadTask[mem://bucket/a, 12 bytes]").doesNotContain("secret");
	}

	@Test
	void aTaskFromTheSpoolIsOnDiskOnlyAndAsOldAsItsFile() {
		long acceptedMillis = System.currentTimeMillis() - 60_000;
		SpoolFile file = new SpoolFile(Path.of("a.blob"), "mem://bucket/a", 12, acceptedMillis, 4096, Map.of());
		UploadTask task = new UploadTask(file, 3);
		assertThat(task.uri()).isEqualTo("mem://bucket/a");
		assertThat(task.size()).isEqualTo(12);
		assertThat(task.acceptedEpochMillis()).isEqualTo(acceptedMillis);
		assertThat(System.nanoTime() - task.acceptedNanos()).isGreaterThanOrEqualTo(TimeUnit.SECONDS.toNanos(60));
		assertThat(task.blob()).isNull();
		assertThat(task.claim()).isNull();
		assertThat(task.firstAttemptNanos()).as("no attempt without bytes").isZero();
		assertThat(task.spoolFile()).isSameAs(file);
	}

	@Test
	void aFileFromTheFutureCountsAsAcceptedNow() {
		SpoolFile file = new SpoolFile(Path.of("a.blob"), "mem://bucket/a", 12, System.currentTimeMillis() + 60_000,
				4096, Map.of());
		long before = System.nanoTime();
		assertThat(new UploadTask(file, 1).acceptedNanos()).isGreaterThanOrEqualTo(before);
	}

	@Test
	void theFirstClaimMarksTheFirstAttempt() {
		UploadTask task = new UploadTask("mem://bucket/a", BLOB, 1);
		assertThat(task.firstAttemptNanos()).isZero();
		assertThat(task.claim()).isSameAs(BLOB);
		long first = task.firstAttemptNanos();
		assertThat(first).isNotZero();
		task.attemptDone();
		task.claim();
		assertThat(task.firstAttemptNanos()).isEqualTo(first);
	}

	@Test
	void bytesLeaveMemoryOnlyWhenOnDiskAndNotClaimed() {
		UploadTask task = new UploadTask("mem://bucket/a", BLOB, 1);
		assertThat(task.unload()).as("not on disk").isFalse();
		task.spooled(FILE);
		task.claim();
		assertThat(task.unload()).as("claimed for an attempt").isFalse();
		task.attemptDone();
		assertThat(task.unload()).isTrue();
		assertThat(task.blob()).isNull();
		assertThat(task.unload()).as("already out of memory").isFalse();
	}

	@Test
	void loadedBytesAreClaimedUntilTheAttemptIsDone() {
		UploadTask task = new UploadTask(FILE, 1);
		task.load(BLOB);
		assertThat(task.blob()).isSameAs(BLOB);
		assertThat(task.firstAttemptNanos()).isNotZero();
		assertThat(task.unload()).isFalse();
		task.attemptDone();
		assertThat(task.unload()).isTrue();
	}

	@Test
	void finishingDropsTheBytesAndSaysWhetherTheyHeldMemory() {
		UploadTask inMemory = new UploadTask("mem://bucket/a", BLOB, 1);
		assertThat(inMemory.isFinished()).isFalse();
		assertThat(inMemory.finish()).isTrue();
		assertThat(inMemory.isFinished()).isTrue();
		assertThat(inMemory.blob()).isNull();
		assertThat(inMemory.finish()).as("given back once").isFalse();

		UploadTask onDisk = new UploadTask(FILE, 2);
		assertThat(onDisk.finish()).isFalse();

		UploadTask spooled = new UploadTask("mem://bucket/b", BLOB, 3);
		spooled.spooled(FILE);
		spooled.finish();
		assertThat(spooled.unload()).as("a finished task is not unloaded").isFalse();
	}

	@Test
	void aWorkerTurnEndsOnce() {
		UploadTask task = new UploadTask("mem://bucket/a", BLOB, 1);
		assertThat(task.leaveWorker()).isFalse();
		task.takenByWorker();
		assertThat(task.leaveWorker()).isTrue();
		assertThat(task.leaveWorker()).isFalse();
	}

	@Test
	void failedAttemptsAreCountedWithTheLastError() {
		UploadTask task = new UploadTask("mem://bucket/a", BLOB, 1);
		IOException first = new IOException("first");
		IOException second = new IOException("second");
		assertThat(task.lastError()).isNull();
		assertThat(task.failedAttempt(first)).isOne();
		assertThat(task.failedAttempt(second)).isEqualTo(2);
		assertThat(task.attempts()).isEqualTo(2);
		assertThat(task.lastError()).isSameAs(second);
	}

	@Test
	void theFirstParkingIsRemembered() {
		UploadTask task = new UploadTask("mem://bucket/a", BLOB, 1);
		assertThat(task.parked(500)).isOne();
		assertThat(task.parked(900)).isEqualTo(2);
		assertThat(task.parkedSinceNanos()).isEqualTo(500);
	}

}
