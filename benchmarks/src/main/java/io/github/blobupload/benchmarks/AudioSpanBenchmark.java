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

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

import io.github.blobupload.AudioBlobs;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.provider.s3.S3UploadOptions;
import io.github.blobupload.testsupport.S3Emulator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.jspecify.annotations.Nullable;
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
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The caller's latency of recording model audio (raw PCM16, 24 kHz mono, as realtime and
 * text-to-speech APIs return it) on an OpenTelemetry span.
 * <p>
 * {@code baseline}: what observability guides (such as Arize's) show: write the audio to
 * a WAV file ({@code javax.sound.sampled}, the JDK's counterpart of Python's
 * {@code wave}), upload the file with {@code S3Client.putObject}, delete it, set
 * {@code output.audio.url} on the span. {@code starter}: {@link AudioBlobs#fromPcm16}
 * (PCM16 to WAV in memory), {@code uploadAsync} through the {@code s3://} provider and
 * the async engine (default settings, content-addressed names), set the attribute with
 * the returned URI. Both end a span of a real OpenTelemetry SDK (a simple processor into
 * an in-memory exporter) and upload to the same s3proxy, started by the trial set-up.
 * <p>
 * Each invocation has new content (a counter in its first bytes) so that nothing is
 * deduplicated. After each invocation, outside the measured time, the starter's upload is
 * awaited ({@code flush}) and the span is checked for the attribute: every call therefore
 * starts with an empty queue, as calls spaced by model latency do, and what is measured
 * is the caller's wait only, not the upload that the starter does in the background
 * (which may still take CPU from the caller on a small machine). After each iteration the
 * bucket is emptied, since the emulator keeps objects in a 256 MB heap. For percentiles
 * rather than means, add {@code -bm sample}. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.blobupload.benchmarks.RatioReport AudioSpanBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AudioSpanBenchmark {

	/** The attribute recorded (OpenInference's name for a model's audio output). */
	static final AttributeKey<String> AUDIO_URL = AttributeKey.stringKey("output.audio.url");

	/** The content type attribute recorded beside it. */
	static final AttributeKey<String> AUDIO_MIME_TYPE = AttributeKey.stringKey("output.audio.mime_type");

	private static final int SAMPLE_RATE = 24_000;

	private static final String BUCKET = "audio";

	private static final String URI_PREFIX = "s3://" + BUCKET + "/";

	/** The length of the audio in seconds (48,000 bytes of PCM16 per second). */
	@Param({ "1", "5" })
	public int seconds;

	private byte[] pcm = new byte[0];

	private long counter;

	private @Nullable String lastUri;

	private S3Emulator emulator;

	private S3Client client;

	private ManagedBlobUploader uploader;

	private InMemorySpanExporter exporter;

	private SdkTracerProvider tracerProvider;

	private Tracer tracer;

	private Path tempDir;

	/**
	 * Starts the emulator, the S3 client, the starter's uploader and the tracer.
	 * @throws IOException if the temporary folder cannot be made
	 */
	@Setup(Level.Trial)
	public void setUp() throws IOException {
		this.pcm = new byte[this.seconds * SAMPLE_RATE * 2];
		ThreadLocalRandom.current().nextBytes(this.pcm);
		this.emulator = BenchmarkEmulators.startS3(BUCKET);
		this.client = this.emulator.newClient();
		S3BlobStorageProvider provider = new S3BlobStorageProvider(LazyClient.ofInstance("S3 client", this.client),
				null, S3UploadOptions.defaults());
		this.uploader = AsyncBlobUploader
			.builder(provider.createUploader(URI_PREFIX + "starter", BlobNamingStrategies.contentAddressed()))
			.name("audio")
			.build();
		this.exporter = InMemorySpanExporter.create();
		this.tracerProvider = SdkTracerProvider.builder()
			.addSpanProcessor(SimpleSpanProcessor.create(this.exporter))
			.build();
		this.tracer = this.tracerProvider.get("audio-benchmark");
		this.tempDir = Files.createTempDirectory("audio-benchmark");
	}

	/**
	 * Outside the measured time: waits for the starter's upload and checks the span.
	 */
	@TearDown(Level.Invocation)
	public void afterCall() {
		if (!this.uploader.flush(Duration.ofSeconds(30))) {
			throw new IllegalStateException("The upload did not finish: " + this.uploader.stats());
		}
		List<SpanData> spans = this.exporter.getFinishedSpanItems();
		if (spans.size() != 1 || this.lastUri == null
				|| !this.lastUri.equals(spans.get(0).getAttributes().get(AUDIO_URL))) {
			throw new IllegalStateException("The span does not carry " + this.lastUri + ": " + spans);
		}
		this.exporter.reset();
	}

	/**
	 * Outside the measured time: deletes what the iteration uploaded, so that the
	 * emulator's memory does not fill up.
	 */
	@TearDown(Level.Iteration)
	public void afterIteration() {
		BenchmarkEmulators.emptyBucket(this.client, BUCKET);
	}

	/**
	 * Checks that every upload succeeded, then stops everything.
	 * @throws IOException if the temporary folder cannot be deleted
	 */
	@TearDown(Level.Trial)
	public void tearDown() throws IOException {
		BlobUploadStats stats = this.uploader.stats();
		this.uploader.shutdown(Duration.ofSeconds(10));
		this.tracerProvider.close();
		this.client.close();
		this.emulator.close();
		Files.delete(this.tempDir);
		if (stats.failed() != 0 || stats.droppedTotal() != 0 || stats.uploaded() != stats.submitted()) {
			throw new IllegalStateException("The starter lost uploads: " + stats);
		}
	}

	/**
	 * Writes a WAV file, uploads it synchronously, deletes it, records the URI.
	 * @return the recorded URI
	 * @throws IOException if the file cannot be written
	 */
	@Benchmark
	public String baseline() throws IOException {
		Span span = this.tracer.spanBuilder("tts").startSpan();
		try {
			byte[] samples = nextPcm();
			Path file = this.tempDir.resolve(UUID.randomUUID() + ".wav");
			AudioFormat format = new AudioFormat(SAMPLE_RATE, 16, 1, true, false);
			try (AudioInputStream audio = new AudioInputStream(new ByteArrayInputStream(samples), format,
					samples.length / format.getFrameSize())) {
				AudioSystem.write(audio, AudioFileFormat.Type.WAVE, file.toFile());
			}
			String key = "baseline/" + file.getFileName();
			this.client.putObject((put) -> put.bucket(BUCKET).key(key).contentType(AudioBlobs.WAV),
					RequestBody.fromFile(file));
			Files.delete(file);
			String uri = URI_PREFIX + key;
			span.setAttribute(AUDIO_URL, uri);
			span.setAttribute(AUDIO_MIME_TYPE, AudioBlobs.WAV);
			this.lastUri = uri;
			return uri;
		}
		finally {
			span.end();
		}
	}

	/**
	 * Wraps the PCM as WAV in memory, hands it to {@code uploadAsync}, records the URI.
	 * @return the recorded URI
	 */
	@Benchmark
	public String starter() {
		Span span = this.tracer.spanBuilder("tts").startSpan();
		try {
			Blob wav = AudioBlobs.fromPcm16(nextPcm(), SAMPLE_RATE, 1,
					BlobLabels.forSpan(span.getSpanContext().getTraceId(), span.getSpanContext().getSpanId()));
			String uri = this.uploader.uploadAsync(wav);
			span.setAttribute(AUDIO_URL, uri);
			span.setAttribute(AUDIO_MIME_TYPE, AudioBlobs.WAV);
			this.lastUri = uri;
			return uri;
		}
		finally {
			span.end();
		}
	}

	private byte[] nextPcm() {
		return DistinctContent.copyOf(this.pcm, ++this.counter);
	}

}
