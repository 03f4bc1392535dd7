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

import java.time.Duration;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RetryPolicy}.
 */
class RetryPolicyTests {

	private final RetryPolicy policy = new RetryPolicy(4, Duration.ofMillis(100), Duration.ofMillis(350));

	@Test
	void retriesUntilTheLastAttempt() {
		assertThat(this.policy.shouldRetry(1)).isTrue();
		assertThat(this.policy.shouldRetry(3)).isTrue();
		assertThat(this.policy.shouldRetry(4)).isFalse();
	}

	@RepeatedTest(20)
	void backoffDoublesWithJitterUpToTheMaximum() {
		assertThat(this.policy.backoffNanos(1)).isBetween(ms(50), ms(100));
		assertThat(this.policy.backoffNanos(2)).isBetween(ms(100), ms(200));
		assertThat(this.policy.backoffNanos(3)).isBetween(ms(175), ms(350));
		assertThat(this.policy.backoffNanos(40)).isBetween(ms(175), ms(350));
	}

	@Test
	void aLongRunOfRetriesNeverOverflowsIntoNoBackoff() {
		// 2^34 ns doubled 30 times is 2^64: a long overflows to exactly 0.
		RetryPolicy policy = new RetryPolicy(100, Duration.ofNanos(1L << 34), Duration.ofMinutes(1));
		assertThat(policy.backoffNanos(31)).isBetween(ms(30_000), ms(60_000));
	}

	@Test
	void theShortestBackoffIsAtMostOneNanosecond() {
		RetryPolicy policy = new RetryPolicy(2, Duration.ofNanos(1), Duration.ofNanos(1));
		for (int i = 0; i < 20; i++) {
			assertThat(policy.backoffNanos(1)).isBetween(0L, 1L);
		}
	}

	@RepeatedTest(5)
	void parkedBlobsWaitLongerFromTheMaximumBackoffUpToTheirOwnMaximum() {
		RetryPolicy parking = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofHours(1),
				Duration.ofMillis(300));
		assertThat(parking.parks()).isTrue();
		assertThat(parking.maxAge()).isEqualTo(Duration.ofHours(1));
		assertThat(parking.parkedBackoffNanos(1)).isBetween(ms(50), ms(100));
		assertThat(parking.parkedBackoffNanos(2)).isBetween(ms(100), ms(200));
		assertThat(parking.parkedBackoffNanos(3)).isBetween(ms(150), ms(300));
	}

	@Test
	void aBlobIsTooOldOnlyPastItsMaximumAgeAndOnlyWhenBlobsPark() {
		RetryPolicy parking = new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(100), Duration.ofNanos(100),
				Duration.ofMillis(300));
		assertThat(parking.isTooOld(1_000, 1_100)).isFalse();
		assertThat(parking.isTooOld(1_000, 1_101)).isTrue();
		assertThat(this.policy.parks()).isFalse();
		assertThat(this.policy.isTooOld(0, Long.MAX_VALUE)).isFalse();
	}

	private static long ms(long millis) {
		return Duration.ofMillis(millis).toNanos();
	}

}
