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
 * The one retry policy: a bounded number of attempts with exponential backoff and "equal
 * jitter" (half the delay fixed, half random) so that workers retrying after the same
 * outage do not hit storage in step; then, for a transient failure, parking with a longer
 * backoff until the blob is too old.
 */
final class RetryPolicy {

	private final int maxAttempts;

	private final long initialBackoffNanos;

	private final long maxBackoffNanos;

	private final Duration maxAge;

	private final long maxAgeNanos;

	private final long maxParkedBackoffNanos;

	RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
		this(maxAttempts, initialBackoff, maxBackoff, Duration.ZERO, maxBackoff);
	}

	/**
	 * Creates a policy.
	 * @param maxAttempts attempts before a blob is parked (or fails, if none park)
	 * @param initialBackoff the delay before the first retry
	 * @param maxBackoff the longest delay between attempts
	 * @param maxAge how long after acceptance a blob is still retried; zero to fail blobs
	 * once their attempts are spent instead of parking them
	 * @param maxParkedBackoff the longest a parked blob waits between attempts
	 */
	RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxAge,
			Duration maxParkedBackoff) {
		this.maxAttempts = maxAttempts;
		this.initialBackoffNanos = initialBackoff.toNanos();
		this.maxBackoffNanos = maxBackoff.toNanos();
		this.maxAge = maxAge;
		this.maxAgeNanos = maxAge.toNanos();
		this.maxParkedBackoffNanos = Math.max(maxParkedBackoff.toNanos(), this.maxBackoffNanos);
	}

	/**
	 * Returns whether blobs whose attempts are spent are parked rather than failed.
	 */
	boolean parks() {
		return this.maxAgeNanos > 0;
	}

	Duration maxAge() {
		return this.maxAge;
	}

	/**
	 * Returns whether a blob accepted at the given time is too old to retry.
	 */
	boolean isTooOld(long acceptedNanos, long nowNanos) {
		return parks() && nowNanos - acceptedNanos > this.maxAgeNanos;
	}

	/**
	 * Returns the delay before a parked blob is tried again.
	 * @param parkings how many times it has been parked, this time included
	 * @return between half and all of {@code min(maxParked, maxBackoff * 2^(parkings-1))}
	 */
	long parkedBackoffNanos(int parkings) {
		return jittered(Math.max(1, this.maxBackoffNanos), parkings, this.maxParkedBackoffNanos);
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
		return jittered(this.initialBackoffNanos, attempt, this.maxBackoffNanos);
	}

	private static long jittered(long initial, int step, long max) {
		int doublings = Math.min(step - 1, 30);
		long ceiling = initial << doublings;
		if (ceiling <= 0 || ceiling > max) {
			ceiling = max;
		}
		long half = ceiling / 2;
		return half + ThreadLocalRandom.current().nextLong(ceiling - half + 1);
	}

}
