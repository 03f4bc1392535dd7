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
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.testsupport.ScriptedUploader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the bounds of {@link AsyncBlobUploader}: a burst that fits in the byte budget
 * is accepted whole with the defaults, and an overload with the spool on keeps memory and
 * disk within their bounds.
 */
class AsyncBlobUploaderBoundsTests {

	@TempDir
	Path folder;

	private final List<ManagedBlobUploader> uploaders = new ArrayList<>();

	@AfterEach
	void shutDown() {
		this.uploaders.forEach((uploader) -> uploader.shutdown(Duration.ZERO));
	}

	@Test
	void aBurstWithinTheByteBudgetIsAcceptedWholeWithTheDefaults() throws Exception {
		// Storage takes nothing until the burst is over: the worst case for the queue.
		ScriptedUploader storage = new ScriptedUploader().blockUploads();
		ManagedBlobUploader uploader = track(AsyncBlobUploader.builder(storage).build());
		int threads = 8;
		int perThread = 250;
		CyclicBarrier start = new CyclicBarrier(threads);
		ExecutorService callers = Executors.newFixedThreadPool(threads);
		List<Future<?>> done = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int thread = t;
			done.add(callers.submit(() -> {
				start.await();
				for (int i = 0; i < perThread; i++) {
					uploader.uploadAsync(new Blob(content(thread * perThread + i, 2048), "image/png", null));
				}
				return null;
			}));
		}
		for (Future<?> future : done) {
			future.get(30, TimeUnit.SECONDS);
		}
		callers.shutdown();
		assertThat(uploader.stats().droppedTotal()).isZero();
		storage.open(threads * perThread);
		assertThat(uploader.flush(Duration.ofSeconds(30))).isTrue();
		assertThat(uploader.stats().uploaded()).isEqualTo(threads * perThread);
		assertThat(storage.stored()).hasSize(threads * perThread);
	}

	@Test
	void anOverloadWithTheSpoolOnStaysWithinMemoryAndDiskBounds() throws Exception {
		long maxQueueBytes = 16L * 1024 * 1024;
		long spoolMaxBytes = 64L * 1024 * 1024;
		int blobSize = 64 * 1024;
		// Storage takes 5 ms a blob with one worker, 200 blobs a second; blobs come ten
		// times as fast, 12.8 MB a second, for three seconds: 38 MB offered in all.
		AtomicBoolean recovered = new AtomicBoolean();
		ScriptedUploader slow = new ScriptedUploader() {

			@Override
			public void uploadSync(String uri, Blob blob) throws IOException {
				// Stores nothing, so that the heap measured is the uploader's alone.
				if (!recovered.get()) {
					LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
				}
			}

		};
		Path spool = this.folder.resolve("spool");
		ManagedBlobUploader uploader = track(AsyncBlobUploader.builder(slow)
			.workers(1)
			.maxBlobBytes(blobSize)
			.maxQueueBytes(maxQueueBytes)
			.spoolDirectory(spool)
			.spoolMaxBytes(spoolMaxBytes)
			.build());
		long baseline = usedHeapAfterGc();
		AtomicLong largestSpool = new AtomicLong();
		long period = TimeUnit.SECONDS.toNanos(1) / 2000;
		long next = System.nanoTime();
		for (int i = 0; i < 6000; i++) {
			uploader.uploadAsync(new Blob(content(i, blobSize), "application/octet-stream", null));
			if (i % 500 == 0) {
				largestSpool.accumulateAndGet(folderSize(spool), Math::max);
			}
			next += period;
			LockSupport.parkNanos(next - System.nanoTime());
		}
		long heldHeap = usedHeapAfterGc() - baseline;
		largestSpool.accumulateAndGet(folderSize(spool), Math::max);
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.peakPendingBytes()).isLessThanOrEqualTo(maxQueueBytes);
		assertThat(heldHeap).as("heap held by the uploader under overload")
			.isLessThanOrEqualTo(maxQueueBytes + maxQueueBytes / 10);
		assertThat(stats.spool().usedBytes()).isLessThanOrEqualTo(spoolMaxBytes);
		assertThat(largestSpool.get()).as("bytes in the spool folder").isLessThanOrEqualTo(spoolMaxBytes);
		assertThat(stats.dropped(DropReason.SPOOL_FULL) + stats.dropped(DropReason.QUEUE_FULL))
			.as("refused once memory and spool were full")
			.isPositive();
		// Counts add up exactly once idle (a snapshot taken while workers finish blobs
		// may
		// see one both pending and uploaded): storage recovers, everything held drains.
		recovered.set(true);
		assertThat(uploader.flush(Duration.ofSeconds(30))).isTrue();
		BlobUploadStats idle = uploader.stats();
		assertThat(idle.pending()).isZero();
		assertThat(idle.submitted()).isEqualTo(idle.uploaded() + idle.failed() + idle.droppedTotal());
	}

	private ManagedBlobUploader track(ManagedBlobUploader uploader) {
		this.uploaders.add(uploader);
		return uploader;
	}

	private static long usedHeapAfterGc() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private static long folderSize(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.mapToLong((file) -> {
				try {
					return Files.size(file);
				}
				catch (IOException ex) {
					// Deleted once uploaded, between the listing and now.
					return 0;
				}
			}).sum();
		}
	}

	private static byte[] content(int seed, int size) {
		byte[] bytes = new byte[size];
		new Random(seed).nextBytes(bytes);
		return bytes;
	}

}
