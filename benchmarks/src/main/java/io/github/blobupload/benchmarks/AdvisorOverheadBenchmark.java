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

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.chat.DefaultBlobOffloadAdvisor;
import io.github.blobupload.ai.chat.MediaWalker;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
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

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;

/**
 * The caller's cost of {@link BlobOffloadAdvisor} on a {@code ChatClient} call with a 1
 * MB image: {@code baseline} is the same call through a {@code ChatClient} without the
 * advisor. The model is an in-process fake that answers after {@code modelMillis}
 * (parked, as a model's network wait would): at 0 the figure is the advisor's cost
 * against the cheapest possible call, bounded by one SHA-256 of the image since the
 * caller joins the prompt-media thread's work right after the call; at 5 and 50 ms the
 * work overlaps with the model's and the caller pays only the hand-off. Each invocation
 * sends new content (a fresh array with a counter in its first bytes) so that neither the
 * offloader's memo nor the engine's dedupe short-cuts the hashing; both methods pay for
 * that copy. The provider discards the bytes. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.blobupload.benchmarks.RatioReport AdvisorOverheadBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class AdvisorOverheadBenchmark {

	private static final int IMAGE_BYTES = 1024 * 1024;

	/** How long the fake model takes to answer, in milliseconds. */
	@Param({ "0", "5", "50" })
	public int modelMillis;

	/**
	 * The offloader's prompt-media threads; {@code -p promptThreads=0,2} compares with
	 * offloading on the caller's thread before the call.
	 */
	@Param({ "2" })
	public int promptThreads;

	private byte[] image;

	private long counter;

	private ManagedBlobUploader uploader;

	private MediaOffloader offloader;

	private ChatClient plain;

	private ChatClient advised;

	/** Builds the fake model, the discarding uploader and both chat clients. */
	@Setup(Level.Trial)
	public void setUp() {
		this.image = new byte[IMAGE_BYTES];
		ThreadLocalRandom.current().nextBytes(this.image);
		long latencyNanos = TimeUnit.MILLISECONDS.toNanos(this.modelMillis);
		ChatModel model = (prompt) -> {
			long deadline = System.nanoTime() + latencyNanos;
			for (long left = latencyNanos; left > 0; left = deadline - System.nanoTime()) {
				LockSupport.parkNanos(left);
			}
			return new ChatResponse(List.of(new Generation(new AssistantMessage("A square."))));
		};
		this.uploader = DiscardingStorage.uploader(BlobNamingStrategies.contentAddressed(), "advisor-benchmark");
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(this.uploader)
			.build();
		this.offloader = MediaOffloader.builder(registry).promptOffloadThreads(this.promptThreads).build();
		BlobOffloadAdvisor advisor = DefaultBlobOffloadAdvisor.builder(new MediaWalker(this.offloader, false)).build();
		this.plain = ChatClient.builder(model).build();
		this.advised = ChatClient.builder(model).defaultAdvisors(advisor).build();
	}

	/** Stops the offloader's prompt-media threads and the uploader. */
	@TearDown(Level.Trial)
	public void tearDown() {
		this.offloader.close();
		this.uploader.shutdown(Duration.ofSeconds(10));
	}

	/**
	 * A call through a {@code ChatClient} without the advisor.
	 * @return the answer
	 */
	@Benchmark
	public String baseline() {
		return call(this.plain);
	}

	/**
	 * The same call through a {@code ChatClient} with the advisor.
	 * @return the answer
	 */
	@Benchmark
	public String withAdvisor() {
		return call(this.advised);
	}

	private String call(ChatClient client) {
		byte[] content = DistinctContent.copyOf(this.image, ++this.counter);
		Media media = Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(content).build();
		return client.prompt().user((user) -> user.text("What is this?").media(media)).call().content();
	}

}
