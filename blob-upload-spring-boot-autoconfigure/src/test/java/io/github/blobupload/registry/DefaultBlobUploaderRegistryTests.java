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

package io.github.blobupload.registry;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaders;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.testsupport.ScriptedUploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link DefaultBlobUploaderRegistry}.
 */
@ExtendWith(OutputCaptureExtension.class)
class DefaultBlobUploaderRegistryTests {

	private final Blob blob = new Blob("x".getBytes(StandardCharsets.UTF_8), "text/plain", null);

	@Test
	void returnsTheUseCaseUploaderElseTheDefault() {
		BlobUploader fallback = (blob) -> "default://x";
		BlobUploader chat = (blob) -> "chat://x";
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(fallback)
			.useCase("chat.input", chat)
			.build();
		assertThat(registry.getBlobUploader("chat.input")).isSameAs(chat);
		assertThat(registry.getBlobUploader("CHAT_INPUT")).isSameAs(chat);
		assertThat(registry.getBlobUploader("chat-input")).isSameAs(chat);
		assertThat(registry.getBlobUploader("image.output")).isSameAs(fallback);
		assertThat(registry.getBlobUploader(null)).isSameAs(fallback);
		assertThat(registry.destinations()).extracting(BlobDestination::useCase)
			.containsExactly("default", "chat-input");
	}

	@Test
	void withNothingConfiguredReportsTheProblemOnceAndDrops(CapturedOutput output) {
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.notConfiguredReason("set blob.upload.uri-prefix")
			.build();
		BlobUploader uploader = registry.getBlobUploader("anything");
		for (int i = 0; i < 100; i++) {
			assertThat(uploader.uploadAsync(this.blob)).isEqualTo(BlobUploader.NOT_UPLOADED);
		}
		assertThat(output).containsOnlyOnce("Blob not uploaded: set blob.upload.uri-prefix");
		assertThat(registry.flush(Duration.ZERO)).isTrue();
	}

	@Test
	void rejectsUseCaseNamesThatCollideOrAreEmpty() {
		DefaultBlobUploaderRegistry.Builder builder = DefaultBlobUploaderRegistry.builder()
			.useCase("chat.input", BlobUploaders.disabled());
		assertThatIllegalArgumentException().isThrownBy(() -> builder.useCase("Chat_Input", BlobUploaders.disabled()))
			.withMessageContaining("set twice");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.useCase("../", BlobUploaders.disabled()))
			.withMessageContaining("cannot name a use case");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.useCase("default", BlobUploaders.disabled()))
			.withMessageContaining("cannot name a use case");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.useCase("x".repeat(UseCases.MAX_LENGTH + 1), BlobUploaders.disabled()))
			.withMessageContaining("at most 64 characters once normalised");
		builder.useCase("y".repeat(UseCases.MAX_LENGTH), BlobUploaders.disabled());
	}

	@Test
	void flushAndShutdownCoverEveryManagedUploader() {
		ScriptedUploader storage = new ScriptedUploader();
		ManagedBlobUploader first = AsyncBlobUploader.builder(storage).name("first").build();
		ManagedBlobUploader second = AsyncBlobUploader.builder(storage).name("second").build();
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(first)
			.useCase("other", second)
			.build();
		registry.getBlobUploader(null).uploadAsync(new Blob("a".getBytes(StandardCharsets.UTF_8), null, null));
		registry.getBlobUploader("other").uploadAsync(new Blob("b".getBytes(StandardCharsets.UTF_8), null, null));
		assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
		assertThat(storage.stored()).hasSize(2);
		registry.close();
		assertThat(first.stats().shutdown()).isTrue();
		assertThat(second.stats().shutdown()).isTrue();
	}

	@Test
	void aSecondShutdownReportsWhatTheFirstLeftUnfinished() throws InterruptedException {
		ScriptedUploader storage = new ScriptedUploader().blockUploads();
		ManagedBlobUploader uploader = AsyncBlobUploader.builder(storage).name("blocked").build();
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder().defaultUploader(uploader).build();
		registry.getBlobUploader(null).uploadAsync(new Blob("a".getBytes(StandardCharsets.UTF_8), null, null));
		storage.awaitStarted(1);
		assertThat(registry.shutdown(Duration.ofMillis(50))).isFalse();
		assertThat(registry.shutdown(Duration.ofSeconds(10))).isFalse();
		assertThat(uploader.stats().dropped(DropReason.SHUTDOWN_TIMEOUT)).isOne();
	}

	@Test
	void shutdownGivesEveryUploaderTheWholeTimeoutAtOnce(CapturedOutput output) throws Exception {
		ScriptedUploader storage = new ScriptedUploader().blockUploads();
		CountDownLatch bothShuttingDown = new CountDownLatch(2);
		OverlapRecorder first = new OverlapRecorder(AsyncBlobUploader.builder(storage).name("first").workers(1).build(),
				bothShuttingDown);
		OverlapRecorder second = new OverlapRecorder(
				AsyncBlobUploader.builder(storage).name("second").workers(1).build(), bothShuttingDown);
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(first)
			.useCase("other", second)
			.build();
		first.uploadAsync(new Blob("a".getBytes(StandardCharsets.UTF_8), null, null));
		second.uploadAsync(new Blob("b".getBytes(StandardCharsets.UTF_8), null, null));
		storage.awaitStarted(2);

		assertThat(registry.shutdown(Duration.ofMillis(200))).isFalse();
		// One after the other, the first would wait alone for the second to start.
		assertThat(first.sawTheOtherShuttingDown).as("first shut down while second did").isTrue();
		assertThat(second.sawTheOtherShuttingDown).as("second shut down while first did").isTrue();
		assertThat(output).containsOnlyOnce("Blob uploader 'first' shut down after")
			.containsOnlyOnce("Blob uploader 'second' shut down after");
		assertThat(output.getOut().lines().filter((line) -> line.contains("shut down after")))
			.allMatch((line) -> line.contains("the shutdown timeout of PT0.2S ran out"));
		assertThat(first.stats().shutdown()).isTrue();
		assertThat(second.stats().shutdown()).isTrue();
	}

	@Test
	void destinationsNeverHoldCredentials() {
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(BlobUploaders.disabled())
			.useCase("chat.input", BlobUploaders.disabled())
			.destination("default", "s3://AKIA:secret@bucket/traces")
			.destination("Chat.Input", "gs://bucket/chat")
			.build();
		assertThat(registry.destinations()).extracting(BlobDestination::uriPrefix)
			.containsExactly("s3://bucket/traces", "gs://bucket/chat");
	}

	@Test
	void useCaseNamesAreNormalised() {
		assertThat(UseCases.normalize("Chat.Input")).isEqualTo("chat-input");
		assertThat(UseCases.normalize("[audio.output]")).isEqualTo("audio-output");
		assertThat(UseCases.normalize("../../etc")).isEqualTo("etc");
		assertThat(UseCases.normalize(null)).isEmpty();
	}

	/**
	 * An uploader whose shutdown first waits (up to 5 s) until every uploader sharing the
	 * latch is shutting down, and records whether they all were.
	 */
	private static final class OverlapRecorder implements ManagedBlobUploader {

		private final ManagedBlobUploader delegate;

		private final CountDownLatch shuttingDown;

		private volatile boolean sawTheOtherShuttingDown;

		OverlapRecorder(ManagedBlobUploader delegate, CountDownLatch shuttingDown) {
			this.delegate = delegate;
			this.shuttingDown = shuttingDown;
		}

		@Override
		public String name() {
			return this.delegate.name();
		}

		@Override
		public String uploadAsync(Blob blob) {
			return this.delegate.uploadAsync(blob);
		}

		@Override
		public boolean flush(Duration timeout) {
			return this.delegate.flush(timeout);
		}

		@Override
		public boolean shutdown(Duration timeout) {
			this.shuttingDown.countDown();
			try {
				this.sawTheOtherShuttingDown = this.shuttingDown.await(5, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return this.delegate.shutdown(timeout);
		}

		@Override
		public BlobUploadStats stats() {
			return this.delegate.stats();
		}

		@Override
		public void close() {
			this.delegate.close();
		}

	}

	@Test
	void aNameTooLongIsCutShortInTheMessageWhichSaysItsLength() {
		String name = "x".repeat(70);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultBlobUploaderRegistry.builder().useCase(name, (blob) -> "x"))
			.withMessageContaining("('" + "x".repeat(64) + "...')")
			.withMessageEndingWith(", but it has 70");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultBlobUploaderRegistry.builder().useCase("x".repeat(65), (blob) -> "x"))
			.withMessageEndingWith(", but it has 65");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultBlobUploaderRegistry.builder().useCase("-", (blob) -> "x"))
			.withMessageContaining("('-')")
			.withMessageEndingWith("(it names the use case's folder)");
		DefaultBlobUploaderRegistry.builder().useCase("x".repeat(64), (blob) -> "x");
	}

}
