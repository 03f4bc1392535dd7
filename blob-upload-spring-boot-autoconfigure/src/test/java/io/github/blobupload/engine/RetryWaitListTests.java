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
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.blobupload.Blob;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryWaitList}: its timing runs on a clock the tests move by hand, and
 * what its thread does each time it wakes up is {@link RetryWaitList#takeDue()}, called
 * here directly.
 */
class RetryWaitListTests {

	private final AtomicLong now = new AtomicLong(1_000_000_000L);

	private final RetryWaitList waitList = new RetryWaitList(this.now::get);

	@Test
	void aRetryIsDueOnceItsDelayHasPassed() {
		UploadTask task = task("a", 3);
		assertThat(this.waitList.retryLater(task, 100)).isTrue();
		assertThat(this.waitList.retryingBlobs()).isOne();
		assertThat(this.waitList.nanosUntilNextDue()).isEqualTo(100);

		advance(99);
		assertThat(this.waitList.takeDue()).isEmpty();
		assertThat(this.waitList.nanosUntilNextDue()).isEqualTo(1);
		advance(1);
		assertThat(this.waitList.takeDue()).containsExactly(task);
		assertThat(this.waitList.retryingBlobs()).isZero();
		assertThat(this.waitList.takeDue()).isEmpty();
		assertThat(this.waitList.nanosUntilNextDue()).isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void retriesComeBackInTheOrderTheyFallDue() {
		UploadTask late = task("late", 1);
		UploadTask early = task("early", 1);
		UploadTask notYet = task("not-yet", 1);
		this.waitList.retryLater(late, 50);
		this.waitList.retryLater(early, 10);
		this.waitList.retryLater(notYet, 51);
		assertThat(this.waitList.nanosUntilNextDue()).isEqualTo(10);

		advance(50);
		assertThat(this.waitList.takeDue()).containsExactly(early, late);
		assertThat(this.waitList.retryingBlobs()).isOne();
	}

	@Test
	void parkingABlobMeansAnOutageAndCountsItsBytes() {
		UploadTask task = task("a", 7);
		task.parked(this.now.get());
		assertThat(this.waitList.outageSuspected()).isFalse();

		assertThat(this.waitList.park(task, 100)).isTrue();

		assertThat(this.waitList.outageSuspected()).isTrue();
		assertThat(this.waitList.parkedBlobs()).isOne();
		assertThat(this.waitList.parkedBytes()).isEqualTo(7);
		assertThat(this.waitList.retryingBlobs()).isZero();
	}

	@Test
	void duringAnOutageParkedBlobsGoBackOneScoutAtATime() {
		UploadTask first = parked("first", 100);
		UploadTask second = parked("second", 100);
		assertThat(this.waitList.nanosUntilNextDue()).isEqualTo(100);

		advance(99);
		assertThat(this.waitList.takeDue()).isEmpty();
		advance(1);
		List<UploadTask> scouts = this.waitList.takeDue();
		assertThat(scouts).hasSize(1).containsAnyOf(first, second);
		assertThat(this.waitList.parkedBlobs()).isOne();
		assertThat(this.waitList.parkedBytes()).isEqualTo(1);

		advance(1_000);
		assertThat(this.waitList.takeDue()).as("one scout at a time").isEmpty();
		assertThat(this.waitList.nanosUntilNextDue()).as("nothing falls due while the scout is out")
			.isEqualTo(Long.MAX_VALUE);
	}

	@Test
	void aScoutThatFailsAgainMakesTheNextOneWaitAsLongAsItWill() {
		UploadTask first = parked("first", 10);
		UploadTask second = parked("second", 10);
		advance(10);
		UploadTask scout = this.waitList.takeDue().get(0);
		UploadTask other = (scout == first) ? second : first;

		this.waitList.park(scout, 500);

		assertThat(this.waitList.outageSuspected()).isTrue();
		assertThat(this.waitList.nanosUntilNextDue()).as("the other blob was due, but waits for the next scout")
			.isEqualTo(500);
		advance(499);
		assertThat(this.waitList.takeDue()).isEmpty();
		advance(1);
		assertThat(this.waitList.takeDue()).containsExactly(other);
	}

	@Test
	void aScoutThatEndsOtherwiseLetsTheNextOneGo() {
		UploadTask first = parked("first", 10);
		UploadTask second = parked("second", 10);
		advance(10);
		UploadTask scout = this.waitList.takeDue().get(0);

		this.waitList.ended(task("not-the-scout", 1));
		assertThat(this.waitList.takeDue()).as("another blob's end does not free the scout's turn").isEmpty();
		this.waitList.ended(scout);

		assertThat(this.waitList.takeDue()).containsExactly((scout == first) ? second : first);
	}

	@Test
	void anUploadEndsTheOutageAndEveryParkedBlobGoesBackAtOnce() {
		UploadTask first = parked("first", 1_000);
		UploadTask second = parked("second", 2_000);
		this.waitList.uploaded();

		assertThat(this.waitList.outageSuspected()).isFalse();
		assertThat(this.waitList.nanosUntilNextDue()).isZero();
		assertThat(this.waitList.takeDue()).containsExactly(first, second);
		assertThat(this.waitList.parkedBlobs()).isZero();
		assertThat(this.waitList.parkedBytes()).isZero();
		assertThat(this.waitList.oldestParkedSinceNanos()).isNull();
	}

	@Test
	void anUploadWithoutAnOutageReleasesNothing() {
		UploadTask retry = task("retry", 1);
		this.waitList.retryLater(retry, 100);
		this.waitList.uploaded();
		assertThat(this.waitList.outageSuspected()).isFalse();
		assertThat(this.waitList.takeDue()).isEmpty();
		assertThat(this.waitList.nanosUntilNextDue()).isEqualTo(100);
	}

	@Test
	void aBlobParkedRightAfterTheOutageEndedStartsANewOne() {
		UploadTask before = parked("before", 1_000);
		this.waitList.uploaded();
		// Parked again before the thread woke up: storage looks down once more.
		UploadTask after = parked("after", 100);

		assertThat(this.waitList.takeDue()).containsExactly(before);
		assertThat(this.waitList.outageSuspected()).isTrue();
		assertThat(this.waitList.parkedBlobs()).isOne();
		assertThat(this.waitList.nanosUntilNextDue()).as("no busy loop: the new parking waits its backoff")
			.isEqualTo(100);
		advance(100);
		assertThat(this.waitList.takeDue()).containsExactly(after);
	}

	@Test
	void aScoutUploadedReleasesTheRestEvenBeforeTheyAreDue() {
		UploadTask first = parked("first", 10);
		UploadTask second = parked("second", 5_000);
		advance(10);
		assertThat(this.waitList.takeDue()).containsExactly(first);

		this.waitList.uploaded();
		this.waitList.ended(first);

		assertThat(this.waitList.takeDue()).containsExactly(second);
		assertThat(this.waitList.outageSuspected()).isFalse();
	}

	@Test
	void theOldestParkingIsTheEarliestFirstParking() {
		UploadTask recent = task("recent", 1);
		UploadTask old = task("old", 1);
		old.parked(500);
		recent.parked(900);
		this.waitList.park(recent, 10);
		this.waitList.park(old, 1_000);
		assertThat(this.waitList.oldestParkedSinceNanos()).isEqualTo(500);
	}

	@Test
	void stopTakesEveryWaitingBlobOutAndRefusesMore() {
		UploadTask retry = task("retry", 1);
		UploadTask parked = parked("parked", 100);
		this.waitList.retryLater(retry, 100);

		assertThat(this.waitList.stop()).containsExactlyInAnyOrder(retry, parked);

		assertThat(this.waitList.parkedBlobs()).isZero();
		assertThat(this.waitList.parkedBytes()).isZero();
		assertThat(this.waitList.retryingBlobs()).isZero();
		assertThat(this.waitList.retryLater(task("late", 1), 1)).isFalse();
		assertThat(this.waitList.park(task("later", 1), 1)).isFalse();
		assertThat(this.waitList.parkedBlobs()).isZero();
	}

	@Test
	void itsThreadHandsBackWhatIsDueAndStops() throws Exception {
		CountDownLatch handedBack = new CountDownLatch(1);
		RetryWaitList started = RetryWaitList.started("test", (task) -> handedBack.countDown());
		started.retryLater(task("a", 1), 0);
		assertThat(handedBack.await(10, TimeUnit.SECONDS)).isTrue();
		UploadTask waiting = task("b", 1);
		started.retryLater(waiting, TimeUnit.HOURS.toNanos(1));

		assertThat(started.stop()).containsExactly(waiting);
		assertThat(Thread.getAllStackTraces().keySet())
			.noneMatch((thread) -> thread.getName().equals("blob-upload-test-retry") && thread.isAlive());
	}

	private UploadTask parked(String name, long delayNanos) {
		UploadTask task = task(name, 1);
		task.parked(this.now.get());
		this.waitList.park(task, delayNanos);
		return task;
	}

	private void advance(long nanos) {
		this.now.addAndGet(nanos);
	}

	private static UploadTask task(String name, int size) {
		return new UploadTask("mem://bucket/" + name, new Blob(new byte[size], "application/octet-stream", null), 1);
	}

}
