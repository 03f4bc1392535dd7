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

package io.github.blobupload.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.provider.s3.S3UploadOptions;
import io.github.blobupload.testsupport.S3Emulator;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Sustained upload throughput to the S3 emulator: the starter (the {@code s3://}
 * provider, {@link S3BlobStorageProvider}, behind the async engine with C workers, every
 * blob handed to {@code uploadAsync}, then {@code flush}) against a plain
 * {@code S3Client.putObject} loop on C threads. Both sides use S3 clients built with the
 * same settings (the tests' {@link S3Emulator#newClient()}), generate the same content (a
 * random template with a unique counter in its first bytes, so that no blob is
 * deduplicated) and write into the same bucket of one s3proxy run on this machine. The
 * starter names objects by content (SHA-256 on the caller's thread, its default), the
 * loop by random UUID.
 * <p>
 * For each blob size: a warm-up of both sides, then several rounds in alternating order;
 * the median round is reported as blobs/s and MB/s (10^6 bytes) with the ratio starter /
 * baseline, and the starter with its durable spool on (a third side) against the starter
 * with it off. After each round the object count is checked and the bucket emptied
 * (untimed), since the emulator holds everything in memory.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.blobupload.benchmarks.S3ThroughputRun
 * [--concurrency=4] [--rounds=3] [--small-blobs=2000] [--large-blobs=150]}
 */
public final class S3ThroughputRun {

	private static final String BUCKET = "throughput";

	private static final String CONTENT_TYPE = "application/octet-stream";

	private static final Duration FLUSH_TIMEOUT = Duration.ofMinutes(5);

	private final S3Emulator emulator;

	private final int concurrency;

	private final AtomicLong sequence = new AtomicLong();

	private S3ThroughputRun(S3Emulator emulator, int concurrency) {
		this.emulator = emulator;
		this.concurrency = concurrency;
	}

	/**
	 * Runs the comparison and prints the table.
	 * @param args {@code --concurrency=C} (default 4), {@code --rounds=R} (default 3),
	 * {@code --small-blobs=N} (64 KB blobs per round, default 2000),
	 * {@code --large-blobs=N} (1 MB blobs per round, default 150)
	 * @throws Exception if an upload fails or the object count is wrong
	 */
	public static void main(String[] args) throws Exception {
		int concurrency = option(args, "concurrency", 4);
		int rounds = option(args, "rounds", 3);
		List<Workload> workloads = List.of(new Workload(64 * 1024, option(args, "small-blobs", 2000), 500),
				new Workload(1024 * 1024, option(args, "large-blobs", 150), 50));
		long start = System.nanoTime();
		List<String> rows = new ArrayList<>();
		try (S3Emulator emulator = BenchmarkEmulators.startS3(BUCKET)) {
			S3ThroughputRun run = new S3ThroughputRun(emulator, concurrency);
			for (Workload workload : workloads) {
				rows.add(run.measure(workload, rounds));
			}
		}
		System.out.println();
		System.out.println("S3 upload throughput, starter (S3 provider + async engine, " + concurrency
				+ " workers, then flush) vs plain S3Client.putObject loop on " + concurrency + " threads");
		System.out.println("Emulator: s3proxy (in-memory, separate JVM on the same machine); median of " + rounds
				+ " rounds after a warm-up; MB = 10^6 bytes");
		System.out.println("Machine: " + Machine.describe());
		System.out.println();
		System.out.println("| Blobs | Starter blobs/s | Starter MB/s | Starter with spool blobs/s "
				+ "| putObject loop blobs/s | putObject loop MB/s | Ratio starter / baseline "
				+ "| Ratio spool on / off |");
		System.out.println("|---|---|---|---|---|---|---|---|");
		rows.forEach(System.out::println);
		System.out.printf(Locale.ROOT, "%nTotal run time: %.0f s%n", (System.nanoTime() - start) / 1e9);
	}

	private String measure(Workload workload, int rounds) throws Exception {
		byte[] template = new byte[workload.blobSize()];
		ThreadLocalRandom.current().nextBytes(template);
		Path spool = Files.createTempDirectory("blob-upload-throughput-spool");
		try (S3Client starterClient = this.emulator.newClient();
				S3Client spooledClient = this.emulator.newClient();
				S3Client plainClient = this.emulator.newClient();
				ManagedBlobUploader starter = starter(starterClient, workload, "starter", null);
				ManagedBlobUploader spooled = starter(spooledClient, workload, "spooled", spool)) {
			ExecutorService pool = Executors.newFixedThreadPool(this.concurrency);
			try {
				runStarter(starter, template, workload.warmupBlobs());
				runStarter(spooled, template, workload.warmupBlobs());
				runPlain(plainClient, pool, template, workload.warmupBlobs());
				BenchmarkEmulators.emptyBucket(plainClient, BUCKET);
				List<Long> starterNanos = new ArrayList<>();
				List<Long> spooledNanos = new ArrayList<>();
				List<Long> plainNanos = new ArrayList<>();
				for (int round = 0; round < rounds; round++) {
					for (int side = 0; side < 3; side++) {
						// Rotate which side goes first, so that none always runs on a
						// freshly
						// emptied emulator.
						switch ((side + round) % 3) {
							case 0 -> {
								starterNanos.add(runStarter(starter, template, workload.blobs()));
								check("starter/", workload.blobs());
							}
							case 1 -> {
								spooledNanos.add(runStarter(spooled, template, workload.blobs()));
								check("spooled/", workload.blobs());
							}
							default -> {
								plainNanos.add(runPlain(plainClient, pool, template, workload.blobs()));
								check("plain/", workload.blobs());
							}
						}
						BenchmarkEmulators.emptyBucket(plainClient, BUCKET);
					}
				}
				double starterRate = workload.blobs() / (Medians.of(starterNanos) / 1e9);
				double spooledRate = workload.blobs() / (Medians.of(spooledNanos) / 1e9);
				double plainRate = workload.blobs() / (Medians.of(plainNanos) / 1e9);
				System.out.printf(Locale.ROOT, "%s rounds (s): starter %s, starter with spool %s, putObject loop %s%n",
						workload.label(), seconds(starterNanos), seconds(spooledNanos), seconds(plainNanos));
				double mb = workload.blobSize() / 1e6;
				return String.format(Locale.ROOT, "| %d × %s | %.0f | %.1f | %.0f | %.0f | %.1f | ×%.2f | ×%.2f |",
						workload.blobs(), workload.label(), starterRate, starterRate * mb, spooledRate, plainRate,
						plainRate * mb, starterRate / plainRate, spooledRate / starterRate);
			}
			finally {
				pool.shutdownNow();
			}
		}
		finally {
			try (Stream<Path> files = Files.walk(spool)) {
				files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	private ManagedBlobUploader starter(S3Client client, Workload workload, String prefix, @Nullable Path spool) {
		S3BlobStorageProvider provider = new S3BlobStorageProvider(LazyClient.ofInstance("S3 client", client), null,
				S3UploadOptions.defaults());
		// Every blob of a round is handed over at once: the queue holds a whole round.
		int capacity = Math.max(workload.blobs(), workload.warmupBlobs());
		return AsyncBlobUploader
			.builder(provider.createUploader("s3://" + BUCKET + "/" + prefix, BlobNamingStrategies.contentAddressed()))
			.name(prefix)
			.spoolDirectory(spool)
			.workers(this.concurrency)
			.maxQueueSize(capacity)
			.maxQueueBytes(2L * capacity * workload.blobSize())
			.maxBlobBytes(workload.blobSize())
			.build();
	}

	private long runStarter(ManagedBlobUploader uploader, byte[] template, int blobs) {
		BlobUploadStats before = uploader.stats();
		long start = System.nanoTime();
		for (int i = 0; i < blobs; i++) {
			uploader.uploadAsync(new Blob(nextContent(template), CONTENT_TYPE, null));
		}
		boolean flushed = uploader.flush(FLUSH_TIMEOUT);
		long elapsed = System.nanoTime() - start;
		BlobUploadStats after = uploader.stats();
		if (!flushed || after.uploaded() - before.uploaded() != blobs || after.failed() != 0
				|| after.droppedTotal() != 0) {
			throw new IllegalStateException("The starter did not upload all " + blobs + " blobs: " + after);
		}
		return elapsed;
	}

	private long runPlain(S3Client client, ExecutorService pool, byte[] template, int blobs)
			throws InterruptedException, ExecutionException {
		AtomicInteger next = new AtomicInteger();
		long start = System.nanoTime();
		List<Future<?>> threads = new ArrayList<>();
		for (int t = 0; t < this.concurrency; t++) {
			threads.add(pool.submit(() -> {
				while (next.getAndIncrement() < blobs) {
					byte[] content = nextContent(template);
					client.putObject(
							(put) -> put.bucket(BUCKET).key("plain/" + UUID.randomUUID()).contentType(CONTENT_TYPE),
							RequestBody.fromBytes(content));
				}
			}));
		}
		for (Future<?> thread : threads) {
			thread.get();
		}
		return System.nanoTime() - start;
	}

	private byte[] nextContent(byte[] template) {
		return DistinctContent.copyOf(template, this.sequence.incrementAndGet());
	}

	private void check(String prefix, int expected) {
		long stored = this.emulator.listKeys(BUCKET).stream().filter((key) -> key.startsWith(prefix)).count();
		if (stored != expected) {
			throw new IllegalStateException(
					"Expected " + expected + " objects under " + prefix + " but the emulator holds " + stored);
		}
	}

	private static String seconds(List<Long> nanos) {
		List<String> values = new ArrayList<>();
		for (long value : nanos) {
			values.add(String.format(Locale.ROOT, "%.2f", value / 1e9));
		}
		return String.join(", ", values);
	}

	private static int option(String[] args, String name, int defaultValue) {
		for (String arg : args) {
			if (arg.startsWith("--" + name + "=")) {
				int value = Integer.parseInt(arg.substring(name.length() + 3));
				if (value < 1) {
					throw new IllegalArgumentException("--" + name + " must be at least 1 but was " + value);
				}
				return value;
			}
		}
		return defaultValue;
	}

	/**
	 * Blobs of one size.
	 *
	 * @param blobSize the size of each blob in bytes
	 * @param blobs the blobs per round and side
	 * @param warmupBlobs the blobs each side uploads before the rounds
	 */
	private record Workload(int blobSize, int blobs, int warmupBlobs) {

		String label() {
			return (this.blobSize >= 1024 * 1024) ? (this.blobSize / (1024 * 1024)) + " MB"
					: (this.blobSize / 1024) + " KB";
		}

	}

}
