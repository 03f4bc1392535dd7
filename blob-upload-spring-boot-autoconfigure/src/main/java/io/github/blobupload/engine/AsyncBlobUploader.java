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

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.internal.CallerLabels;
import io.github.blobupload.internal.HeaderValues;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The asynchronous upload engine: makes a {@link SimpleBlobUploader} asynchronous with a
 * queue bounded in blobs and in bytes, worker threads, retries with exponential backoff
 * and jitter, a timeout per attempt, deduplication of recently uploaded destinations, and
 * counted refusals. Create one with {@link #builder(SimpleBlobUploader)}.
 * <p>
 * The caller's thread only names the destination (through the provider), claims it
 * against recent uploads, reserves room in a queue bounded in blobs and in bytes, and
 * offers; it never blocks and never waits for storage. Worker threads take blobs from the
 * queue and upload them, each attempt on a separate I/O thread so that it can be timed
 * out, retrying with exponential backoff and jitter; a blob whose attempts fail for a
 * transient reason is parked and retried until it is uploaded or reaches its maximum age.
 * With a durable spool, every accepted blob is also written to local disk by a background
 * thread, so that a restart or a crash does not lose it; blobs wait on disk rather than
 * in memory when memory is more than half full. Refusals, failures, parkings and retries
 * are counted and logged as rate-limited summary lines: the first of a kind at once, then
 * at most one line per log interval saying how many more there were (the workers report a
 * burst that has ended, and shutdown reports what is left); content is never logged.
 */
public final class AsyncBlobUploader implements ManagedBlobUploader {

	/** The longest content type sent to storage (as a header or in a sidecar). */
	private static final int MAX_CONTENT_TYPE_LENGTH = 1024;

	/** How long a worker waits when memory has no room for a blob from the spool. */
	private static final long LOAD_RETRY_NANOS = 1_000_000;

	private final SimpleBlobUploader provider;

	private final EngineSettings options;

	private final String name;

	private final RecentUploads recentUploads;

	private final PendingTracker pending = new PendingTracker();

	private final UploadQueue queue;

	private final UploadCounters counters = new UploadCounters();

	private final UploadLog log;

	private final UploadOutcomes outcomes;

	private final UploadWorkers workers;

	private final RetryWaitList retryWaitList;

	private final @Nullable SpoolWriter spoolWriter;

	private final CallerLabels callerLabels;

	private final AtomicBoolean shutdown = new AtomicBoolean();

	private final CompletableFuture<Boolean> shutdownResult = new CompletableFuture<>();

	AsyncBlobUploader(SimpleBlobUploader provider, EngineSettings options) {
		this.provider = provider;
		this.options = options;
		this.name = options.name();
		this.recentUploads = new RecentUploads(options.dedupeCacheSize(), options.recentUploadsLifetime(),
				System::nanoTime);
		this.callerLabels = CallerLabels.of(options.callerLabels(), LoggerFactory.getLogger(AsyncBlobUploader.class));
		this.queue = new UploadQueue(options.maxQueueSize(), options.maxQueueBytes());
		this.log = new UploadLog(this.name, this.counters, options.logInterval());
		this.retryWaitList = RetryWaitList.started(this.name, this.queue::add);
		DiskSpool spool = openSpool(options);
		this.spoolWriter = (spool != null) ? new SpoolWriter(this.name, spool, this::written, this::spoolWriteFailed)
				: null;
		this.outcomes = new UploadOutcomes(this.name, options.listener(), this.counters, this.log, this.queue,
				this.recentUploads, this.pending, this.retryWaitList, this.spoolWriter);
		if (spool != null) {
			recover(spool);
		}
		// Waking up at least once per log interval lets an idle worker report a burst of
		// refusals or failures that ended before the interval had passed.
		this.workers = new UploadWorkers(this.name, options.workers(), provider, this.queue,
				new RetryPolicy(options.maxAttempts(), options.initialBackoff(), options.maxBackoff(), options.maxAge(),
						options.maxParkedBackoff()),
				options.uploadTimeout(), options.logInterval(), this.outcomes, () -> this.log.reportSuppressed(false),
				this.retryWaitList, (spool != null) ? this::load : SpoolLoader.NONE);
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
		this.counters.submitted();
		if (blob == null) {
			return this.outcomes.refused(DropReason.INVALID, null, () -> "a null blob was given");
		}
		if (this.shutdown.get()) {
			return this.outcomes.refused(DropReason.ALREADY_SHUTDOWN, blob, () -> "the uploader has been shut down");
		}
		int size = blob.size();
		if (size == 0) {
			return this.outcomes.refused(DropReason.EMPTY, blob, () -> "the blob is empty");
		}
		if (size > this.options.maxBlobBytes()) {
			return this.outcomes.refused(DropReason.TOO_LARGE, blob,
					() -> "the blob has " + size + " bytes, over the limit of " + this.options.maxBlobBytes());
		}
		if (!isSendable(blob.contentType())) {
			return this.outcomes.refused(DropReason.INVALID, blob,
					() -> "its content type cannot be sent to storage: it holds control or non-ASCII characters "
							+ "or is over " + MAX_CONTENT_TYPE_LENGTH + " characters long");
		}
		blob = withCallerLabels(blob);
		String uri;
		try {
			uri = this.provider.generateDestinationUri(blob);
		}
		catch (RuntimeException ex) {
			return this.outcomes.refused(DropReason.INVALID, blob,
					() -> "no destination could be named: " + UploadLog.describe(ex));
		}
		if (!this.recentUploads.tryClaim(uri)) {
			this.outcomes.deduplicated(uri, blob);
			return uri;
		}
		if (!this.queue.reserveSlot()) {
			this.recentUploads.release(uri, false);
			return this.outcomes.refused(DropReason.QUEUE_FULL, blob,
					() -> "the queue is full (" + this.queue.maxBlobs() + " blobs held)");
		}
		if (!this.queue.reserveBytes(size)) {
			this.queue.releaseSlot();
			this.recentUploads.release(uri, false);
			return this.outcomes.refused(DropReason.QUEUE_FULL, blob, () -> "the queue is full in bytes ("
					+ this.queue.pendingBytes() + " of " + this.queue.maxBytes() + " bytes held)");
		}
		SpoolWriter spool = this.spoolWriter;
		if (spool != null && !spool.spool().reserve(DiskSpool.chargeFor(size))) {
			this.queue.release(size);
			this.recentUploads.release(uri, false);
			return this.outcomes.refused(DropReason.SPOOL_FULL, blob, () -> "the spool is full ("
					+ spool.spool().usedBytes() + " of " + spool.spool().maxBytes() + " bytes used)");
		}
		UploadTask task = new UploadTask(uri, blob, this.pending.begin());
		this.pending.track(task);
		this.queue.add(task);
		if (this.shutdown.get() && this.queue.withdraw(task)) {
			// Shut down between the check above and the offer: the shutdown may already
			// have drained the queue, so take the blob back rather than strand it.
			task.finish();
			this.queue.release(size);
			if (spool != null) {
				spool.spool().unreserve(DiskSpool.chargeFor(size));
			}
			this.recentUploads.release(uri, false);
			this.pending.end(task.sequence());
			return this.outcomes.refused(DropReason.ALREADY_SHUTDOWN, blob, () -> "the uploader has been shut down");
		}
		if (spool != null) {
			spool.submit(task);
		}
		this.outcomes.accepted(uri, blob);
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

	/**
	 * Drops the blobs still waiting whose labels match: queued, waiting to retry, parked,
	 * or waiting in the spool (their spool files are deleted). Each is counted as dropped
	 * ({@link DropReason#ERASED}) and told to the listener; it gives back its room in the
	 * queue and on disk, and a {@link #flush(Duration) flush} no longer waits for it.
	 * This is what an erasure of their content calls first, so that they are not uploaded
	 * after it.
	 * <p>
	 * A blob a worker is uploading at this moment cannot be stopped: if the attempt
	 * succeeds, the object is written (an erasure keeps objects written within its grace
	 * period); if it fails, the blob is dropped rather than retried. Blobs accepted after
	 * this call are not affected.
	 * @param labels selects the blobs to drop by their labels
	 * @return how many blobs were dropped by this call (not counting those a worker held,
	 * which are dropped when their attempt fails)
	 */
	public int dropWaitingBlobs(Predicate<Map<String, String>> labels) {
		List<UploadTask> selected = new ArrayList<>();
		for (UploadTask task : this.pending.unfinished()) {
			if (labels.test(task.labels())) {
				// Marked first, so that a blob on its way to the retry wait list is
				// refused there once the wait list has been searched below.
				task.requestDrop();
				selected.add(task);
			}
		}
		if (selected.isEmpty()) {
			return 0;
		}
		int dropped = 0;
		for (UploadTask task : this.retryWaitList.removeDropRequested()) {
			this.outcomes.droppedOnRequest(task);
			dropped++;
		}
		for (UploadTask task : selected) {
			// Whoever takes a task out of the queue settles it: this call, or a worker,
			// which drops it because its drop was requested.
			if (this.queue.withdraw(task)) {
				this.outcomes.droppedOnRequest(task);
				dropped++;
			}
		}
		return dropped;
	}

	/**
	 * Forgets that blobs were uploaded to the given destinations, so that the same
	 * content given again is uploaded again rather than deduplicated: what to call once
	 * their objects were deleted.
	 * @param uris the destinations
	 */
	public void forget(Collection<String> uris) {
		this.recentUploads.forget(uris);
	}

	@Override
	public boolean shutdown(Duration timeout) {
		if (!this.shutdown.compareAndSet(false, true)) {
			return this.shutdownResult.join();
		}
		long start = System.nanoTime();
		boolean finished = flush(timeout);
		List<UploadTask> waiting = this.retryWaitList.stop();
		if (this.spoolWriter != null) {
			// Whatever is in memory goes to disk, for the next start, before the
			// workers stop and give up the blobs they hold.
			this.spoolWriter.stopAndWriteRest();
		}
		this.workers.stop();
		UploadTask task;
		while ((task = this.queue.poll()) != null) {
			this.outcomes.droppedAtShutdown(task);
		}
		waiting.forEach(this.outcomes::droppedAtShutdown);
		this.workers.abandonAttempts();
		if (this.spoolWriter != null) {
			this.spoolWriter.spool().close();
		}
		this.log.reportSuppressed(true);
		long unfinished = this.counters.shutdownDrops();
		this.log.shutdownIncomplete(System.nanoTime() - start, unfinished, this.counters.shutdownDropBytes(), timeout,
				stats());
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
		return this.counters.snapshot(this.queue, this.retryWaitList, this.spoolWriter,
				this.options.spoolDirectory() != null, this.shutdown.get());
	}

	@Override
	public Optional<StorageProbe> storageProbe() {
		return (this.provider instanceof StorageProbe probe) ? Optional.of(probe) : Optional.empty();
	}

	@Override
	public Optional<BlobReader> blobReader() {
		return this.provider.blobReader();
	}

	@Override
	public Optional<BlobDeleter> blobDeleter() {
		return this.provider.blobDeleter();
	}

	@Override
	public String toString() {
		return "AsyncBlobUploader[" + this.options + ", provider=" + this.provider + "]";
	}

	private @Nullable DiskSpool openSpool(EngineSettings options) {
		Path directory = options.spoolDirectory();
		if (directory == null) {
			return null;
		}
		try {
			return DiskSpool.open(directory, options.spoolMaxBytes(), options.spoolFsync());
		}
		catch (SpoolUnavailableException ex) {
			this.log.spoolUnavailable(ex.getMessage());
			return null;
		}
	}

	/**
	 * Queues the blobs an earlier run left in the spool, on disk only: the workers load
	 * each when memory has room.
	 */
	private void recover(DiskSpool spool) {
		long bytes = 0;
		List<SpoolFile> files = spool.recover(this.counters::spoolCorrupt);
		for (SpoolFile file : files) {
			if (!this.recentUploads.tryClaim(file.uri())) {
				// The same blob twice (a crash between two writes of one destination).
				spool.delete(file);
				continue;
			}
			this.counters.recovered();
			bytes += file.size();
			UploadTask task = new UploadTask(file, this.pending.begin());
			this.pending.track(task);
			this.queue.add(task);
		}
		this.log.spoolRecovered(spool.directory(), this.counters.recoveredCount(), bytes,
				this.counters.spoolCorruptCount());
	}

	/**
	 * Called on the spool writer's thread once a blob is on disk: when memory is more
	 * than half full, its bytes leave memory and it waits in the queue as a reference.
	 */
	private void written(UploadTask task) {
		if (this.queue.underPressure() && task.unload()) {
			this.queue.release(task.size());
		}
	}

	private void spoolWriteFailed(Exception error) {
		this.counters.spoolWriteFailed();
		this.log.spoolWriteFailed(error);
	}

	/**
	 * Loads a blob waiting on disk only, on a worker: when memory has no room, it goes
	 * back to the end of the queue; when its file cannot be read, it fails.
	 */
	private @Nullable Blob load(UploadTask task) {
		SpoolWriter spool = this.spoolWriter;
		SpoolFile file = task.spoolFile();
		if (spool == null || file == null) {
			this.outcomes.failed(task, new IllegalStateException("its bytes are neither in memory nor on disk"), true,
					task.attempts());
			return null;
		}
		if (!this.queue.tryReserve(task.size())) {
			this.queue.add(task);
			// Memory is full of blobs being uploaded; let one of them finish.
			LockSupport.parkNanos(LOAD_RETRY_NANOS);
			return null;
		}
		Blob blob;
		try {
			blob = spool.spool().read(file);
		}
		catch (IOException ex) {
			this.queue.release(task.size());
			if (ex instanceof CorruptSpoolFileException) {
				this.counters.spoolCorrupt();
				spool.spool().setAside(file.path());
			}
			this.outcomes.failed(task, ex, true, task.attempts());
			return null;
		}
		task.load(blob);
		return blob;
	}

	/**
	 * Adds the caller's labels the blob does not carry already; the same blob when there
	 * are none to add. Runs on the caller's thread.
	 */
	private Blob withCallerLabels(Blob blob) {
		Map<String, String> labels = this.callerLabels.get();
		if (labels.isEmpty()) {
			return blob;
		}
		Map<String, String> carried = blob.labels();
		Map<String, String> missing = null;
		for (Map.Entry<String, String> label : labels.entrySet()) {
			String key = label.getKey();
			String value = label.getValue();
			if (key != null && value != null && !carried.containsKey(key)) {
				if (missing == null) {
					missing = new LinkedHashMap<>();
				}
				missing.put(key, value);
			}
		}
		return (missing != null) ? blob.withLabels(missing) : blob;
	}

	/**
	 * Returns whether a content type can go into an HTTP header as is: no line breaks
	 * (header injection), nothing outside printable ASCII, a bounded length.
	 */
	private static boolean isSendable(String contentType) {
		return contentType.length() <= MAX_CONTENT_TYPE_LENGTH && HeaderValues.indexOfUnsafe(contentType) < 0;
	}

}
