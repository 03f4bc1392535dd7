package io.github.blobupload.engine;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.UploadError;
import io.github.blobupload.internal.HeaderValues;
import io.github.blobupload.internal.RateLimitedLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous upload engine: makes a {@link SimpleBlobUploader} asynchronous with a
 * queue bounded in blobs and in bytes, worker threads, retries with exponential backoff
 * and jitter, a timeout per attempt, deduplication of recently uploaded destinations,
 * and counted refusals. Create one with {@link #builder(SimpleBlobUploader)}.
 * <p>
 * The caller's thread only names the destination (through the provider), claims it
 * against recent uploads, reserves room in a queue bounded in blobs and in bytes, and
 * offers; it never blocks and never waits for storage. Worker threads take blobs from the
 * queue and upload them, each attempt on a separate I/O thread so that it can be timed out,
 * retrying with exponential backoff and jitter. Refusals, failures and retries are
 * counted and logged as rate-limited summary lines: the first of a kind at once, then at
 * most one line per log interval saying how many more there were (the workers report a
 * burst that has ended, and shutdown reports what is left); content is never logged.
 */
public final class AsyncBlobUploader implements ManagedBlobUploader {

	private static final Logger logger = LoggerFactory.getLogger(AsyncBlobUploader.class);

	/** The longest content type sent to storage (as a header or in a sidecar). */
	private static final int MAX_CONTENT_TYPE_LENGTH = 1024;

	private final SimpleBlobUploader provider;

	private final EngineSettings options;

	private final String name;

	private final RetryPolicy retryPolicy;

	private final RecentUploads recentUploads;

	private final PendingTracker pending = new PendingTracker();

	private final BlockingQueue<UploadTask> queue;

	private final AtomicLong pendingBytes = new AtomicLong();

	private final AtomicLong peakPendingBytes = new AtomicLong();

	private final AtomicInteger inFlight = new AtomicInteger();

	private final List<Thread> workers;

	private final ExecutorService ioExecutor;

	private final AtomicBoolean shutdown = new AtomicBoolean();

	private final CompletableFuture<Boolean> shutdownResult = new CompletableFuture<>();

	private volatile boolean terminating;

	private final AtomicLong shutdownDrops = new AtomicLong();

	private final AtomicLong shutdownDropBytes = new AtomicLong();

	private final LongAdder submitted = new LongAdder();

	private final LongAdder deduplicated = new LongAdder();

	private final LongAdder uploaded = new LongAdder();

	private final LongAdder failed = new LongAdder();

	private final LongAdder retries = new LongAdder();

	private final Map<DropReason, LongAdder> dropped = new EnumMap<>(DropReason.class);

	private final AtomicLong consecutiveFailures = new AtomicLong();

	private final AtomicReference<@Nullable UploadError> lastError = new AtomicReference<>();

	private final AtomicReference<@Nullable Instant> lastSuccess = new AtomicReference<>();

	private final RateLimitedLogger refusalLog;

	private final RateLimitedLogger failureLog;

	private final RateLimitedLogger listenerLog;

	AsyncBlobUploader(SimpleBlobUploader provider, EngineSettings options) {
		this.provider = provider;
		this.options = options;
		this.name = options.name();
		this.retryPolicy = new RetryPolicy(options.maxAttempts(), options.initialBackoff(), options.maxBackoff());
		this.recentUploads = new RecentUploads(options.dedupeCacheSize());
		this.queue = new LinkedBlockingQueue<>(options.maxQueueSize());
		for (DropReason reason : DropReason.values()) {
			this.dropped.put(reason, new LongAdder());
		}
		this.refusalLog = new RateLimitedLogger(logger, options.logInterval());
		this.failureLog = new RateLimitedLogger(logger, options.logInterval());
		this.listenerLog = new RateLimitedLogger(logger, options.logInterval());
		this.ioExecutor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
				daemonThreads("blob-upload-" + this.name + "-io-"));
		ThreadFactory workerThreads = daemonThreads("blob-upload-" + this.name + "-worker-");
		List<Thread> started = new ArrayList<>(options.workers());
		for (int i = 0; i < options.workers(); i++) {
			Thread worker = workerThreads.newThread(this::runWorker);
			started.add(worker);
			worker.start();
		}
		this.workers = Collections.unmodifiableList(started);
		CallerPathWarmUp.startOnce();
	}

	/**
	 * Returns a builder for an uploader writing through the given provider, with every
	 * setting at its default.
	 * @param provider the storage provider; its {@code uploadSync} runs on the upload
	 * workers
	 * @return a new builder
	 */
	public static AsyncBlobUploaderBuilder builder(SimpleBlobUploader provider) {
		return new AsyncBlobUploaderBuilder(provider);
	}

	@Override
	public String name() {
		return this.name;
	}

	@Override
	public String uploadAsync(Blob blob) {
		this.submitted.increment();
		if (blob == null) {
			return refuse(DropReason.INVALID, null, () -> "a null blob was given");
		}
		if (this.shutdown.get()) {
			return refuse(DropReason.ALREADY_SHUTDOWN, blob, () -> "the uploader has been shut down");
		}
		int size = blob.size();
		if (size == 0) {
			return refuse(DropReason.EMPTY, blob, () -> "the blob is empty");
		}
		if (size > this.options.maxBlobBytes()) {
			return refuse(DropReason.TOO_LARGE, blob,
					() -> "the blob has " + size + " bytes, over the limit of " + this.options.maxBlobBytes());
		}
		if (!isSendable(blob.contentType())) {
			return refuse(DropReason.INVALID, blob, () -> "its content type cannot be sent to storage: it holds "
					+ "control or non-ASCII characters or is over " + MAX_CONTENT_TYPE_LENGTH + " characters long");
		}
		String uri;
		try {
			uri = this.provider.generateDestinationUri(blob);
		}
		catch (RuntimeException ex) {
			return refuse(DropReason.INVALID, blob, () -> "no destination could be named: " + describe(ex));
		}
		if (!this.recentUploads.tryClaim(uri)) {
			this.deduplicated.increment();
			notifyListener((listener) -> listener.onDeduplicated(this.name, uri, blob));
			return uri;
		}
		if (!reserveBytes(size)) {
			this.recentUploads.release(uri, false);
			return refuse(DropReason.QUEUE_FULL, blob, () -> "the queue is full in bytes (" + this.pendingBytes.get()
					+ " of " + this.options.maxQueueBytes() + " bytes held)");
		}
		UploadTask task = new UploadTask(uri, blob, this.pending.begin());
		if (!this.queue.offer(task)) {
			this.pendingBytes.addAndGet(-size);
			this.recentUploads.release(uri, false);
			this.pending.end(task.sequence());
			return refuse(DropReason.QUEUE_FULL, blob,
					() -> "the queue is full (" + this.options.maxQueueSize() + " blobs)");
		}
		if (this.shutdown.get() && this.queue.remove(task)) {
			// Shut down between the check above and the offer: the shutdown may already
			// have drained the queue, so take the blob back rather than strand it.
			this.pendingBytes.addAndGet(-size);
			this.recentUploads.release(uri, false);
			this.pending.end(task.sequence());
			return refuse(DropReason.ALREADY_SHUTDOWN, blob, () -> "the uploader has been shut down");
		}
		notifyListener((listener) -> listener.onAccepted(this.name, uri, blob));
		return uri;
	}

	@Override
	public boolean flush(Duration timeout) {
		try {
			return this.pending.awaitAllBefore(timeout.toNanos());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	@Override
	public boolean shutdown(Duration timeout) {
		if (!this.shutdown.compareAndSet(false, true)) {
			return this.shutdownResult.join();
		}
		long start = System.nanoTime();
		boolean finished = flush(timeout);
		this.terminating = true;
		this.workers.forEach(Thread::interrupt);
		for (Thread worker : this.workers) {
			try {
				worker.join(TimeUnit.SECONDS.toMillis(1));
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				break;
			}
		}
		UploadTask task;
		while ((task = this.queue.poll()) != null) {
			drop(task, false);
		}
		this.ioExecutor.shutdownNow();
		reportSuppressed(true);
		long unfinished = this.shutdownDrops.get();
		if (unfinished > 0) {
			BlobUploadStats stats = stats();
			logger.warn("Blob uploader '{}' shut down after {} ms with {} blobs ({} bytes) not uploaded: the shutdown "
					+ "timeout of {} ran out; totals: {} uploaded, {} failed, {} dropped, {} deduplicated", this.name,
					TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), unfinished, this.shutdownDropBytes.get(),
					timeout, stats.uploaded(), stats.failed(), stats.droppedTotal(), stats.deduplicated());
		}
		boolean result = finished && unfinished == 0;
		this.shutdownResult.complete(result);
		return result;
	}

	@Override
	public void close() {
		shutdown(this.options.shutdownTimeout());
	}

	@Override
	public BlobUploadStats stats() {
		Map<DropReason, Long> drops = new EnumMap<>(DropReason.class);
		this.dropped.forEach((reason, count) -> drops.put(reason, count.sum()));
		return new BlobUploadStats(this.submitted.sum(), this.deduplicated.sum(), this.uploaded.sum(),
				this.failed.sum(), Collections.unmodifiableMap(drops), this.retries.sum(), this.queue.size(),
				this.inFlight.get(), this.pendingBytes.get(), this.peakPendingBytes.get(), this.options.maxQueueSize(),
				this.options.maxQueueBytes(), this.consecutiveFailures.get(), this.lastError.get(),
				this.lastSuccess.get(), this.shutdown.get());
	}

	@Override
	public Optional<StorageProbe> storageProbe() {
		return (this.provider instanceof StorageProbe probe) ? Optional.of(probe) : Optional.empty();
	}

	@Override
	public String toString() {
		return "AsyncBlobUploader[" + this.options + ", provider=" + this.provider + "]";
	}

	private boolean reserveBytes(long size) {
		long max = this.options.maxQueueBytes();
		long held;
		while (true) {
			long current = this.pendingBytes.get();
			if (current + size > max) {
				return false;
			}
			held = current + size;
			if (this.pendingBytes.compareAndSet(current, held)) {
				break;
			}
		}
		long peak;
		while (held > (peak = this.peakPendingBytes.get()) && !this.peakPendingBytes.compareAndSet(peak, held)) {
			// Another caller raised the peak meanwhile; compare again.
		}
		return true;
	}

	/**
	 * Logs one summary line for each kind of event suppressed by the rate limit since its
	 * last line: once the log interval has passed, or at once when {@code force} is set.
	 */
	private void reportSuppressed(boolean force) {
		this.refusalLog.reportSuppressed((count) -> "Blob uploader '" + this.name + "' refused " + count
				+ " more " + blobs(count) + " since the last report; refused so far: " + refusalTotals(), force);
		this.failureLog.reportSuppressed((count) -> {
			UploadError error = this.lastError.get();
			return "Blob uploader '" + this.name + "' failed to upload " + count
					+ " more " + blobs(count) + " since the last report; " + this.failed.sum() + " failed so far"
					+ ((error != null) ? "; last error: " + error.message() : "");
		}, force);
		this.listenerLog.reportSuppressed((count) -> "Blob upload listener threw " + count + " more "
				+ ((count == 1) ? "time" : "times") + " since the last report", force);
	}

	private static String blobs(long count) {
		return (count == 1) ? "blob" : "blobs";
	}

	private String refusalTotals() {
		StringBuilder totals = new StringBuilder();
		this.dropped.forEach((reason, count) -> {
			long sum = count.sum();
			if (reason.isRefusal() && sum > 0) {
				totals.append((totals.length() > 0) ? ", " : "").append(reason.tag()).append('=').append(sum);
			}
		});
		return totals.toString();
	}

	private String refuse(DropReason reason, @Nullable Blob blob, Supplier<String> why) {
		this.dropped.get(reason).increment();
		this.refusalLog.warn(() -> "Blob uploader '" + this.name + "' refused a blob (" + reason.tag() + "): "
				+ why.get() + "; " + this.dropped.get(reason).sum() + " refused for this reason so far");
		if (blob != null) {
			notifyListener((listener) -> listener.onDropped(this.name, reason, blob));
		}
		return NOT_UPLOADED;
	}

	private void runWorker() {
		// Waking up at least once per log interval lets an idle worker report a burst of
		// refusals or failures that ended before the interval had passed.
		long wakeUpNanos = this.options.logInterval().toNanos();
		while (!this.terminating) {
			UploadTask task;
			try {
				task = this.queue.poll(wakeUpNanos, TimeUnit.NANOSECONDS);
			}
			catch (InterruptedException ex) {
				if (this.terminating) {
					return;
				}
				continue;
			}
			if (task != null) {
				// Decremented by complete(), before the flush tracker learns the blob is
				// done, so that stats taken after a flush never show it in flight.
				this.inFlight.incrementAndGet();
				upload(task);
			}
			reportSuppressed(false);
		}
	}

	private void upload(UploadTask task) {
		long start = System.nanoTime();
		int attempt = 0;
		while (true) {
			attempt++;
			Throwable error;
			try {
				attemptUpload(task);
				succeed(task, System.nanoTime() - start, attempt);
				return;
			}
			catch (InterruptedException ex) {
				drop(task, true);
				return;
			}
			catch (Throwable ex) {
				error = ex;
			}
			boolean permanent = error instanceof PermanentUploadException;
			if (permanent || !this.retryPolicy.shouldRetry(attempt)) {
				fail(task, error, permanent, attempt);
				if (error instanceof VirtualMachineError fatal) {
					throw fatal;
				}
				return;
			}
			this.retries.increment();
			int failedAttempt = attempt;
			notifyListener((listener) -> listener.onRetry(this.name, task.uri(), task.blob(), failedAttempt, error));
			try {
				TimeUnit.NANOSECONDS.sleep(this.retryPolicy.backoffNanos(attempt));
			}
			catch (InterruptedException ex) {
				drop(task, true);
				return;
			}
		}
	}

	/**
	 * Runs one attempt on an I/O thread so that it can be abandoned at the timeout.
	 * @throws InterruptedException if the uploader is terminating
	 * @throws Throwable what the provider threw, or a {@link TimeoutException}
	 */
	private void attemptUpload(UploadTask task) throws Throwable {
		if (this.terminating) {
			throw new InterruptedException();
		}
		Future<?> future;
		try {
			future = this.ioExecutor.submit(() -> {
				this.provider.uploadSync(task.uri(), task.blob());
				return null;
			});
		}
		catch (RejectedExecutionException ex) {
			throw new InterruptedException();
		}
		try {
			future.get(this.options.uploadTimeout().toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (ExecutionException ex) {
			throw (ex.getCause() != null) ? ex.getCause() : ex;
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw new TimeoutException("upload did not finish within " + this.options.uploadTimeout());
		}
		catch (CancellationException | InterruptedException ex) {
			future.cancel(true);
			if (this.terminating) {
				throw new InterruptedException();
			}
			throw new InterruptedIOException("upload attempt was interrupted");
		}
	}

	private void succeed(UploadTask task, long nanos, int attempts) {
		this.uploaded.increment();
		this.consecutiveFailures.set(0);
		this.lastSuccess.set(Instant.now());
		notifyListener((listener) -> listener.onUploaded(this.name, task.uri(), task.blob(), Duration.ofNanos(nanos),
				attempts));
		complete(task, true, true);
	}

	private void fail(UploadTask task, Throwable error, boolean permanent, int attempts) {
		this.failed.increment();
		this.consecutiveFailures.incrementAndGet();
		this.lastError.set(new UploadError(Instant.now(), task.uri(), describe(error), permanent, attempts));
		this.failureLog.warn(() -> "Blob uploader '" + this.name + "' failed to upload " + task.uri() + " after "
				+ attempts + ((attempts == 1) ? " attempt" : " attempts") + (permanent ? " (permanent error)" : "")
				+ ": " + describe(error) + "; " + this.failed.sum() + " failed so far", error);
		notifyListener((listener) -> listener.onFailed(this.name, task.uri(), task.blob(), error, permanent, attempts));
		complete(task, false, true);
	}

	private void drop(UploadTask task, boolean inFlight) {
		this.dropped.get(DropReason.SHUTDOWN_TIMEOUT).increment();
		this.shutdownDrops.incrementAndGet();
		this.shutdownDropBytes.addAndGet(task.blob().size());
		notifyListener((listener) -> listener.onDropped(this.name, DropReason.SHUTDOWN_TIMEOUT, task.blob()));
		complete(task, false, inFlight);
	}

	private void complete(UploadTask task, boolean success, boolean inFlight) {
		this.pendingBytes.addAndGet(-task.blob().size());
		this.recentUploads.release(task.uri(), success);
		if (inFlight) {
			this.inFlight.decrementAndGet();
		}
		this.pending.end(task.sequence());
	}

	private void notifyListener(Consumer<BlobUploadListener> event) {
		try {
			event.accept(this.options.listener());
		}
		catch (RuntimeException ex) {
			this.listenerLog.warn(() -> "Blob upload listener threw " + describe(ex), ex);
		}
	}

	/**
	 * Returns whether a content type can go into an HTTP header as is: no line breaks
	 * (header injection), nothing outside printable ASCII, a bounded length.
	 */
	private static boolean isSendable(String contentType) {
		return contentType.length() <= MAX_CONTENT_TYPE_LENGTH && HeaderValues.indexOfUnsafe(contentType) < 0;
	}

	private static String describe(Throwable error) {
		String message = error.getMessage();
		return error.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	private static ThreadFactory daemonThreads(String prefix) {
		AtomicInteger counter = new AtomicInteger();
		return (runnable) -> {
			Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}

	/** A blob accepted for upload, its destination and its place in the flush order. */
	private record UploadTask(String uri, Blob blob, long sequence) {
	}

}
