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

import java.util.concurrent.TimeUnit;

import io.github.blobupload.Blob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UploadQueue}.
 */
class UploadQueueTests {

	@Test
	void slotsAreBoundedInBlobs() {
		UploadQueue queue = new UploadQueue(2, 1_000);
		assertThat(queue.reserveSlot()).isTrue();
		assertThat(queue.reserveSlot()).isTrue();
		assertThat(queue.reserveSlot()).isFalse();
		queue.releaseSlot();
		assertThat(queue.reserveSlot()).isTrue();
		assertThat(queue.maxBlobs()).isEqualTo(2);
	}

	@Test
	void bytesAreBoundedAndTheBoundItselfFits() {
		UploadQueue queue = new UploadQueue(10, 100);
		assertThat(queue.reserveBytes(60)).isTrue();
		assertThat(queue.reserveBytes(41)).as("one byte over").isFalse();
		assertThat(queue.pendingBytes()).isEqualTo(60);
		assertThat(queue.reserveBytes(40)).as("exactly the bound").isTrue();
		assertThat(queue.pendingBytes()).isEqualTo(100);
		assertThat(queue.maxBytes()).isEqualTo(100);
	}

	@Test
	void thePeakIsTheMostEverHeld() {
		UploadQueue queue = new UploadQueue(10, 100);
		queue.reserveSlot();
		queue.reserveBytes(70);
		queue.release(70);
		queue.reserveSlot();
		queue.reserveBytes(20);
		assertThat(queue.pendingBytes()).isEqualTo(20);
		assertThat(queue.peakPendingBytes()).isEqualTo(70);
	}

	@Test
	void tryReserveTakesASlotAndBytesOrNothing() {
		UploadQueue queue = new UploadQueue(2, 100);
		assertThat(queue.tryReserve(90)).isTrue();
		assertThat(queue.tryReserve(20)).as("no room in bytes").isFalse();
		assertThat(queue.pendingBytes()).isEqualTo(90);
		assertThat(queue.tryReserve(10)).as("the refused reservation gave its slot back").isTrue();
		assertThat(queue.tryReserve(0)).as("no slot left").isFalse();
		assertThat(queue.pendingBytes()).isEqualTo(100);
		queue.release(10);
		assertThat(queue.tryReserve(5)).isTrue();
	}

	@Test
	void releaseGivesBackTheSlotAndTheBytes() {
		UploadQueue queue = new UploadQueue(1, 100);
		assertThat(queue.tryReserve(100)).isTrue();
		queue.release(100);
		assertThat(queue.pendingBytes()).isZero();
		assertThat(queue.tryReserve(100)).isTrue();
	}

	@Test
	void tasksAreTakenInOrderAndCountedInFlightUntilTheirAttemptEnds() throws Exception {
		UploadQueue queue = new UploadQueue(10, 100);
		UploadTask first = task("first");
		UploadTask second = task("second");
		queue.add(first);
		queue.add(second);
		assertThat(queue.queuedBlobs()).isEqualTo(2);

		assertThat(queue.take(TimeUnit.SECONDS.toNanos(1))).isSameAs(first);
		assertThat(queue.inFlight()).isOne();
		assertThat(queue.queuedBlobs()).isOne();
		queue.attemptEnded(first);
		queue.attemptEnded(first);
		assertThat(queue.inFlight()).as("ending a turn twice counts once").isZero();
		queue.attemptEnded(second);
		assertThat(queue.inFlight()).as("a task no worker took was never in flight").isZero();
	}

	@Test
	void takeGivesNullWhenNothingComesInTime() throws Exception {
		UploadQueue queue = new UploadQueue(10, 100);
		assertThat(queue.take(1)).isNull();
		assertThat(queue.inFlight()).isZero();
	}

	@Test
	void aTaskCanBeWithdrawnUntilAWorkerHasIt() {
		UploadQueue queue = new UploadQueue(10, 100);
		UploadTask task = task("a");
		queue.add(task);
		assertThat(queue.withdraw(task)).isTrue();
		assertThat(queue.withdraw(task)).isFalse();
		assertThat(queue.poll()).isNull();
		queue.add(task);
		assertThat(queue.poll()).isSameAs(task);
		assertThat(queue.inFlight()).as("shutdown's poll is no worker's turn").isZero();
	}

	@Test
	void pressureMeansMoreThanHalfFullInBlobsOrInBytes() {
		UploadQueue queue = new UploadQueue(4, 100);
		queue.reserveSlot();
		queue.reserveSlot();
		queue.reserveBytes(50);
		assertThat(queue.underPressure()).as("half full is no pressure").isFalse();
		queue.reserveBytes(1);
		assertThat(queue.underPressure()).as("over half the bytes").isTrue();
		queue.release(1);
		queue.reserveSlot();
		assertThat(queue.underPressure()).as("half the blobs, half the bytes").isFalse();
		queue.reserveSlot();
		assertThat(queue.pendingBytes()).isEqualTo(50);
		assertThat(queue.underPressure()).as("over half the blobs").isTrue();
	}

	private static UploadTask task(String name) {
		return new UploadTask("mem://bucket/" + name, new Blob(new byte[] { 1 }, "application/octet-stream", null), 1);
	}

}
