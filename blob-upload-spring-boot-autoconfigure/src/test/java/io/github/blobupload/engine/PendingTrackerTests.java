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

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link PendingTracker}: a flush waits for exactly the blobs accepted before
 * it.
 */
class PendingTrackerTests {

	private final PendingTracker tracker = new PendingTracker();

	@Test
	void sequencesFollowEachOther() {
		long first = this.tracker.begin();
		assertThat(this.tracker.begin()).isEqualTo(first + 1);
		assertThat(first).isOne();
	}

	@Test
	void withNothingPendingAFlushReturnsAtOnce() throws Exception {
		assertThat(this.tracker.awaitAllBefore(0)).isTrue();
		this.tracker.end(this.tracker.begin());
		assertThat(this.tracker.awaitAllBefore(0)).isTrue();
	}

	@Test
	void aFlushWaitsForTheOldestPendingBlobWhateverOrderTheyEnd() throws Exception {
		long first = this.tracker.begin();
		long second = this.tracker.begin();
		this.tracker.end(second);
		assertThat(this.tracker.awaitAllBefore(TimeUnit.MILLISECONDS.toNanos(1))).isFalse();
		this.tracker.end(first);
		assertThat(this.tracker.awaitAllBefore(0)).isTrue();
	}

	@Test
	void aWaitingFlushIsWokenByTheLastEndAndIgnoresLaterBlobs() throws Exception {
		long first = this.tracker.begin();
		Thread[] waiter = new Thread[1];
		CompletableFuture<Boolean> flushed = CompletableFuture.supplyAsync(() -> {
			waiter[0] = Thread.currentThread();
			try {
				return this.tracker.awaitAllBefore(TimeUnit.SECONDS.toNanos(30));
			}
			catch (InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		});
		Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> waiter[0] != null && waiter[0].getState() == Thread.State.TIMED_WAITING);
		this.tracker.begin();

		this.tracker.end(first);

		assertThat(flushed.get(10, TimeUnit.SECONDS)).as("the blob accepted after the flush is not waited for")
			.isTrue();
	}

	@Test
	void anInterruptedFlushSaysSo() {
		this.tracker.begin();
		Thread.currentThread().interrupt();
		assertThatExceptionOfType(InterruptedException.class)
			.isThrownBy(() -> this.tracker.awaitAllBefore(TimeUnit.SECONDS.toNanos(30)));
	}

}
