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
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.DropReason;
import io.github.blobupload.UploadError;
import io.github.blobupload.internal.RateLimitedLogger;
import io.github.blobupload.internal.Redactor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log lines of one uploader, and the building of their messages: refusals, failures
 * and listener errors are each rate-limited to their first line and then at most one line
 * per log interval, with a summary line for what was suppressed; content is never logged.
 */
final class UploadLog {

	private static final Logger logger = LoggerFactory.getLogger(AsyncBlobUploader.class);

	private final String name;

	private final UploadCounters counters;

	private final RateLimitedLogger refusalLog;

	private final RateLimitedLogger failureLog;

	private final RateLimitedLogger listenerLog;

	private final RateLimitedLogger parkingLog;

	private final RateLimitedLogger spoolLog;

	UploadLog(String name, UploadCounters counters, Duration interval) {
		this.name = name;
		this.counters = counters;
		this.refusalLog = new RateLimitedLogger(logger, interval);
		this.failureLog = new RateLimitedLogger(logger, interval);
		this.listenerLog = new RateLimitedLogger(logger, interval);
		this.parkingLog = new RateLimitedLogger(logger, interval);
		this.spoolLog = new RateLimitedLogger(logger, interval);
	}

	/**
	 * Logs a blob parked after its attempts failed for a transient reason, unless the
	 * rate limit suppresses it.
	 * @param uri its destination
	 * @param error what the last attempt threw
	 * @param attempts how many attempts were made
	 */
	void parked(String uri, Throwable error, int attempts) {
		this.parkingLog.warn(() -> "Blob uploader '" + this.name + "' parked " + uri + " after " + attempts
				+ ((attempts == 1) ? " attempt" : " attempts") + " (" + describe(error)
				+ "); it is retried until it is uploaded or reaches its maximum age; " + this.counters.parkedCount()
				+ " parked so far");
	}

	/**
	 * Logs, once, that the spool cannot be used.
	 * @param problem why, in words
	 */
	void spoolUnavailable(String problem) {
		logger.warn("Blob uploader '{}' runs without its spool: {}. Accepted blobs are kept in memory only, and a "
				+ "restart loses those not yet uploaded", this.name, problem);
	}

	/**
	 * Logs, once at startup, what was found in the spool.
	 * @param directory the spool folder
	 * @param recovered how many blobs will be uploaded
	 * @param bytes their size
	 * @param corrupt how many files were set aside as unreadable
	 */
	void spoolRecovered(Object directory, long recovered, long bytes, long corrupt) {
		if (recovered > 0 || corrupt > 0) {
			logger.info(
					"Blob uploader '{}' found {} {} ({} bytes) left in its spool {} by an earlier run; uploading "
							+ "them now{}",
					this.name, recovered, blobs(recovered), bytes, directory,
					(corrupt > 0) ? "; " + corrupt + " unreadable " + ((corrupt == 1) ? "file was" : "files were")
							+ " renamed *.corrupt and skipped" : "");
		}
	}

	/**
	 * Logs a blob that could not be written to the spool, unless the rate limit
	 * suppresses it; the blob is still uploaded from memory.
	 * @param error what went wrong
	 */
	void spoolWriteFailed(Exception error) {
		this.spoolLog.warn(() -> "Blob uploader '" + this.name + "' could not write a blob to its spool ("
				+ describe(error) + "); it is uploaded from memory, but would not survive a restart");
	}

	/**
	 * Logs a refused blob, counted before, unless the rate limit suppresses it.
	 * @param reason why it was refused
	 * @param why says why in words; called only when a line is logged
	 */
	void refused(DropReason reason, Supplier<String> why) {
		this.refusalLog.warn(() -> "Blob uploader '" + this.name + "' refused a blob (" + reason.tag() + "): "
				+ why.get() + "; " + this.counters.droppedCount(reason) + " refused for this reason so far");
	}

	/**
	 * Logs a blob that failed after its last attempt, counted before, unless the rate
	 * limit suppresses it.
	 * @param uri its destination
	 * @param error what the last attempt threw
	 * @param permanent whether the error was permanent
	 * @param attempts how many attempts were made
	 */
	void failed(String uri, Throwable error, boolean permanent, int attempts) {
		this.failureLog.warn(() -> "Blob uploader '" + this.name + "' failed to upload " + uri + " after " + attempts
				+ ((attempts == 1) ? " attempt" : " attempts") + (permanent ? " (permanent error)" : "") + ": "
				+ describe(error) + "; " + this.counters.failedCount() + " failed so far", error);
	}

	/**
	 * Logs an exception thrown by the listener, unless the rate limit suppresses it.
	 * @param ex the exception
	 */
	void listenerThrew(RuntimeException ex) {
		this.listenerLog.warn(() -> "Blob upload listener threw " + describe(ex), ex);
	}

	/**
	 * Logs one summary line for each kind of event suppressed by the rate limit since its
	 * last line: once the log interval has passed, or at once when {@code force} is set.
	 * @param force whether to log without waiting for the interval (at shutdown)
	 */
	void reportSuppressed(boolean force) {
		this.refusalLog.reportSuppressed((count) -> "Blob uploader '" + this.name + "' refused " + count + " more "
				+ blobs(count) + " since the last report; refused so far: " + refusalTotals(), force);
		this.failureLog.reportSuppressed((count) -> {
			UploadError error = this.counters.lastError();
			return "Blob uploader '" + this.name + "' failed to upload " + count + " more " + blobs(count)
					+ " since the last report; " + this.counters.failedCount() + " failed so far"
					+ ((error != null) ? "; last error: " + error.message() : "");
		}, force);
		this.listenerLog.reportSuppressed((count) -> "Blob upload listener threw " + count + " more "
				+ ((count == 1) ? "time" : "times") + " since the last report", force);
		this.parkingLog.reportSuppressed((count) -> "Blob uploader '" + this.name + "' parked " + count + " more "
				+ blobs(count) + " since the last report; " + this.counters.parkedCount() + " parked so far", force);
		this.spoolLog.reportSuppressed((count) -> "Blob uploader '" + this.name + "' could not write " + count
				+ " more " + blobs(count) + " to its spool since the last report", force);
	}

	/**
	 * Logs, once at shutdown, the blobs that the shutdown timeout left unfinished, or,
	 * when none was lost, those left in the spool for the next start.
	 * @param elapsedNanos how long the shutdown took
	 * @param unfinished how many blobs were dropped
	 * @param unfinishedBytes their size
	 * @param timeout the shutdown timeout
	 * @param stats the totals
	 */
	void shutdownIncomplete(long elapsedNanos, long unfinished, long unfinishedBytes, Duration timeout,
			BlobUploadStats stats) {
		if (unfinished == 0) {
			if (stats.spool().carriedOver() > 0) {
				logger.info("Blob uploader '{}' shut down with {} blobs not yet uploaded left in its spool for the "
						+ "next start", this.name, stats.spool().carriedOver());
			}
			return;
		}
		logger.warn(
				"Blob uploader '{}' shut down after {} ms with {} blobs ({} bytes) not uploaded: the shutdown "
						+ "timeout of {} ran out; totals: {} uploaded, {} failed, {} dropped, {} deduplicated",
				this.name, TimeUnit.NANOSECONDS.toMillis(elapsedNanos), unfinished, unfinishedBytes, timeout,
				stats.uploaded(), stats.failed(), stats.droppedTotal(), stats.deduplicated());
	}

	/**
	 * Describes an error by its type and message, as logs and {@link UploadError} show
	 * it.
	 * @param error the error
	 * @return for example {@code "IOException: connection reset"}
	 */
	static String describe(Throwable error) {
		String message = error.getMessage();
		return error.getClass().getSimpleName() + ((message != null) ? ": " + Redactor.text(message) : "");
	}

	private String refusalTotals() {
		StringBuilder totals = new StringBuilder();
		for (DropReason reason : DropReason.values()) {
			long count = this.counters.droppedCount(reason);
			if (reason.isRefusal() && count > 0) {
				totals.append((totals.length() > 0) ? ", " : "").append(reason.tag()).append('=').append(count);
			}
		}
		return totals.toString();
	}

	private static String blobs(long count) {
		return (count == 1) ? "blob" : "blobs";
	}

}
