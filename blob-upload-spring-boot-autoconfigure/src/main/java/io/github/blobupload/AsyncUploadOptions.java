package io.github.blobupload;

import java.time.Duration;
import java.util.Objects;

/**
 * Settings of the asynchronous upload engine built by
 * {@link BlobUploaders#fromSimpleBlobUploader(SimpleBlobUploader, AsyncUploadOptions)}.
 * Immutable; create one with {@link #builder()}.
 */
public final class AsyncUploadOptions {

	/** Default name of an uploader. */
	public static final String DEFAULT_NAME = "default";

	/** Default capacity of the queue in blobs. */
	public static final int DEFAULT_MAX_QUEUE_SIZE = 1000;

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

	/** Default interval between two log lines about the same kind of problem. */
	public static final Duration DEFAULT_LOG_INTERVAL = Duration.ofSeconds(30);

	private final String name;

	private final int maxQueueSize;

	private final long maxQueueBytes;

	private final long maxBlobBytes;

	private final int workers;

	private final Duration uploadTimeout;

	private final int maxAttempts;

	private final Duration initialBackoff;

	private final Duration maxBackoff;

	private final int dedupeCacheSize;

	private final Duration shutdownTimeout;

	private final Duration logInterval;

	private final BlobUploadListener listener;

	private AsyncUploadOptions(Builder builder) {
		this.name = builder.name;
		this.maxQueueSize = builder.maxQueueSize;
		this.maxQueueBytes = builder.maxQueueBytes;
		this.maxBlobBytes = builder.maxBlobBytes;
		this.workers = builder.workers;
		this.uploadTimeout = builder.uploadTimeout;
		this.maxAttempts = builder.maxAttempts;
		this.initialBackoff = builder.initialBackoff;
		this.maxBackoff = builder.maxBackoff;
		this.dedupeCacheSize = builder.dedupeCacheSize;
		this.shutdownTimeout = builder.shutdownTimeout;
		this.logInterval = builder.logInterval;
		this.listener = builder.listener;
	}

	/**
	 * Returns a builder with every setting at its default.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * Returns the default options.
	 * @return options with every setting at its default
	 */
	public static AsyncUploadOptions defaults() {
		return builder().build();
	}

	/**
	 * Returns a builder initialised with these options.
	 * @return a new builder
	 */
	public Builder toBuilder() {
		Builder builder = new Builder();
		builder.name = this.name;
		builder.maxQueueSize = this.maxQueueSize;
		builder.maxQueueBytes = this.maxQueueBytes;
		builder.maxBlobBytes = this.maxBlobBytes;
		builder.workers = this.workers;
		builder.uploadTimeout = this.uploadTimeout;
		builder.maxAttempts = this.maxAttempts;
		builder.initialBackoff = this.initialBackoff;
		builder.maxBackoff = this.maxBackoff;
		builder.dedupeCacheSize = this.dedupeCacheSize;
		builder.shutdownTimeout = this.shutdownTimeout;
		builder.logInterval = this.logInterval;
		builder.listener = this.listener;
		return builder;
	}

	/** @return the uploader's name, used in thread names, logs and metrics */
	public String name() {
		return this.name;
	}

	/** @return the queue's capacity in blobs */
	public int maxQueueSize() {
		return this.maxQueueSize;
	}

	/** @return the capacity in bytes of queued and in-flight blobs */
	public long maxQueueBytes() {
		return this.maxQueueBytes;
	}

	/** @return the largest blob accepted, in bytes */
	public long maxBlobBytes() {
		return this.maxBlobBytes;
	}

	/** @return the number of upload workers */
	public int workers() {
		return this.workers;
	}

	/** @return the time one upload attempt may take */
	public Duration uploadTimeout() {
		return this.uploadTimeout;
	}

	/** @return the number of attempts per blob, the first included */
	public int maxAttempts() {
		return this.maxAttempts;
	}

	/** @return the backoff before the first retry */
	public Duration initialBackoff() {
		return this.initialBackoff;
	}

	/** @return the longest backoff between retries */
	public Duration maxBackoff() {
		return this.maxBackoff;
	}

	/** @return how many recently uploaded destinations are remembered; 0 turns deduplication off */
	public int dedupeCacheSize() {
		return this.dedupeCacheSize;
	}

	/** @return how long {@link ManagedBlobUploader#close()} keeps uploading */
	public Duration shutdownTimeout() {
		return this.shutdownTimeout;
	}

	/** @return the interval between two log lines about the same kind of problem */
	public Duration logInterval() {
		return this.logInterval;
	}

	/** @return the listener told about each blob */
	public BlobUploadListener listener() {
		return this.listener;
	}

	@Override
	public String toString() {
		return "AsyncUploadOptions[name=" + this.name + ", maxQueueSize=" + this.maxQueueSize + ", maxQueueBytes="
				+ this.maxQueueBytes + ", maxBlobBytes=" + this.maxBlobBytes + ", workers=" + this.workers
				+ ", uploadTimeout=" + this.uploadTimeout + ", maxAttempts=" + this.maxAttempts + ", initialBackoff="
				+ this.initialBackoff + ", maxBackoff=" + this.maxBackoff + ", dedupeCacheSize="
				+ this.dedupeCacheSize + ", shutdownTimeout=" + this.shutdownTimeout + "]";
	}

	/**
	 * Builds {@link AsyncUploadOptions}. Each setter validates its argument and throws
	 * {@link IllegalArgumentException} naming the setting and the bad value.
	 */
	public static final class Builder {

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

		private BlobUploadListener listener = BlobUploadListener.NONE;

		private Builder() {
		}

		/**
		 * Sets the uploader's name.
		 * @param name a non-blank name
		 * @return this builder
		 */
		public Builder name(String name) {
			check(name != null && !name.isBlank(), "name must not be blank but was '" + name + "'");
			this.name = name;
			return this;
		}

		/**
		 * Sets the queue's capacity in blobs.
		 * @param maxQueueSize at least 1
		 * @return this builder
		 */
		public Builder maxQueueSize(int maxQueueSize) {
			check(maxQueueSize >= 1, "maxQueueSize must be at least 1 but was " + maxQueueSize);
			this.maxQueueSize = maxQueueSize;
			return this;
		}

		/**
		 * Sets the capacity in bytes of queued and in-flight blobs.
		 * @param maxQueueBytes at least 1
		 * @return this builder
		 */
		public Builder maxQueueBytes(long maxQueueBytes) {
			check(maxQueueBytes >= 1, "maxQueueBytes must be at least 1 but was " + maxQueueBytes);
			this.maxQueueBytes = maxQueueBytes;
			return this;
		}

		/**
		 * Sets the largest blob accepted.
		 * @param maxBlobBytes at least 1
		 * @return this builder
		 */
		public Builder maxBlobBytes(long maxBlobBytes) {
			check(maxBlobBytes >= 1, "maxBlobBytes must be at least 1 but was " + maxBlobBytes);
			this.maxBlobBytes = maxBlobBytes;
			return this;
		}

		/**
		 * Sets the number of upload workers.
		 * @param workers at least 1
		 * @return this builder
		 */
		public Builder workers(int workers) {
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
		public Builder uploadTimeout(Duration uploadTimeout) {
			checkPositive("uploadTimeout", uploadTimeout);
			this.uploadTimeout = uploadTimeout;
			return this;
		}

		/**
		 * Sets the number of attempts per blob, the first included (1 means no retry).
		 * @param maxAttempts at least 1
		 * @return this builder
		 */
		public Builder maxAttempts(int maxAttempts) {
			check(maxAttempts >= 1, "maxAttempts must be at least 1 but was " + maxAttempts);
			this.maxAttempts = maxAttempts;
			return this;
		}

		/**
		 * Sets the backoff before the first retry; it doubles for each further retry, up
		 * to the maximum, with random jitter.
		 * @param initialBackoff a positive duration
		 * @return this builder
		 */
		public Builder initialBackoff(Duration initialBackoff) {
			checkPositive("initialBackoff", initialBackoff);
			this.initialBackoff = initialBackoff;
			return this;
		}

		/**
		 * Sets the longest backoff between retries.
		 * @param maxBackoff a positive duration
		 * @return this builder
		 */
		public Builder maxBackoff(Duration maxBackoff) {
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
		public Builder dedupeCacheSize(int dedupeCacheSize) {
			check(dedupeCacheSize >= 0, "dedupeCacheSize must not be negative but was " + dedupeCacheSize);
			this.dedupeCacheSize = dedupeCacheSize;
			return this;
		}

		/**
		 * Sets how long {@link ManagedBlobUploader#close()} keeps uploading.
		 * @param shutdownTimeout zero or a positive duration
		 * @return this builder
		 */
		public Builder shutdownTimeout(Duration shutdownTimeout) {
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
		public Builder logInterval(Duration logInterval) {
			checkPositive("logInterval", logInterval);
			this.logInterval = logInterval;
			return this;
		}

		/**
		 * Sets the listener told about each blob.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(BlobUploadListener listener) {
			this.listener = Objects.requireNonNull(listener, "listener must not be null");
			return this;
		}

		/**
		 * Builds the options.
		 * @return the options
		 * @throws IllegalArgumentException if the settings contradict each other
		 */
		public AsyncUploadOptions build() {
			check(this.maxBackoff.compareTo(this.initialBackoff) >= 0, "maxBackoff (" + this.maxBackoff
					+ ") must not be shorter than initialBackoff (" + this.initialBackoff + ")");
			return new AsyncUploadOptions(this);
		}

		private static void checkPositive(String name, Duration value) {
			check(value != null && !value.isNegative() && !value.isZero(),
					name + " must be positive but was " + value);
		}

		private static void check(boolean condition, String message) {
			if (!condition) {
				throw new IllegalArgumentException(message);
			}
		}

	}

}
