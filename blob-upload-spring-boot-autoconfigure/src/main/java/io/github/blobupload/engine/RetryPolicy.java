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
import java.util.concurrent.ThreadLocalRandom;

/**
 * The one retry policy: a bounded number of attempts with exponential backoff and
 * "equal jitter" (half the delay fixed, half random) so that workers retrying after the
 * same outage do not hit storage in step.
 */
final class RetryPolicy {

	private final int maxAttempts;

	private final long initialBackoffNanos;

	private final long maxBackoffNanos;

	RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		this.maxAttempts = maxAttempts;
		this.initialBackoffNanos = initialBackoff.toNanos();
		this.maxBackoffNanos = maxBackoff.toNanos();
	}

	/**
	 * Returns whether another attempt may follow the given one.
	 * @param attempt the attempt that just failed, from 1
	 * @return whether to retry
	 */
	boolean shouldRetry(int attempt) {
		return attempt < this.maxAttempts;
	}

	/**
	 * Returns the delay before the retry that follows the given failed attempt.
	 * @param attempt the attempt that just failed, from 1
	 * @return a delay between half and all of {@code min(max, initial * 2^(attempt-1))}
	 */
	long backoffNanos(int attempt) {
		int doublings = Math.min(attempt - 1, 30);
		long ceiling = this.initialBackoffNanos << doublings;
		if (ceiling <= 0 || ceiling > this.maxBackoffNanos) {
			ceiling = this.maxBackoffNanos;
		}
		long half = ceiling / 2;
		return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
	}

}
