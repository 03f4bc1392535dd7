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
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * Reads the labels a blob gets from the thread that hands it over (the caller's), such as
 * its owner: a supplier given by the application's configuration, run safely, and never
 * on the starter's own threads ({@link #onStarterThread}). A supplier that throws, or
 * returns {@code null}, gives no labels; the failure is logged at most once per minute,
 * by the type of what was thrown, never a value. Cheap when there are no labels: nothing
 * is allocated.
 */
public final class CallerLabels {

	/** No labels. */
	public static final CallerLabels NONE = new CallerLabels(null, null);

	private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

	/**
	 * Set where no labels are read: for the lifetime of the starter's own threads, where
	 * no caller is known, and while work whose labels were taken already runs.
	 */
	private static final ThreadLocal<Boolean> NOT_READ = new ThreadLocal<>();

	private final @Nullable Supplier<? extends @Nullable Map<String, String>> supplier;

	private final @Nullable RateLimitedLogger errors;

	private CallerLabels(@Nullable Supplier<? extends @Nullable Map<String, String>> supplier,
			@Nullable RateLimitedLogger errors) {
		this.supplier = supplier;
		this.errors = errors;
	}

	/**
	 * Returns the labels of a supplier.
	 * @param supplier the supplier, or {@code null} for none
	 * @param logger where its failures are logged
	 * @return the labels
	 */
	public static CallerLabels of(@Nullable Supplier<? extends @Nullable Map<String, String>> supplier, Logger logger) {
		return (supplier != null) ? new CallerLabels(supplier, new RateLimitedLogger(logger, LOG_INTERVAL)) : NONE;
	}

	/**
	 * Returns a task that runs with no caller's labels: on a thread of the starter's own
	 * (such as the threads offloading prompt media), which may have inherited a caller's
	 * inheritable thread-locals when it was created (Spring Security's
	 * {@code MODE_INHERITABLETHREADLOCAL}), labels are never read.
	 * @param task the body of the thread
	 * @return the task, run with no caller's labels
	 */
	public static Runnable onStarterThread(Runnable task) {
		return () -> {
			NOT_READ.set(Boolean.TRUE);
			try {
				task.run();
			}
			finally {
				NOT_READ.remove();
			}
		};
	}

	/**
	 * Runs work, on this thread, that reads no caller's labels: for blobs that carry
	 * labels taken from their caller earlier (a model call's), uploaded on a thread that
	 * may belong to another caller or to a client library.
	 * @param <T> what the work returns
	 * @param work the work
	 * @return what it returned
	 */
	public static <T extends @Nullable Object> T alreadyTaken(Supplier<T> work) {
		if (NOT_READ.get() != null) {
			return work.get();
		}
		NOT_READ.set(Boolean.TRUE);
		try {
			return work.get();
		}
		finally {
			NOT_READ.remove();
		}
	}

	/**
	 * Returns whether there is a supplier at all.
	 * @return whether labels may be given
	 */
	public boolean isPresent() {
		return this.supplier != null;
	}

	/**
	 * Returns the labels of the current thread. Never throws.
	 * @return the labels, empty when there are none or the supplier failed; not to be
	 * modified
	 */
	public Map<String, String> get() {
		Supplier<? extends @Nullable Map<String, String>> current = this.supplier;
		if (current == null || NOT_READ.get() != null) {
			return Map.of();
		}
		Map<String, String> labels;
		try {
			labels = current.get();
		}
		catch (RuntimeException | LinkageError ex) {
			warn(() -> "The labels of the caller (such as its owner) could not be resolved: " + ex.getClass().getName()
					+ " was thrown; the content is stored without them");
			return Map.of();
		}
		if (labels == null) {
			warn(() -> "The labels of the caller (such as its owner) could not be resolved: null was returned; "
					+ "the content is stored without them");
			return Map.of();
		}
		return labels;
	}

	private void warn(Supplier<String> message) {
		RateLimitedLogger logger = this.errors;
		if (logger != null) {
			logger.warn(message);
		}
	}

	@Override
	public String toString() {
		return isPresent() ? "CallerLabels[supplied]" : "CallerLabels[none]";
	}

}
