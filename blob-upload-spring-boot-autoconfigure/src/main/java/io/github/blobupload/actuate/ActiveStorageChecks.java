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

package io.github.blobupload.actuate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.blobupload.StorageProbe;
import io.github.blobupload.internal.Redactor;
import org.jspecify.annotations.Nullable;

/**
 * Runs {@link StorageProbe storage probes} for the health indicator, at most once per
 * interval per destination, and caches their results.
 * <p>
 * A check runs on a daemon thread of its own, never on the thread asking for health: that
 * thread waits for it at most the timeout, then reports the destination as DOWN ("no
 * answer within ...") while the check goes on. Only one check per destination runs at a
 * time; whenever one finishes, its result replaces the cached one. A cached result is
 * reused until the interval has passed since the check finished, whatever its outcome.
 * Error messages are shortened and stripped of query strings, user information and
 * account keys, so that a signed URL or a connection string in a storage client's message
 * does not reach the health endpoint.
 */
public final class ActiveStorageChecks {

	private static final int MAX_ERROR_LENGTH = 500;

	private final Duration interval;

	private final Duration timeout;

	private final Clock clock;

	private final Executor executor;

	private final Map<String, Destination> destinations = new ConcurrentHashMap<>();

	/**
	 * Creates the checks with the system clock.
	 * @param interval how long a result is reused; positive
	 * @param timeout how long a health request waits for a check; positive
	 */
	public ActiveStorageChecks(Duration interval, Duration timeout) {
		this(interval, timeout, Clock.systemUTC());
	}

	ActiveStorageChecks(Duration interval, Duration timeout, Clock clock) {
		this.interval = positive(interval, "interval");
		this.timeout = positive(timeout, "timeout");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.executor = (task) -> {
			Thread thread = new Thread(task, "blob-upload-health-check");
			thread.setDaemon(true);
			thread.start();
		};
	}

	private static Duration positive(Duration duration, String name) {
		if (duration == null || duration.isNegative() || duration.isZero()) {
			throw new IllegalArgumentException(name + " must be a positive duration but was " + duration);
		}
		return duration;
	}

	/**
	 * Returns the result for a destination: the cached one while it is fresh, otherwise
	 * that of a new check (or of the one already running), waiting for it at most the
	 * timeout.
	 * @param destination identifies the destination, such as its URI prefix; probes of
	 * the same destination share one result
	 * @param probe writes to the destination; used when no check of it has run yet
	 * @return the result
	 */
	public Result result(String destination, StorageProbe probe) {
		return results(Map.of(destination, probe)).get(destination);
	}

	/**
	 * Returns the results for several destinations, as {@link #result} does for one,
	 * starting every check needed before waiting for any: the wait for all of them
	 * together is at most the timeout.
	 * @param probes the probe of each destination
	 * @return the result of each destination, in the order given
	 */
	public Map<String, Result> results(Map<String, StorageProbe> probes) {
		Map<String, Pending> pending = new LinkedHashMap<>();
		probes.forEach((destination, probe) -> pending.put(destination, begin(destination, probe)));
		Map<String, Result> results = new LinkedHashMap<>();
		pending.forEach((destination, check) -> results.put(destination, await(check)));
		return results;
	}

	private Pending begin(String destination, StorageProbe probe) {
		Destination state = this.destinations.computeIfAbsent(destination, (key) -> new Destination(probe));
		synchronized (state) {
			Result last = state.last;
			if (state.running == null && last != null
					&& this.clock.instant().isBefore(last.checkedAt().plus(this.interval))) {
				return new Pending(CompletableFuture.completedFuture(last), last.checkedAt());
			}
			if (state.running == null) {
				state.startedAt = this.clock.instant();
				state.running = start(state);
			}
			return new Pending(state.running, state.startedAt);
		}
	}

	private Result await(Pending check) {
		long waitNanos = this.timeout.minus(Duration.between(check.startedAt(), this.clock.instant())).toNanos();
		try {
			return check.result().get(Math.max(0, waitNanos), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			return new Result(false, check.startedAt(), "no answer within " + this.timeout + "; the check goes on");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return new Result(false, check.startedAt(), "interrupted while waiting for the check");
		}
		catch (ExecutionException ex) {
			// Not expected: the future is always completed normally.
			return failed(ex.getCause());
		}
	}

	private CompletableFuture<Result> start(Destination state) {
		CompletableFuture<Result> future = new CompletableFuture<>();
		this.executor.execute(() -> {
			Result result = new Result(false, this.clock.instant(), "the check failed with a fatal error");
			try {
				result = run(state.probe);
			}
			finally {
				synchronized (state) {
					state.last = result;
					state.running = null;
				}
				future.complete(result);
			}
		});
		return future;
	}

	private Result run(StorageProbe probe) {
		try {
			probe.check();
			return new Result(true, this.clock.instant(), null);
		}
		catch (Throwable ex) {
			if (ex instanceof VirtualMachineError fatal) {
				throw fatal;
			}
			return failed(ex);
		}
	}

	private Result failed(@Nullable Throwable error) {
		return new Result(false, this.clock.instant(), (error != null) ? describe(error) : "unknown failure");
	}

	/**
	 * Describes a failure for the health endpoint: its type and message, without query
	 * strings, user information or keys, at most 500 characters.
	 * @param error the failure
	 * @return the description
	 */
	static String describe(Throwable error) {
		String message = error.getMessage();
		String text = error.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
		text = Redactor.text(text);
		text = text.replaceAll("\\s*[\\r\\n]+\\s*", " ");
		return (text.length() > MAX_ERROR_LENGTH) ? text.substring(0, MAX_ERROR_LENGTH) + "..." : text;
	}

	/**
	 * The outcome of one check.
	 *
	 * @param up whether the probe object was written
	 * @param checkedAt when the check finished (or, for a check without an answer in
	 * time, when it started)
	 * @param error what went wrong, without credentials; {@code null} when up
	 */
	public record Result(boolean up, Instant checkedAt, @Nullable String error) {
	}

	/** A result that is ready or being checked, and when its check started. */
	private record Pending(CompletableFuture<Result> result, Instant startedAt) {
	}

	/** The state of one destination's checks; guarded by itself. */
	private static final class Destination {

		private final StorageProbe probe;

		private @Nullable Result last;

		private @Nullable CompletableFuture<Result> running;

		private Instant startedAt = Instant.EPOCH;

		Destination(StorageProbe probe) {
			this.probe = probe;
		}

	}

}
