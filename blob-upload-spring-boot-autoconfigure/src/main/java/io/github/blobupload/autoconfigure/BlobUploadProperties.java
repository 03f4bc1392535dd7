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

package io.github.blobupload.autoconfigure;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.convert.DurationUnit;
import org.springframework.util.StringUtils;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of blob uploading and of the upload engine ({@code blob.upload.*}). The
 * storage providers, the Spring AI integration and the operations features are configured
 * by properties classes of their own, next to their auto-configurations.
 */
@ConfigurationProperties("blob.upload")
public class BlobUploadProperties {

	/**
	 * Whether to upload blobs. Off by default: uploading copies user content (prompts,
	 * images, documents, audio) to storage. When off, every uploader returns /dev/null.
	 */
	private boolean enabled = false;

	/**
	 * Where blobs are written: a URI prefix whose scheme selects the storage provider,
	 * such as file:///var/lib/app/blobs, s3://bucket/prefix, gs://bucket/prefix or
	 * azblob://account/container/prefix. The default, a 'blob-uploads' folder in the
	 * working directory, is meant for trying the starter out: a warning is logged when it
	 * is used.
	 */
	private String uriPrefix = "file:blob-uploads";

	// Not a setting: whether uri-prefix was set, so that using the default can be warned
	// about.
	private boolean uriPrefixSet;

	/** Largest blob accepted; larger blobs are refused, counted and not uploaded. */
	private DataSize maxBlobSize = DataSize.ofMegabytes(20);

	/**
	 * How object names are chosen: 'content-addressed' (SHA-256 of the content, so the
	 * same bytes are stored once) or 'uuid' (random, no hashing on the caller's thread).
	 */
	private Naming naming = Naming.CONTENT_ADDRESSED;

	/**
	 * Number of recently uploaded destinations remembered so that the same content is not
	 * uploaded again; 0 turns deduplication off.
	 */
	private int dedupeCacheSize = 10_000;

	/**
	 * How long the application's shutdown waits for queued blobs to be uploaded; what is
	 * not uploaded by then is counted as dropped and reported in one log line.
	 */
	private Duration shutdownTimeout = Duration.ofSeconds(10);

	/** Shortest interval between two log lines about the same kind of problem. */
	private Duration logInterval = Duration.ofSeconds(30);

	/**
	 * How long stored blobs are kept after their last use (written, or re-used instead of
	 * written again), in whole days, such as 7d or 90 (plain numbers are days). Not set:
	 * kept until deleted otherwise, as before. A use case's own retention replaces it;
	 * for objects that use cases share (same prefix) the longest retention wins. S3,
	 * Azure and Google Cloud Storage need a lifecycle rule on the bucket (see
	 * docs/erasure-and-retention.md); file: prefixes are swept by the starter.
	 */
	@DurationUnit(ChronoUnit.DAYS)
	private @Nullable Duration retention;

	/**
	 * Interval between two sweeps of the prefixes whose store has no lifecycle rules
	 * (file:), which delete the objects past their retention.
	 */
	private Duration retentionSweepInterval = Duration.ofHours(1);

	private final Queue queue = new Queue();

	private final Worker worker = new Worker();

	private final Retry retry = new Retry();

	private final Spool spool = new Spool();

	/**
	 * Use cases (such as chat.input or image.output) with settings of their own, by name.
	 * A use case without a uri-prefix is written to a folder of its name under the
	 * default prefix. Use cases not listed here go to the default prefix.
	 */
	private final Map<String, UseCase> useCases = new LinkedHashMap<>();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public String getUriPrefix() {
		return this.uriPrefix;
	}

	/**
	 * Sets the URI prefix; a blank one keeps the default.
	 * @param uriPrefix the prefix
	 */
	public void setUriPrefix(@Nullable String uriPrefix) {
		if (!StringUtils.hasText(uriPrefix)) {
			return;
		}
		this.uriPrefix = uriPrefix.strip();
		this.uriPrefixSet = true;
	}

	/**
	 * Returns whether a URI prefix was set, rather than the default being used.
	 * @return whether {@code uri-prefix} was set
	 */
	public boolean isUriPrefixSet() {
		return this.uriPrefixSet;
	}

	public DataSize getMaxBlobSize() {
		return this.maxBlobSize;
	}

	public void setMaxBlobSize(DataSize maxBlobSize) {
		this.maxBlobSize = maxBlobSize;
	}

	public Naming getNaming() {
		return this.naming;
	}

	public void setNaming(Naming naming) {
		this.naming = naming;
	}

	public int getDedupeCacheSize() {
		return this.dedupeCacheSize;
	}

	public void setDedupeCacheSize(int dedupeCacheSize) {
		this.dedupeCacheSize = dedupeCacheSize;
	}

	public Duration getShutdownTimeout() {
		return this.shutdownTimeout;
	}

	public void setShutdownTimeout(Duration shutdownTimeout) {
		this.shutdownTimeout = shutdownTimeout;
	}

	public Duration getLogInterval() {
		return this.logInterval;
	}

	public void setLogInterval(Duration logInterval) {
		this.logInterval = logInterval;
	}

	public @Nullable Duration getRetention() {
		return this.retention;
	}

	public void setRetention(@Nullable Duration retention) {
		this.retention = retention;
	}

	public Duration getRetentionSweepInterval() {
		return this.retentionSweepInterval;
	}

	public void setRetentionSweepInterval(Duration retentionSweepInterval) {
		this.retentionSweepInterval = retentionSweepInterval;
	}

	public Queue getQueue() {
		return this.queue;
	}

	public Worker getWorker() {
		return this.worker;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Spool getSpool() {
		return this.spool;
	}

	public Map<String, UseCase> getUseCases() {
		return this.useCases;
	}

	/** How object names are chosen. */
	public enum Naming {

		/** SHA-256 of the content plus the content type's extension. */
		CONTENT_ADDRESSED,

		/** A random UUID plus the content type's extension. */
		UUID

	}

	/** The upload queue, shared by the workers of one uploader. */
	public static class Queue {

		/**
		 * Most blobs held in memory (queued, being uploaded, waiting to retry or parked);
		 * further blobs are refused and counted. Only a guard against floods of tiny
		 * blobs: max-bytes is the real limit.
		 */
		private int maxSize = 10000;

		/**
		 * Most bytes held in memory by blobs queued, being uploaded, waiting to retry or
		 * parked; further blobs are refused and counted (or, with the spool on, wait on
		 * disk). Bounds the memory the uploader can hold; at least max-blob-size.
		 */
		private DataSize maxBytes = DataSize.ofMegabytes(100);

		public int getMaxSize() {
			return this.maxSize;
		}

		public void setMaxSize(int maxSize) {
			this.maxSize = maxSize;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

	}

	/** The upload workers. */
	public static class Worker {

		/** Number of upload worker threads per uploader. */
		private int threads = 2;

		/**
		 * Longest time one upload attempt may take before it is abandoned and retried.
		 */
		private Duration uploadTimeout = Duration.ofSeconds(30);

		public int getThreads() {
			return this.threads;
		}

		public void setThreads(int threads) {
			this.threads = threads;
		}

		public Duration getUploadTimeout() {
			return this.uploadTimeout;
		}

		public void setUploadTimeout(Duration uploadTimeout) {
			this.uploadTimeout = uploadTimeout;
		}

	}

	/** Retries of failed uploads, with exponential backoff and jitter. */
	public static class Retry {

		/** Attempts per blob, the first included; 1 means no retry. */
		private int maxAttempts = 3;

		/** Backoff before the first retry; it doubles for each further retry. */
		private Duration initialBackoff = Duration.ofMillis(250);

		/** Longest backoff between two retries; at least initial-backoff. */
		private Duration maxBackoff = Duration.ofSeconds(5);

		/**
		 * How long after its acceptance a blob that fails for a transient reason (storage
		 * unreachable, timeouts, throttling, 5xx) is still retried: once its attempts are
		 * spent it is parked and retried with a growing backoff until it is uploaded or
		 * this old, and only then counted failed. 0 turns parking off.
		 */
		private Duration maxAge = Duration.ofHours(12);

		/**
		 * Longest wait between two attempts at a parked blob. While storage is down, one
		 * parked blob is tried per wait; once one is uploaded, all are retried at once.
		 */
		private Duration maxParkedBackoff = Duration.ofMinutes(1);

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialBackoff() {
			return this.initialBackoff;
		}

		public void setInitialBackoff(Duration initialBackoff) {
			this.initialBackoff = initialBackoff;
		}

		public Duration getMaxBackoff() {
			return this.maxBackoff;
		}

		public void setMaxBackoff(Duration maxBackoff) {
			this.maxBackoff = maxBackoff;
		}

		public Duration getMaxAge() {
			return this.maxAge;
		}

		public void setMaxAge(Duration maxAge) {
			this.maxAge = maxAge;
		}

		public Duration getMaxParkedBackoff() {
			return this.maxParkedBackoff;
		}

		public void setMaxParkedBackoff(Duration maxParkedBackoff) {
			this.maxParkedBackoff = maxParkedBackoff;
		}

	}

	/**
	 * The durable spool: a private folder on local disk where accepted blobs wait until
	 * they are uploaded, so that a restart or a crash does not lose them. It holds user
	 * content (prompts' images, audio, documents), unencrypted, so it is off by default.
	 */
	public static class Spool {

		/**
		 * Whether accepted blobs are also written to local disk until they are uploaded,
		 * surviving restarts and crashes; parked blobs and blobs that do not fit in
		 * memory then wait there.
		 */
		private boolean enabled = false;

		/**
		 * Folder of the spool, one sub-folder per use case, created owner-only
		 * (rwx------). Must not be shared by two running processes. Defaults to
		 * blob-upload-spool in the temporary folder (java.io.tmpdir); use a persistent
		 * volume in containers.
		 */
		private @Nullable String directory;

		/**
		 * Most bytes the spool's files may take, per use case; further blobs are refused
		 * and counted (spool_full). At least max-blob-size.
		 */
		private DataSize maxBytes = DataSize.ofGigabytes(1);

		/**
		 * Whether each spool file is forced to the storage device before it counts as
		 * written: the spool then survives a power loss too, at the cost of a device
		 * flush per blob. Without it, it survives a crash of the process.
		 */
		private boolean fsync = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getDirectory() {
			return this.directory;
		}

		public void setDirectory(@Nullable String directory) {
			this.directory = directory;
		}

		public DataSize getMaxBytes() {
			return this.maxBytes;
		}

		public void setMaxBytes(DataSize maxBytes) {
			this.maxBytes = maxBytes;
		}

		public boolean isFsync() {
			return this.fsync;
		}

		public void setFsync(boolean fsync) {
			this.fsync = fsync;
		}

	}

	/** Settings of one use case. */
	public static class UseCase {

		/**
		 * Whether blobs of this use case are uploaded (when uploading is enabled at all).
		 */
		private boolean enabled = true;

		/**
		 * Where blobs of this use case are written. Defaults to a folder named after the
		 * use case under the default prefix.
		 */
		private @Nullable String uriPrefix;

		/**
		 * How long blobs of this use case are kept after their last use, in whole days,
		 * such as 7d (plain numbers are days). Defaults to blob.upload.retention. When
		 * use cases share a prefix, the longest retention among them wins.
		 */
		@DurationUnit(ChronoUnit.DAYS)
		private @Nullable Duration retention;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable String getUriPrefix() {
			return this.uriPrefix;
		}

		public void setUriPrefix(@Nullable String uriPrefix) {
			this.uriPrefix = uriPrefix;
		}

		public @Nullable Duration getRetention() {
			return this.retention;
		}

		public void setRetention(@Nullable Duration retention) {
			this.retention = retention;
		}

	}

}
