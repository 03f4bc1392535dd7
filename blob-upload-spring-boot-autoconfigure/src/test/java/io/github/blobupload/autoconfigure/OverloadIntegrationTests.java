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

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.testsupport.GeneratedBlobs;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.UploadRecorder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Overload: 10,000 blobs of 1 KB to 1 MB offered from several threads as fast as they can
 * be made, to the auto-configured uploader writing to an S3 store (s3proxy) that is
 * slower than that: each write takes at least 10 ms and two workers upload.
 */
@ExtendWith(OutputCaptureExtension.class)
class OverloadIntegrationTests {

	private static final int BLOBS = 10_000;

	private static final int CALLERS = 4;

	private static final long MAX_QUEUE_BYTES = DataSize.ofMegabytes(16).toBytes();

	private static final int MAX_BLOB_BYTES = 1024 * 1024;

	private static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

	/**
	 * The most heap that may be held besides the queue's bytes once the callers are done.
	 */
	private static final long HEAP_BESIDES_THE_QUEUE = DataSize.ofMegabytes(8).toBytes();

	private static final String BUCKET = "overload";

	private static S3Emulator s3;

	@BeforeAll
	static void startSlowStorage() {
		s3 = S3Emulator.startSlow(Duration.ofMillis(10));
		s3.createBucket(BUCKET);
	}

	@AfterAll
	static void stopStorage() {
		s3.close();
	}

	@Test
	void tenThousandBlobsStayWithinTheByteBoundDropsCountedLoggedOnce(CapturedOutput output) {
		GeneratedBlobs blobs = new GeneratedBlobs(20240611L, 1024, MAX_BLOB_BYTES);
		QueueSampler sampler = new QueueSampler();
		UploadRecorder recorder = new UploadRecorder(sampler::sample);
		AtomicReference<BlobUploadStats> finalStats = new AtomicReference<>();
		long start = System.nanoTime();
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class))
			.withPropertyValues(s3.starterProperties())
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://" + BUCKET + "/load",
					"blob.upload.worker.threads=2", "blob.upload.queue.max-size=" + BLOBS,
					"blob.upload.queue.max-bytes=" + MAX_QUEUE_BYTES + "B",
					"blob.upload.max-blob-size=" + MAX_BLOB_BYTES + "B", "blob.upload.log-interval=" + LOG_INTERVAL)
			.withBean(BlobUploadListener.class, () -> recorder)
			.run((context) -> {
				ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
				sampler.watch(uploader);
				long heapBefore = usedHeapAfterGc();
				Thread samplingThread = new Thread(sampler::run, "queue-sampler");
				samplingThread.setDaemon(true);
				samplingThread.start();

				List<Offered> offered = offerFromSeveralThreads(uploader, blobs);
				// The callers are done but storage is not: the queue is as full as it
				// gets.
				long heapHeld = usedHeapAfterGc() - heapBefore;
				assertThat(uploader.flush(Duration.ofSeconds(60))).isTrue();
				sampler.stop();
				samplingThread.join(TimeUnit.SECONDS.toMillis(10));

				assertThat(offered).flatMap(Offered::thrown).isEmpty();
				BlobUploadStats stats = uploader.stats();
				finalStats.set(stats);
				long accepted = offered.stream().mapToLong(Offered::accepted).sum();
				long refused = offered.stream().mapToLong(Offered::refused).sum();
				assertThat(stats.submitted()).isEqualTo(BLOBS);
				assertThat(stats.submitted())
					.isEqualTo(stats.uploaded() + stats.failed() + stats.droppedTotal() + stats.deduplicated());
				assertThat(stats.failed()).isZero();
				assertThat(stats.deduplicated()).isZero();
				assertThat(stats.droppedTotal()).isEqualTo(stats.dropped(DropReason.QUEUE_FULL)).isEqualTo(refused);
				assertThat(stats.uploaded()).isEqualTo(accepted);
				// Storage is slower than the callers, so the queue filled up and refused.
				assertThat(stats.dropped(DropReason.QUEUE_FULL)).isPositive();
				assertThat(stats.uploaded()).isPositive();
				assertThat(stats.pending()).isZero();
				assertThat(stats.pendingBytes()).isZero();

				// The byte bound held, seen three ways: by the engine, on every
				// acceptance
				// and upload (from the listener), and by a thread sampling all along.
				assertThat(stats.peakPendingBytes()).isLessThanOrEqualTo(MAX_QUEUE_BYTES);
				assertThat(sampler.maxPendingBytes()).isLessThanOrEqualTo(MAX_QUEUE_BYTES);
				// A blob is refused only when it does not fit, so the queue did reach the
				// bound.
				assertThat(stats.peakPendingBytes()).isGreaterThan(MAX_QUEUE_BYTES - MAX_BLOB_BYTES);
				// The memory held while the queue was full, measured once the callers are
				// done:
				// the queue's bytes plus the HTTP client, the dedupe cache and the test's
				// records of what was uploaded (19 MB in all when measured, 3 MB of it
				// besides
				// the queue).
				assertThat(heapHeld).isLessThan(MAX_QUEUE_BYTES + HEAP_BESIDES_THE_QUEUE);

				List<String> keys = s3.listKeys(BUCKET);
				assertThat(keys).hasSize((int) stats.uploaded());
				assertThat(keys).allMatch((key) -> key.matches("load/[0-9a-f]{64}\\.(png|jpg|wav|pdf)"));
				Map<String, Integer> uploaded = recorder.uploaded();
				assertThat(uploaded.keySet()).map((uri) -> uri.substring(("s3://" + BUCKET + "/").length()))
					.containsExactlyInAnyOrderElementsOf(keys);
				SplittableRandom pick = new SplittableRandom(7);
				List<Map.Entry<String, Integer>> entries = new ArrayList<>(uploaded.entrySet());
				for (int i = 0; i < 25; i++) {
					Map.Entry<String, Integer> entry = entries.get(pick.nextInt(entries.size()));
					String key = entry.getKey().substring(("s3://" + BUCKET + "/").length());
					assertThat(s3.read(BUCKET, key)).isEqualTo(blobs.content(entry.getValue()));
				}
				System.out.printf("Overload: %d blobs (%d MB offered) in %d ms from %d threads; %d uploaded, %d "
						+ "refused (queue_full); peak queue bytes %d of %d (sampled: %d in %d samples); heap held "
						+ "with the queue full: %d MB%n", BLOBS, offeredBytes(blobs) >> 20,
						offered.stream().mapToLong(Offered::nanos).max().orElse(0) / 1_000_000, CALLERS,
						stats.uploaded(), stats.dropped(DropReason.QUEUE_FULL), stats.peakPendingBytes(),
						MAX_QUEUE_BYTES, sampler.maxPendingBytes(), sampler.samples(), heapHeld >> 20);
				context.close();
			});

		// The refusals were logged as their first event and one summary line at shutdown,
		// not one line each.
		long elapsedIntervals = Duration.ofNanos(System.nanoTime() - start).dividedBy(LOG_INTERVAL);
		List<String> refusalLines = output.getOut()
			.lines()
			.filter((line) -> line.contains("Blob uploader 'default' refused"))
			.toList();
		assertThat(refusalLines).hasSizeBetween(1, 2 + (int) elapsedIntervals);
		assertThat(refusalLines.get(0)).contains("refused a blob (queue_full)");
		assertThat(refusalLines.get(refusalLines.size() - 1))
			.contains("refused so far: queue_full=" + finalStats.get().dropped(DropReason.QUEUE_FULL));
		System.out.printf("Overload: %d log lines about refusals%n", refusalLines.size());
	}

	private static List<Offered> offerFromSeveralThreads(BlobUploader uploader, GeneratedBlobs blobs) throws Exception {
		ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
		try {
			List<Future<Offered>> futures = new ArrayList<>();
			for (int caller = 0; caller < CALLERS; caller++) {
				int first = caller;
				futures.add(callers.submit(() -> offer(uploader, blobs, first)));
			}
			List<Offered> offered = new ArrayList<>();
			for (Future<Offered> future : futures) {
				offered.add(future.get(2, TimeUnit.MINUTES));
			}
			return offered;
		}
		finally {
			callers.shutdownNow();
		}
	}

	/** Offers every CALLERS-th blob, as fast as it can, and counts what happened. */
	private static Offered offer(BlobUploader uploader, GeneratedBlobs blobs, int first) {
		long start = System.nanoTime();
		long accepted = 0;
		long refused = 0;
		Queue<Throwable> thrown = new ConcurrentLinkedQueue<>();
		for (int index = first; index < BLOBS; index += CALLERS) {
			try {
				String uri = uploader.uploadAsync(blobs.blob(index));
				if (BlobUploader.NOT_UPLOADED.equals(uri)) {
					refused++;
				}
				else {
					accepted++;
				}
			}
			catch (Throwable ex) {
				thrown.add(ex);
			}
		}
		return new Offered(accepted, refused, List.copyOf(thrown), System.nanoTime() - start);
	}

	private static long offeredBytes(GeneratedBlobs blobs) {
		long total = 0;
		for (int index = 0; index < BLOBS; index++) {
			total += blobs.size(index);
		}
		return total;
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** What one calling thread saw. */
	private record Offered(long accepted, long refused, List<Throwable> thrown, long nanos) {
	}

	/** Records the most bytes the uploader's stats ever showed, from any thread. */
	private static final class QueueSampler {

		private final AtomicReference<ManagedBlobUploader> uploader = new AtomicReference<>();

		private final AtomicLong maxPendingBytes = new AtomicLong();

		private final AtomicLong samples = new AtomicLong();

		private volatile boolean running = true;

		void watch(ManagedBlobUploader watched) {
			this.uploader.set(watched);
		}

		void sample() {
			ManagedBlobUploader watched = this.uploader.get();
			if (watched != null) {
				this.maxPendingBytes.accumulateAndGet(watched.stats().pendingBytes(), Math::max);
				this.samples.incrementAndGet();
			}
		}

		void run() {
			while (this.running) {
				sample();
				LockSupport.parkNanos(50_000);
			}
		}

		void stop() {
			this.running = false;
		}

		long maxPendingBytes() {
			return this.maxPendingBytes.get();
		}

		long samples() {
			return this.samples.get();
		}

	}

}
