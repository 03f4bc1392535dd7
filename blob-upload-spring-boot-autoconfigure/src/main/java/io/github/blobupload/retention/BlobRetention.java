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

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.RetentionSupport;
import io.github.blobupload.provider.RetentionSupport.RetentionSweeper;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retention of the blobs of every use case. Each use case is {@linkplain #register
 * registered} with its provider's uploader and its retention; use cases that store under
 * the same prefix share objects (content-addressed names), so the longest retention of
 * the prefix wins for all of them, and keeping forever beats any number of days.
 * <p>
 * Once {@linkplain #start() started}:
 * <ul>
 * <li>the uploader {@linkplain #labelled labelled} for a use case adds its prefix's
 * retention class ({@link BlobLabels#RETENTION}, such as {@code 7d}) to every blob, which
 * the provider turns into its store's mark;</li>
 * <li>the {@linkplain #listener() listener} restarts the window of an object re-used
 * instead of written again (an upload skipped because it was recently uploaded), at most
 * once per tenth of the window per object and instance, on a thread of its own (a bounded
 * queue: a refresh that does not fit is counted and skipped, never waited for); an object
 * found gone (its window ended while the upload engine still remembered it) is written
 * again, so that the re-use does not point at nothing;</li>
 * <li>the prefixes whose store offers a {@linkplain RetentionSupport#sweeper sweeper}
 * (the {@code file:} store) are swept every sweep interval.</li>
 * </ul>
 * Time comes from an injectable {@link Clock}.
 */
public final class BlobRetention implements AutoCloseable {

	/** Default interval between two sweeps. */
	public static final Duration DEFAULT_SWEEP_INTERVAL = Duration.ofHours(1);

	/** Longest retention accepted, in days (what S3, Azure and GCS rules can express). */
	public static final long MAX_DAYS = 36_500;

	/** Refreshes waiting for the refresh thread; further ones are counted and skipped. */
	static final int REFRESH_QUEUE_SIZE = 1000;

	/**
	 * Most bytes held by the blobs of queued refreshes (a refresh keeps its blob, to
	 * write it again if the object is gone); further refreshes are counted and skipped.
	 */
	static final long MAX_PENDING_BYTES = 64L * 1024 * 1024;

	/** Objects remembered as written or refreshed recently, per instance. */
	static final int MEMO_SIZE = 10_000;

	private static final Logger logger = LoggerFactory.getLogger(BlobRetention.class);

	private final Clock clock;

	private final Duration sweepInterval;

	private final Map<String, Registration> registrations = new LinkedHashMap<>();

	private volatile Map<String, Target> targets = Map.of();

	private final RetentionRefresher refresher;

	private final RetentionSweeps sweeps;

	private boolean started;

	/**
	 * Creates the retention of an application.
	 * @param clock where time comes from
	 * @param sweepInterval the interval between two sweeps; positive
	 * @throws IllegalArgumentException if the interval is not positive
	 */
	public BlobRetention(Clock clock, Duration sweepInterval) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		Objects.requireNonNull(sweepInterval, "sweepInterval must not be null");
		if (sweepInterval.isNegative() || sweepInterval.isZero()) {
			throw new IllegalArgumentException("sweepInterval must be positive but was " + sweepInterval);
		}
		this.sweepInterval = sweepInterval;
		this.refresher = new RetentionRefresher(clock);
		this.sweeps = new RetentionSweeps(clock);
	}

	/**
	 * Checks a retention: a whole number of days, at least one, as the stores' lifecycle
	 * rules count.
	 * @param retention the retention
	 * @throws IllegalArgumentException if it is not
	 */
	public static void checkRetention(Duration retention) {
		Objects.requireNonNull(retention, "retention must not be null");
		if (retention.isNegative() || retention.isZero() || !retention.equals(Duration.ofDays(retention.toDays()))
				|| retention.toDays() > MAX_DAYS) {
			throw new IllegalArgumentException("retention must be a whole number of days from 1 to " + MAX_DAYS
					+ " (such as 7d or 90d; the stores' lifecycle rules count whole days) but was "
					+ describe(retention));
		}
	}

	private static String describe(Duration duration) {
		return (duration.equals(Duration.ofDays(duration.toDays()))) ? duration.toDays() + "d" : duration.toString();
	}

	/**
	 * Returns a retention's class, the value of the {@link BlobLabels#RETENTION} label
	 * and of the stores' tags.
	 * @param retention a valid retention
	 * @return such as {@code 7d}
	 */
	public static String retentionClass(Duration retention) {
		checkRetention(retention);
		return retention.toDays() + "d";
	}

	/**
	 * Registers a use case; before {@link #start()} only.
	 * @param useCase the use case
	 * @param providerUploader the uploader its provider created, before any decorator
	 * @param retention how long its objects are kept after their last use, or
	 * {@code null} to keep them
	 * @throws IllegalArgumentException if the retention is invalid
	 * @throws IllegalStateException if already started
	 */
	public synchronized void register(String useCase, SimpleBlobUploader providerUploader,
			@Nullable Duration retention) {
		if (this.started) {
			throw new IllegalStateException("Use cases are registered before the retention starts");
		}
		if (retention != null) {
			checkRetention(retention);
		}
		this.registrations.put(useCase, new Registration(useCase, providerUploader, retention));
	}

	/**
	 * Wraps a use case's uploader so that every blob it writes carries its prefix's
	 * retention class (none before {@link #start()} or when kept forever). A
	 * {@link io.github.blobupload.StorageProbe} when the uploader is one.
	 * @param useCase the use case
	 * @param uploader the uploader to wrap
	 * @return the wrapped uploader
	 */
	public SimpleBlobUploader labelled(String useCase, SimpleBlobUploader uploader) {
		return RetentionLabeledUploader.wrap(uploader, () -> {
			Target target = this.targets.get(useCase);
			return (target != null) ? target.retentionClass() : null;
		});
	}

	/**
	 * Works out each prefix's retention, prepares the sweepers and starts the sweep
	 * schedule and the refresh thread. Idempotent.
	 */
	public synchronized void start() {
		if (this.started) {
			return;
		}
		this.started = true;
		Map<String, List<Registration>> byPrefix = new LinkedHashMap<>();
		List<String> unsupported = new ArrayList<>();
		for (Registration registration : this.registrations.values()) {
			if (registration.uploader() instanceof RetentionSupport support) {
				byPrefix.computeIfAbsent(support.storedUnder(), (prefix) -> new ArrayList<>()).add(registration);
			}
			else if (registration.retention() != null) {
				unsupported.add(registration.useCase());
			}
		}
		Map<String, Target> resolved = new LinkedHashMap<>();
		List<RetentionSweeper> prepared = new ArrayList<>();
		byPrefix.forEach((prefix, registrations) -> {
			Duration longest = longest(registrations);
			if (longest == null) {
				return;
			}
			RetentionSupport support = (RetentionSupport) registrations.get(0).uploader();
			for (Registration registration : registrations) {
				resolved.put(registration.useCase(),
						new Target(support, registrations.get(0).uploader(), longest, retentionClass(longest)));
			}
			List<String> nested = byPrefix.keySet()
				.stream()
				.filter((other) -> other.length() > prefix.length() && other.startsWith(prefix))
				.toList();
			support.sweeper(longest, nested).ifPresent(prepared::add);
		});
		this.targets = Map.copyOf(resolved);
		if (!unsupported.isEmpty()) {
			logger.warn("Retention is set for use cases whose storage offers no retention support: {}. Their objects "
					+ "are kept until deleted by a lifecycle rule of the store.", unsupported);
		}
		if (!resolved.isEmpty()) {
			this.refresher.start((task) -> thread(task, "blob-retention-refresh"));
		}
		this.sweeps.start(prepared, this.sweepInterval, (task) -> thread(task, "blob-retention-sweep"));
	}

	private static @Nullable Duration longest(List<Registration> registrations) {
		Duration longest = Duration.ZERO;
		for (Registration registration : registrations) {
			if (registration.retention() == null) {
				// Kept forever by one of the use cases sharing the objects.
				return null;
			}
			if (registration.retention().compareTo(longest) > 0) {
				longest = registration.retention();
			}
		}
		return longest;
	}

	private static Thread thread(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * Returns the retention that applies to a use case's objects, once started.
	 * @param useCase the use case
	 * @return the longest retention of its prefix, or empty when its objects are kept
	 */
	public Optional<Duration> retentionOf(String useCase) {
		Target target = this.targets.get(useCase);
		return (target != null) ? Optional.of(target.retention()) : Optional.empty();
	}

	/**
	 * Returns the listener that refreshes re-used objects; add it to every use case's
	 * upload engine.
	 * @return the listener
	 */
	public BlobUploadListener listener() {
		return new BlobUploadListener() {

			@Override
			public void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
				if (BlobRetention.this.targets.containsKey(uploader)) {
					BlobRetention.this.refresher.uploaded(uri);
				}
			}

			@Override
			public void onDeduplicated(String uploader, String uri, Blob blob) {
				Target target = BlobRetention.this.targets.get(uploader);
				if (target != null) {
					BlobRetention.this.refresher.reused(target, uri, blob);
				}
			}

		};
	}

	/**
	 * Forgets when the given objects were written or refreshed by this instance, so that
	 * the next re-use of any of them is not taken for a recent one: it restarts the
	 * object's window, or writes the object again when it is gone. What to call once
	 * those objects were deleted (an erasure).
	 * @param uris the objects' URIs
	 */
	public void forget(Collection<String> uris) {
		this.refresher.forget(uris);
	}

	/**
	 * Runs one sweep of every prefix that has a sweeper, now, on the calling thread.
	 * @return what the sweep did
	 */
	public LastSweep sweepNow() {
		return this.sweeps.sweepNow();
	}

	/**
	 * Returns whether any prefix is swept by the starter.
	 * @return whether there is a sweeper
	 */
	public boolean sweeps() {
		return this.sweeps.any();
	}

	/**
	 * Returns the number of sweeps run.
	 * @return the count
	 */
	public long sweepsRun() {
		return this.sweeps.sweepsRun();
	}

	/**
	 * Returns the number of objects deleted by sweeps.
	 * @return the count
	 */
	public long objectsSwept() {
		return this.sweeps.objectsSwept();
	}

	/**
	 * Returns the number of objects past their window that a sweep could not delete, plus
	 * the folders that could not be listed.
	 * @return the count
	 */
	public long sweepFailures() {
		return this.sweeps.sweepFailures();
	}

	/**
	 * Returns the number of re-used objects whose window was restarted.
	 * @return the count
	 */
	public long refreshes() {
		return this.refresher.refreshes();
	}

	/**
	 * Returns the number of re-used objects written again because they were gone (their
	 * window had ended while the upload engine still remembered them).
	 * @return the count
	 */
	public long rewrites() {
		return this.refresher.rewrites();
	}

	/**
	 * Returns the number of refreshes the store refused or that could not reach it.
	 * @return the count
	 */
	public long refreshFailures() {
		return this.refresher.refreshFailures();
	}

	/**
	 * Returns the number of refreshes skipped because the refresh queue was full.
	 * @return the count
	 */
	public long refreshesSkipped() {
		return this.refresher.refreshesSkipped();
	}

	/**
	 * Returns the last sweep.
	 * @return the last sweep, or empty before the first
	 */
	public Optional<LastSweep> lastSweep() {
		return this.sweeps.lastSweep();
	}

	/**
	 * Waits until the refreshes queued so far are done (for tests and shutdown).
	 * @param timeout the longest wait
	 * @return whether they are done
	 * @throws InterruptedException if interrupted while waiting
	 */
	public boolean awaitRefreshes(Duration timeout) throws InterruptedException {
		return this.refresher.await(timeout);
	}

	/**
	 * Stops the sweep schedule and the refresh thread; refreshes still queued are skipped
	 * (the next re-use refreshes them). Idempotent.
	 */
	@Override
	public synchronized void close() {
		this.sweeps.close();
		this.refresher.close();
	}

	/**
	 * What a sweep did.
	 *
	 * @param time when it ran
	 * @param examined objects looked at
	 * @param swept objects deleted
	 * @param failed objects that could not be deleted, plus folders that could not be
	 * listed
	 */
	public record LastSweep(Instant time, int examined, int swept, int failed) {

	}

	private record Registration(String useCase, SimpleBlobUploader uploader, @Nullable Duration retention) {

	}

	record Target(RetentionSupport support, SimpleBlobUploader uploader, Duration retention, String retentionClass) {

	}

}
