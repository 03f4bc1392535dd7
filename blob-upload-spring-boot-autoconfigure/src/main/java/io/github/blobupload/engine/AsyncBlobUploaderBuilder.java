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

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import org.jspecify.annotations.Nullable;

/**
 * Builds an {@link AsyncBlobUploader}: the asynchronous upload engine around a
 * {@link SimpleBlobUploader}. Obtain one with {@link AsyncBlobUploader#builder}. Each
 * setter validates its argument and throws {@link IllegalArgumentException} naming the
 * setting and the bad value; {@link #build()} checks the settings against each other.
 */
public final class AsyncBlobUploaderBuilder {

	/** Default name of an uploader. */
	public static final String DEFAULT_NAME = "default";

	/** Default capacity of the queue in blobs. */
	public static final int DEFAULT_MAX_QUEUE_SIZE = 10_000;

	/** Default capacity in bytes of queued and in-flight blobs (100 MiB). */
	public static final long DEFAULT_MAX_QUEUE_BYTES = 100L * 1024 * 1024;

	/** Default largest blob accepted (20 MiB). */
	public static final long DEFAULT_MAX_BLOB_BYTES = 20L * 1024 * 1024;

	/** Default number of upload workers. */
	public static final int DEFAULT_WORKERS = 2;

	/** Default time one upload attempt may take. */
	public static final Duration DEFAULT_UPLOAD_TIMEOUT = Duration.ofSeconds(30);

	/** Default number of attempts per blob, the first included. */
	public static final int DEFAULT_MAX_ATTEMPTS = 3;

	/** Default backoff before the first retry. */
	public static final Duration DEFAULT_INITIAL_BACKOFF = Duration.ofMillis(250);

	/** Default longest backoff between retries. */
	public static final Duration DEFAULT_MAX_BACKOFF = Duration.ofSeconds(5);

	/** Default number of recently uploaded destinations remembered for deduplication. */
	public static final int DEFAULT_DEDUPE_CACHE_SIZE = 10_000;

	/** Default time {@link ManagedBlobUploader#close()} keeps uploading. */
	public static final Duration DEFAULT_SHUTDOWN_TIMEOUT = Duration.ofSeconds(10);

	/** Default longest time a blob is retried after it was accepted. */
	public static final Duration DEFAULT_MAX_AGE = Duration.ofHours(12);

	/** Default longest wait between two attempts at a parked blob. */
	public static final Duration DEFAULT_MAX_PARKED_BACKOFF = Duration.ofMinutes(1);

	/** Default most bytes the spool's files may take. */
	public static final long DEFAULT_SPOOL_MAX_BYTES = 1024L * 1024 * 1024;

	/** Default interval between two log lines about the same kind of problem. */
	public static final Duration DEFAULT_LOG_INTERVAL = Duration.ofSeconds(30);

	private final SimpleBlobUploader provider;

	private String name = DEFAULT_NAME;

	private int maxQueueSize = DEFAULT_MAX_QUEUE_SIZE;

	private long maxQueueBytes = DEFAULT_MAX_QUEUE_BYTES;

	private long maxBlobBytes = DEFAULT_MAX_BLOB_BYTES;

	private int workers = DEFAULT_WORKERS;

	private Duration uploadTimeout = DEFAULT_UPLOAD_TIMEOUT;

	private int maxAttempts = DEFAULT_MAX_ATTEMPTS;

	private Duration initialBackoff = DEFAULT_INITIAL_BACKOFF;

	private Duration maxBackoff = DEFAULT_MAX_BACKOFF;

	private int dedupeCacheSize = DEFAULT_DEDUPE_CACHE_SIZE;

	private Duration shutdownTimeout = DEFAULT_SHUTDOWN_TIMEOUT;

	private Duration logInterval = DEFAULT_LOG_INTERVAL;

	private Duration maxAge = DEFAULT_MAX_AGE;

	private Duration maxParkedBackoff = DEFAULT_MAX_PARKED_BACKOFF;

	private @Nullable Path spoolDirectory;

	private long spoolMaxBytes = DEFAULT_SPOOL_MAX_BYTES;

	private boolean spoolFsync;

	private @Nullable Duration recentUploadsLifetime;

	private BlobUploadListener listener = BlobUploadListener.NONE;

	private @Nullable Supplier<? extends @Nullable Map<String, String>> callerLabels;

	AsyncBlobUploaderBuilder(SimpleBlobUploader provider) {
		this.provider = Objects.requireNonNull(provider, "provider must not be null");
	}

	/**
	 * Sets the uploader's name.
	 * @param name a non-blank name
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder name(String name) {
		check(name != null && !name.isBlank(), "name must not be blank but was '" + name + "'");
		this.name = name;
		return this;
	}

	/**
	 * Sets the most blobs held in memory at once (queued, in flight, waiting to retry or
	 * parked). The byte bound ({@link #maxQueueBytes(long)}) is the real limit; this one
	 * only guards against floods of tiny blobs, whose bookkeeping the byte bound does not
	 * see.
	 * @param maxQueueSize at least 1
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder maxQueueSize(int maxQueueSize) {
		check(maxQueueSize >= 1, "maxQueueSize must be at least 1 but was " + maxQueueSize);
		this.maxQueueSize = maxQueueSize;
		return this;
	}

	/**
	 * Sets the capacity in bytes of queued and in-flight blobs.
	 * @param maxQueueBytes at least 1
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder maxQueueBytes(long maxQueueBytes) {
		check(maxQueueBytes >= 1, "maxQueueBytes must be at least 1 but was " + maxQueueBytes);
		this.maxQueueBytes = maxQueueBytes;
		return this;
	}

	/**
	 * Sets the largest blob accepted.
	 * @param maxBlobBytes at least 1
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder maxBlobBytes(long maxBlobBytes) {
		check(maxBlobBytes >= 1, "maxBlobBytes must be at least 1 but was " + maxBlobBytes);
		this.maxBlobBytes = maxBlobBytes;
		return this;
	}

	/**
	 * Sets the number of upload workers.
	 * @param workers at least 1
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder workers(int workers) {
		check(workers >= 1, "workers must be at least 1 but was " + workers);
		this.workers = workers;
		return this;
	}

	/**
	 * Sets the time one upload attempt may take; a slower attempt is interrupted and
	 * retried.
	 * @param uploadTimeout a positive duration
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder uploadTimeout(Duration uploadTimeout) {
		checkPositive("uploadTimeout", uploadTimeout);
		this.uploadTimeout = uploadTimeout;
		return this;
	}

	/**
	 * Sets the number of attempts per blob, the first included (1 means no retry).
	 * @param maxAttempts at least 1
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder maxAttempts(int maxAttempts) {
		check(maxAttempts >= 1, "maxAttempts must be at least 1 but was " + maxAttempts);
		this.maxAttempts = maxAttempts;
		return this;
	}

	/**
	 * Sets the backoff before the first retry; it doubles for each further retry, up to
	 * the maximum, with random jitter.
	 * @param initialBackoff a positive duration
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder initialBackoff(Duration initialBackoff) {
		checkPositive("initialBackoff", initialBackoff);
		this.initialBackoff = initialBackoff;
		return this;
	}

	/**
	 * Sets the longest backoff between retries.
	 * @param maxBackoff a positive duration
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder maxBackoff(Duration maxBackoff) {
		checkPositive("maxBackoff", maxBackoff);
		this.maxBackoff = maxBackoff;
		return this;
	}

	/**
	 * Sets how many recently uploaded destinations are remembered so that the same
	 * content is not uploaded twice.
	 * @param dedupeCacheSize 0 or more; 0 turns deduplication off
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder dedupeCacheSize(int dedupeCacheSize) {
		check(dedupeCacheSize >= 0, "dedupeCacheSize must not be negative but was " + dedupeCacheSize);
		this.dedupeCacheSize = dedupeCacheSize;
		return this;
	}

	/**
	 * Sets how long a recent upload is trusted to skip the same content: a blob whose
	 * destination was uploaded longer ago is uploaded again. Unlimited by default (an
	 * upload is remembered until {@linkplain #dedupeCacheSize(int) newer ones} push it
	 * out); a bounded lifetime keeps the memo from vouching for an object that may have
	 * been deleted since, as an erasure on another instance does.
	 * @param recentUploadsLifetime zero or a positive duration (zero trusts no recent
	 * upload), or {@code null} for unlimited
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder recentUploadsLifetime(@Nullable Duration recentUploadsLifetime) {
		check(recentUploadsLifetime == null || !recentUploadsLifetime.isNegative(),
				"recentUploadsLifetime must not be negative but was " + recentUploadsLifetime);
		this.recentUploadsLifetime = recentUploadsLifetime;
		return this;
	}

	/**
	 * Sets how long {@link ManagedBlobUploader#close()} keeps uploading.
	 * @param shutdownTimeout zero or a positive duration
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder shutdownTimeout(Duration shutdownTimeout) {
		check(shutdownTimeout != null && !shutdownTimeout.isNegative(),
				"shutdownTimeout must not be negative but was " + shutdownTimeout);
		this.shutdownTimeout = shutdownTimeout;
		return this;
	}

	/**
	 * Sets the interval between two log lines about the same kind of problem.
	 * @param logInterval a positive duration
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder logInterval(Duration logInterval) {
		checkPositive("logInterval", logInterval);
		this.logInterval = logInterval;
		return this;
	}

	/**
	 * Sets how long after its acceptance a blob that fails for a transient reason is
	 * still retried: once its quick retries are spent it is parked and tried again with a
	 * growing backoff, up to {@link #maxParkedBackoff(Duration)}, until it is uploaded or
	 * this old; only then is it counted failed. Zero turns parking off: a blob fails once
	 * its {@linkplain #maxAttempts(int) attempts} are spent.
	 * @param maxAge the maximum age, zero or positive
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder maxAge(Duration maxAge) {
		check(maxAge != null && !maxAge.isNegative(), "maxAge must be zero or a positive duration but was " + maxAge);
		this.maxAge = maxAge;
		return this;
	}

	/**
	 * Sets the longest wait between two attempts at a parked blob. While storage is down,
	 * one parked blob is tried per wait; once one is uploaded, all go at once.
	 * @param maxParkedBackoff the longest wait, positive
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder maxParkedBackoff(Duration maxParkedBackoff) {
		checkPositive("maxParkedBackoff", maxParkedBackoff);
		this.maxParkedBackoff = maxParkedBackoff;
		return this;
	}

	/**
	 * Turns the durable spool on: every accepted blob is also written, on a background
	 * thread, to a private folder on local disk until it is uploaded, so that it survives
	 * a restart or a crash; parked blobs and blobs that do not fit in memory wait there.
	 * The folder is replayed when an uploader starts on it. It holds user content: see
	 * the README. The uploader runs without a spool (and says so once) if the folder
	 * cannot be used or another process holds it.
	 * @param directory the folder, created owner-only if missing; {@code null} for no
	 * spool (the default)
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder spoolDirectory(@Nullable Path directory) {
		this.spoolDirectory = directory;
		return this;
	}

	/**
	 * Sets the most bytes the spool's files may take; a blob that would take it further
	 * is refused ({@link io.github.blobupload.DropReason#SPOOL_FULL}).
	 * @param spoolMaxBytes the bound, positive
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder spoolMaxBytes(long spoolMaxBytes) {
		check(spoolMaxBytes > 0, "spoolMaxBytes must be positive but was " + spoolMaxBytes);
		this.spoolMaxBytes = spoolMaxBytes;
		return this;
	}

	/**
	 * Sets whether each spool file is forced to the storage device before it counts as
	 * written. Off by default: the spool then survives a crash of the process (the
	 * operating system still writes what it was given), not a power loss or a crash of
	 * the machine; on, every blob costs a device flush.
	 * @param spoolFsync whether to force each file to the device
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder spoolFsync(boolean spoolFsync) {
		this.spoolFsync = spoolFsync;
		return this;
	}

	/**
	 * Sets the listener told about each blob.
	 * @param listener the listener
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder listener(BlobUploadListener listener) {
		this.listener = Objects.requireNonNull(listener, "listener must not be null");
		return this;
	}

	/**
	 * Sets labels added to every blob on the caller's thread, in
	 * {@link AsyncBlobUploader#uploadAsync(io.github.blobupload.Blob) uploadAsync},
	 * before it is named, queued or spooled: labels that depend on who calls (such as the
	 * owner of the content, read from the caller's security context), which the upload
	 * workers could not know. A label the blob carries already is kept as it is. A
	 * supplier that throws or returns {@code null} gives no labels and is logged (at most
	 * once a minute, never a value); one that returns an empty map costs nothing more. It
	 * must be cheap: it runs on every call.
	 * @param callerLabels the supplier, or {@code null} for none (the default)
	 * @return this builder
	 */
	public AsyncBlobUploaderBuilder callerLabels(
			@Nullable Supplier<? extends @Nullable Map<String, String>> callerLabels) {
		this.callerLabels = callerLabels;
		return this;
	}

	/**
	 * Builds and starts the uploader: its workers run until it is
	 * {@linkplain ManagedBlobUploader#shutdown(Duration) shut down}.
	 * @return a started uploader; shut it down when done
	 * @throws IllegalArgumentException if the settings contradict each other: a
	 * {@code maxBackoff} shorter than {@code initialBackoff}, or a {@code maxQueueBytes}
	 * smaller than {@code maxBlobBytes} (the largest blobs could never be queued)
	 */
	public AsyncBlobUploader build() {
		return new AsyncBlobUploader(this.provider, settings());
	}

	/**
	 * Returns the validated settings, for {@link #build()} and for tests that give the
	 * uploader a provider of their own.
	 */
	EngineSettings settings() {
		validate();
		return new EngineSettings(this.name, this.maxQueueSize, this.maxQueueBytes, this.maxBlobBytes, this.workers,
				this.uploadTimeout, this.maxAttempts, this.initialBackoff, this.maxBackoff, this.dedupeCacheSize,
				this.shutdownTimeout, this.logInterval, this.listener, this.maxAge, this.maxParkedBackoff,
				this.spoolDirectory, this.spoolMaxBytes, this.spoolFsync, this.recentUploadsLifetime,
				this.callerLabels);
	}

	/**
	 * Checks the settings against each other, as {@link #build()} does, without starting
	 * anything.
	 * @return this builder
	 * @throws IllegalArgumentException if {@code maxBackoff} is shorter than
	 * {@code initialBackoff}, or {@code maxQueueBytes} is smaller than
	 * {@code maxBlobBytes}; the message starts with the setting to change
	 */
	public AsyncBlobUploaderBuilder validate() {
		check(this.maxBackoff.compareTo(this.initialBackoff) >= 0, "maxBackoff (" + this.maxBackoff
				+ ") must not be shorter than initialBackoff (" + this.initialBackoff + ")");
		check(this.maxQueueBytes >= this.maxBlobBytes,
				"maxQueueBytes (" + this.maxQueueBytes + " bytes) must not be smaller than maxBlobBytes ("
						+ this.maxBlobBytes + " bytes), or the largest blobs could never be queued");
		check(this.spoolDirectory == null || this.spoolMaxBytes >= DiskSpool.chargeFor((int) this.maxBlobBytes),
				"spoolMaxBytes (" + this.spoolMaxBytes + " bytes) must not be smaller than maxBlobBytes ("
						+ this.maxBlobBytes + " bytes), or the largest blobs could never be spooled");
		return this;
	}

	private static void checkPositive(String name, Duration value) {
		check(value != null && !value.isNegative() && !value.isZero(),
				name + " must be a positive duration but was " + value);
	}

	private static void check(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
