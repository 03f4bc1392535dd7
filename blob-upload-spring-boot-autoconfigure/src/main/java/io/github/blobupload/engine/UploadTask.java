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

import java.util.Map;

import io.github.blobupload.Blob;
import org.jspecify.annotations.Nullable;

/**
 * A blob accepted for upload (or recovered from the spool), its destination, its place in
 * the flush order and where it stands: how many attempts failed, whether it is parked,
 * whether its bytes are in memory, on disk in the spool, or both.
 * <p>
 * The fields that change are guarded by the task's own monitor: a worker, the retry
 * scheduler and the spool writer may each hold the task at different times, and the spool
 * writer may be writing it while a worker finishes it.
 */
final class UploadTask {

	private final String uri;

	private final long sequence;

	private final long acceptedNanos;

	private final long acceptedEpochMillis;

	private final int size;

	private final Map<String, String> labels;

	private @Nullable Blob blob;

	private boolean holdsMemory;

	private @Nullable SpoolFile spoolFile;

	private boolean finished;

	private boolean attempting;

	private long firstAttemptNanos;

	private boolean inFlight;

	private int attempts;

	private int parkings;

	private long parkedSinceNanos;

	private @Nullable Throwable lastError;

	private boolean dropRequested;

	/**
	 * Creates a task for a blob accepted now, held in memory.
	 */
	UploadTask(String uri, Blob blob, long sequence) {
		this.uri = uri;
		this.blob = blob;
		this.sequence = sequence;
		this.size = blob.size();
		this.labels = blob.labels();
		this.acceptedNanos = System.nanoTime();
		this.acceptedEpochMillis = System.currentTimeMillis();
		this.holdsMemory = true;
	}

	/**
	 * Creates a task for a blob found in the spool at startup, on disk only.
	 */
	UploadTask(SpoolFile file, long sequence) {
		this.uri = file.uri();
		this.sequence = sequence;
		this.size = file.size();
		this.labels = file.labels();
		this.acceptedEpochMillis = file.acceptedEpochMillis();
		long ageMillis = Math.max(0, System.currentTimeMillis() - file.acceptedEpochMillis());
		this.acceptedNanos = System.nanoTime() - ageMillis * 1_000_000L;
		this.spoolFile = file;
	}

	String uri() {
		return this.uri;
	}

	long sequence() {
		return this.sequence;
	}

	int size() {
		return this.size;
	}

	/**
	 * Returns the blob's labels, also while its bytes are on disk only.
	 */
	Map<String, String> labels() {
		return this.labels;
	}

	long acceptedNanos() {
		return this.acceptedNanos;
	}

	long acceptedEpochMillis() {
		return this.acceptedEpochMillis;
	}

	/**
	 * Returns the blob when its bytes are in memory.
	 */
	synchronized @Nullable Blob blob() {
		return this.blob;
	}

	/**
	 * Claims the task for an attempt: its bytes stay in memory until
	 * {@link #attemptDone()}.
	 * @return the blob, or {@code null} if its bytes are on disk only
	 */
	synchronized @Nullable Blob claim() {
		if (this.blob != null) {
			this.attempting = true;
			markFirstAttempt();
		}
		return this.blob;
	}

	/**
	 * Returns when the first attempt started, to report the whole upload time.
	 */
	synchronized long firstAttemptNanos() {
		return this.firstAttemptNanos;
	}

	private void markFirstAttempt() {
		if (this.firstAttemptNanos == 0) {
			this.firstAttemptNanos = System.nanoTime();
		}
	}

	/**
	 * Marks the task taken by a worker.
	 */
	synchronized void takenByWorker() {
		this.inFlight = true;
	}

	/**
	 * Marks the worker's turn with the task over.
	 * @return whether it was in a worker's hands until now
	 */
	synchronized boolean leaveWorker() {
		boolean was = this.inFlight;
		this.inFlight = false;
		return was;
	}

	/**
	 * Ends the claim of {@link #claim()} or {@link #load(Blob)}.
	 */
	synchronized void attemptDone() {
		this.attempting = false;
	}

	/**
	 * Puts the bytes read back from the spool into memory, claimed for an attempt.
	 */
	synchronized void load(Blob blob) {
		this.blob = blob;
		this.holdsMemory = true;
		this.attempting = true;
		markFirstAttempt();
	}

	/**
	 * Drops the bytes from memory, keeping them on disk only.
	 * @return whether it held memory, which the caller gives back to the queue
	 */
	synchronized boolean unload() {
		if (this.spoolFile == null || this.finished || !this.holdsMemory || this.attempting) {
			return false;
		}
		this.blob = null;
		this.holdsMemory = false;
		return true;
	}

	/**
	 * Marks the task finished, whatever its outcome.
	 * @return whether it held memory, which the caller gives back to the queue
	 */
	synchronized boolean finish() {
		this.finished = true;
		boolean held = this.holdsMemory;
		this.holdsMemory = false;
		this.blob = null;
		return held;
	}

	synchronized boolean isFinished() {
		return this.finished;
	}

	/**
	 * Asks for the blob to be dropped rather than tried again: whoever holds it next (a
	 * worker, the retry wait list) drops it instead of attempting it.
	 */
	synchronized void requestDrop() {
		this.dropRequested = true;
	}

	/**
	 * Returns whether {@link #requestDrop()} was called.
	 */
	synchronized boolean isDropRequested() {
		return this.dropRequested;
	}

	synchronized @Nullable SpoolFile spoolFile() {
		return this.spoolFile;
	}

	synchronized void spooled(SpoolFile file) {
		this.spoolFile = file;
	}

	/**
	 * Counts a failed attempt.
	 * @return the number of attempts so far
	 */
	synchronized int failedAttempt(Throwable error) {
		this.lastError = error;
		return ++this.attempts;
	}

	synchronized int attempts() {
		return this.attempts;
	}

	synchronized @Nullable Throwable lastError() {
		return this.lastError;
	}

	/**
	 * Counts a parking.
	 * @return how many times it has been parked, this one included
	 */
	synchronized int parked(long nowNanos) {
		if (this.parkings == 0) {
			this.parkedSinceNanos = nowNanos;
		}
		return ++this.parkings;
	}

	synchronized long parkedSinceNanos() {
		return this.parkedSinceNanos;
	}

	@Override
	public String toString() {
		return "UploadTask[" + this.uri + ", " + this.size + " bytes]";
	}

}
