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

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ManagedBlobUploader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The caller's cost of {@code uploadAsync}: what a chat call pays to offload a blob.
 * <p>
 * Baselines measured in the same run: {@code sha256} (one SHA-256 over the same bytes,
 * the floor of content-addressed naming) and {@code uploadAsyncUuid} (no hashing);
 * {@code uploadAsyncSpooled} is content-addressed with the durable spool on. The provider
 * discards the bytes, so storage speed does not enter the figure; each blob has distinct
 * content per invocation (a counter in the first bytes), so deduplication never
 * short-cuts the work. Run with {@code java -jar benchmarks/target/benchmarks.jar
 * UploadAsyncBenchmark}; {@link RatioReport} prints the ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class UploadAsyncBenchmark {

	/** The blob size in bytes. */
	@Param({ "1024", "1048576", "10485760" })
	public int size;

	private byte[] content;

	private long counter;

	private ManagedBlobUploader contentAddressed;

	private ManagedBlobUploader uuid;

	private ManagedBlobUploader spooled;

	private Path spool;

	/** Makes the content and both uploaders. */
	@Setup(Level.Trial)
	public void setUp() {
		this.content = new byte[this.size];
		ThreadLocalRandom.current().nextBytes(this.content);
		this.contentAddressed = DiscardingStorage.uploader(BlobNamingStrategies.contentAddressed(), "content");
		this.uuid = DiscardingStorage.uploader(BlobNamingStrategies.uuid(), "uuid");
		try {
			this.spool = Files.createTempDirectory("blob-upload-benchmark-spool");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.spooled = DiscardingStorage.builder(BlobNamingStrategies.contentAddressed(), "spooled")
			.spoolDirectory(this.spool)
			.build();
	}

	/** Stops both uploaders. */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.contentAddressed.shutdown(Duration.ofSeconds(10));
		this.uuid.shutdown(Duration.ofSeconds(10));
		this.spooled.shutdown(Duration.ofSeconds(10));
		try (Stream<Path> files = Files.walk(this.spool)) {
			files.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One SHA-256 over the blob: the baseline.
	 * @return the hash
	 */
	@Benchmark
	public String sha256() {
		return BlobNamingStrategies.sha256Hex(nextBlob());
	}

	/**
	 * {@code uploadAsync} with content-addressed names.
	 * @return the URI
	 */
	@Benchmark
	public String uploadAsyncContentAddressed() {
		return this.contentAddressed.uploadAsync(nextBlob());
	}

	/**
	 * {@code uploadAsync} with content-addressed names and the durable spool on: the
	 * caller only hands the blob to the spool writer's thread.
	 * @return the URI
	 */
	@Benchmark
	public String uploadAsyncSpooled() {
		return this.spooled.uploadAsync(nextBlob());
	}

	/**
	 * {@code uploadAsync} with random UUID names.
	 * @return the URI
	 */
	@Benchmark
	public String uploadAsyncUuid() {
		return this.uuid.uploadAsync(nextBlob());
	}

	private Blob nextBlob() {
		DistinctContent.stamp(this.content, ++this.counter);
		return new Blob(this.content, "application/octet-stream", null);
	}

}
