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

package io.github.blobupload.retention;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.github.blobupload.provider.RetentionSupport.RetentionSweeper;
import io.github.blobupload.provider.RetentionSupport.SweepCounts;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sweeps the prefixes whose store cannot end objects by itself ({@code file:}), on a
 * schedule of its own thread (the first sweep a minute after start, or sooner), with the
 * counts and the last sweep that health and metrics report.
 */
final class RetentionSweeps implements AutoCloseable {

	private static final Logger LOGGER = LoggerFactory.getLogger(BlobRetention.class);

	private final Clock clock;

	private volatile List<RetentionSweeper> sweepers = List.of();

	private final AtomicLong sweepsRun = new AtomicLong();

	private final AtomicLong objectsSwept = new AtomicLong();

	private final AtomicLong sweepFailuresCount = new AtomicLong();

	private volatile BlobRetention.@Nullable LastSweep lastSweep;

	private @Nullable ScheduledExecutorService scheduler;

	RetentionSweeps(Clock clock) {
		this.clock = clock;
	}

	/**
	 * Starts sweeping, when there is anything to sweep.
	 * @param sweepers the sweepers of the prefixes with a retention
	 * @param interval the interval between two sweeps
	 * @param threads the factory of the sweep thread
	 */
	synchronized void start(List<RetentionSweeper> sweepers, Duration interval, ThreadFactory threads) {
		this.sweepers = List.copyOf(sweepers);
		if (!this.sweepers.isEmpty() && this.scheduler == null) {
			ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(threads);
			long millis = interval.toMillis();
			executor.scheduleWithFixedDelay(this::sweepNow, Math.min(millis, 60_000), millis, TimeUnit.MILLISECONDS);
			this.scheduler = executor;
		}
	}

	synchronized BlobRetention.LastSweep sweepNow() {
		Instant now = this.clock.instant();
		int examined = 0;
		int swept = 0;
		int failed = 0;
		for (RetentionSweeper sweeper : this.sweepers) {
			try {
				SweepCounts counts = sweeper.sweep(now);
				examined += counts.examined();
				swept += counts.swept();
				failed += counts.failed();
			}
			catch (IOException | RuntimeException ex) {
				failed++;
				LOGGER.warn("A retention sweep could not list its folder: {}", ex.toString());
			}
		}
		this.sweepsRun.incrementAndGet();
		this.objectsSwept.addAndGet(swept);
		this.sweepFailuresCount.addAndGet(failed);
		BlobRetention.LastSweep sweep = new BlobRetention.LastSweep(now, examined, swept, failed);
		this.lastSweep = sweep;
		return sweep;
	}

	boolean any() {
		return !this.sweepers.isEmpty();
	}

	long sweepsRun() {
		return this.sweepsRun.get();
	}

	long objectsSwept() {
		return this.objectsSwept.get();
	}

	long sweepFailures() {
		return this.sweepFailuresCount.get();
	}

	Optional<BlobRetention.LastSweep> lastSweep() {
		return Optional.ofNullable(this.lastSweep);
	}

	@Override
	public synchronized void close() {
		if (this.scheduler != null) {
			this.scheduler.shutdownNow();
		}
	}

}
