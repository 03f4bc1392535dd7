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

package io.github.blobupload.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;
import java.util.function.Supplier;

import org.slf4j.Logger;

/**
 * Logs a repeated problem at most once per interval. The first occurrence is logged at
 * once; later ones within the interval are only counted, and the next line logged says
 * how many were suppressed. Thread-safe and cheap when suppressing: no message is built.
 * <p>
 * So that a burst which ends within the interval is not reported as its first event only,
 * the owner calls {@link #reportSuppressed} from time to time (and once when it shuts
 * down): it logs one summary line for the events suppressed since the last line.
 */
public final class RateLimitedLogger {

	private final Logger logger;

	private final long intervalNanos;

	private final AtomicLong nextAllowed;

	private final AtomicLong suppressed = new AtomicLong();

	/**
	 * Creates a logger.
	 * @param logger where to log
	 * @param interval the shortest time between two lines
	 */
	public RateLimitedLogger(Logger logger, Duration interval) {
		this.logger = logger;
		this.intervalNanos = interval.toNanos();
		this.nextAllowed = new AtomicLong(System.nanoTime());
	}

	/**
	 * Logs a warning unless one was logged within the interval.
	 * @param message builds the message; called only when a line is logged
	 */
	public void warn(Supplier<String> message) {
		warn(message, null);
	}

	/**
	 * Logs a warning with a cause unless one was logged within the interval. The cause's
	 * stack trace is logged at DEBUG level only; WARN gets its type and message.
	 * @param message builds the message; called only when a line is logged
	 * @param cause the cause, or {@code null}
	 */
	public void warn(Supplier<String> message, Throwable cause) {
		long now = System.nanoTime();
		long allowed = this.nextAllowed.get();
		if (now - allowed < 0 || !this.nextAllowed.compareAndSet(allowed, now + this.intervalNanos)) {
			this.suppressed.incrementAndGet();
			return;
		}
		if (!this.logger.isWarnEnabled()) {
			return;
		}
		long skipped = this.suppressed.getAndSet(0);
		String line = message.get() + ((skipped > 0) ? " (" + skipped + " similar events since the last report)" : "");
		if (cause != null && this.logger.isDebugEnabled()) {
			this.logger.warn(line, cause);
		}
		else {
			this.logger.warn(line);
		}
	}

	/**
	 * Logs one summary line for the events suppressed since the last line, if there were
	 * any: once the interval since the last line has passed, or at once when
	 * {@code force} is set (at shutdown). Cheap when there is nothing to report.
	 * @param summary builds the line from the number of suppressed events; called only
	 * when a line is logged
	 * @param force whether to log without waiting for the interval
	 * @return whether a line was logged
	 */
	public boolean reportSuppressed(LongFunction<String> summary, boolean force) {
		if (this.suppressed.get() == 0) {
			return false;
		}
		long now = System.nanoTime();
		if (force) {
			this.nextAllowed.set(now + this.intervalNanos);
		}
		else {
			long allowed = this.nextAllowed.get();
			if (now - allowed < 0 || !this.nextAllowed.compareAndSet(allowed, now + this.intervalNanos)) {
				return false;
			}
		}
		long skipped = this.suppressed.getAndSet(0);
		if (skipped == 0 || !this.logger.isWarnEnabled()) {
			return false;
		}
		this.logger.warn(summary.apply(skipped));
		return true;
	}

}
