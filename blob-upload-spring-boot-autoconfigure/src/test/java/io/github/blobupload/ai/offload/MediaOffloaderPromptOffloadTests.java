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

package io.github.blobupload.ai.offload;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.ai.AiBlobLabels;
import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.chat.DefaultBlobOffloadAdvisor;
import io.github.blobupload.ai.chat.MediaWalker;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.content.Media;
import org.springframework.util.MimeTypeUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MediaOffloader}'s prompt-media threads: prompt media is offloaded
 * while the model works and joined when it is recorded.
 */
class MediaOffloaderPromptOffloadTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };

	private final SpanInfo span = new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

	private final Map<String, Blob> stored = new ConcurrentHashMap<>();

	private final DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
		.defaultUploader((blob) -> {
			String uri = "mem://blobs/" + BlobNamingStrategies.sha256Hex(blob);
			this.stored.put(uri, blob);
			return uri;
		})
		.build();

	@Test
	void promptMediaIsHashedOffTheCallerWhileTheModelRuns() throws Exception {
		CountDownLatch hashed = new CountDownLatch(1);
		AtomicReference<Thread> hashing = new AtomicReference<>();
		AtomicReference<String> destination = new AtomicReference<>();
		SimpleBlobUploader storage = new SimpleBlobUploader() {

			@Override
			public String generateDestinationUri(Blob blob) {
				hashing.set(Thread.currentThread());
				destination.set("mem://prompts/" + BlobNamingStrategies.sha256Hex(blob) + ".png");
				hashed.countDown();
				return destination.get();
			}

			@Override
			public void uploadSync(String uri, Blob blob) {
			}

		};
		AtomicBoolean hashedWhileTheModelRan = new AtomicBoolean();
		ChatModel model = (prompt) -> {
			hashedWhileTheModelRan.set(await(hashed));
			return new ChatResponse(List.of(new Generation(new AssistantMessage("A square."))));
		};
		try (DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(AsyncBlobUploader.builder(storage).name("overlap").build())
			.build(); MediaOffloader offloader = MediaOffloader.builder(registry).build()) {
			ChatClient client = ChatClient.builder(model)
				.defaultAdvisors(DefaultBlobOffloadAdvisor.builder(new MediaWalker(offloader, false)).build())
				.build();

			ChatClientResponse response = client.prompt()
				.user((user) -> user.text("What is this?")
					.media(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(PNG).build()))
				.call()
				.chatClientResponse();

			assertThat(hashedWhileTheModelRan).as("hashed while the model was still running").isTrue();
			assertThat(hashing.get()).isNotSameAs(Thread.currentThread());
			assertThat(hashing.get().getName()).startsWith("blob-upload-prompt-media-");
			List<OffloadedMedia> offloaded = response.context()
				.get(BlobOffloadAdvisor.OFFLOADED_MEDIA) instanceof List<?> list
						? list.stream().map(OffloadedMedia.class::cast).toList() : List.of();
			assertThat(offloaded).singleElement().satisfies((media) -> {
				assertThat(media.status()).isEqualTo(OffloadedMedia.Status.UPLOADED);
				assertThat(media.uri()).isEqualTo(destination.get());
			});
			assertThat(offloader.count(MediaOffloadOutcome.UPLOADED)).isOne();
		}
	}

	@Test
	void theRecordingAtTheStopGetsTheUriOffloadedFromTheStart() {
		try (MediaOffloader offloader = MediaOffloader.builder(this.registry).build()) {
			MediaCall call = MediaCall.of(this.span, null, MediaCall.CHAT);
			MediaCall advisor = MediaCall.collecting(this.span, null, MediaCall.CHAT);

			offloader.start(PNG, PNG, "image/png", "chat.input", call, 0, 0);
			OffloadedMedia atStop = offloader.offload(PNG, PNG, "image/png", "chat.input", call, 0, 0);
			OffloadedMedia collected = offloader.offload(PNG, PNG, "image/png", "chat.input", advisor, 0, 0);

			assertThat(atStop.status()).isEqualTo(OffloadedMedia.Status.UPLOADED);
			assertThat(this.stored).containsOnlyKeys(atStop.uri());
			assertThat(collected).isEqualTo(atStop);
			assertThat(this.stored.get(atStop.uri()).labels()).containsEntry("span_id", this.span.spanId());
			assertThat(offloader.count(MediaOffloadOutcome.UPLOADED)).isOne();
			assertThat(offloader.count(MediaOffloadOutcome.REUSED)).isZero();
		}
	}

	@Test
	void joinTimeoutRecordsNotUploadedCountedOnceWithAReason() throws Exception {
		CountDownLatch filtering = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		MediaOffloader offloader = MediaOffloader.builder(this.registry)
			.promptOffloadJoinTimeout(Duration.ofMillis(50))
			.filters(List.of((media) -> {
				filtering.countDown();
				await(release);
				return MediaFilter.Decision.pass();
			}))
			.build();
		MediaCall call = MediaCall.of(this.span, null, MediaCall.CHAT);
		try {
			offloader.start(PNG, PNG, "image/png", "chat.input", call, 0, 0);
			assertThat(await(filtering)).isTrue();

			OffloadedMedia media = offloader.offload(PNG, PNG, "image/png", "chat.input", call, 0, 0);

			assertThat(media.status()).isEqualTo(OffloadedMedia.Status.REFUSED);
			assertThat(media.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
			assertThat(media.refusalReason()).isEqualTo("timeout");
			assertThat(offloader.offload(PNG, PNG, "image/png", "chat.input", call, 0, 0)).isEqualTo(media);
		}
		finally {
			release.countDown();
			offloader.close();
		}
		assertThat(offloader.count(MediaOffloadOutcome.REFUSED_TIMEOUT)).isOne();
		assertThat(offloader.count(MediaOffloadOutcome.UPLOADED)).as("the late result is not counted again").isZero();
	}

	@Test
	void fullQueueOffloadsOnTheCallerAndIsCounted() throws Exception {
		CountDownLatch filtering = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		Map<String, Thread> filteredOn = new ConcurrentHashMap<>();
		MediaOffloader offloader = MediaOffloader.builder(this.registry)
			.promptOffloadThreads(1)
			.promptOffloadQueueSize(1)
			.filters(List.of((media) -> {
				String part = media.labels().get(AiBlobLabels.PART_INDEX);
				filteredOn.put(part, Thread.currentThread());
				if (part.equals("0")) {
					filtering.countDown();
					await(release);
				}
				return MediaFilter.Decision.pass();
			}))
			.build();
		MediaCall call = MediaCall.of(this.span, null, MediaCall.CHAT);
		byte[][] images = { PNG.clone(), PNG.clone(), PNG.clone() };
		images[1][10] = 4;
		images[2][10] = 5;
		try {
			offloader.start(images[0], images[0], "image/png", "chat.input", call, 0, 0);
			assertThat(await(filtering)).isTrue();
			offloader.start(images[1], images[1], "image/png", "chat.input", call, 0, 1);
			offloader.start(images[2], images[2], "image/png", "chat.input", call, 0, 2);

			assertThat(filteredOn.get("2")).as("the third found the queue full").isSameAs(Thread.currentThread());
			assertThat(offloader.promptOffloadsOnCallerBecauseFull()).isOne();
			release.countDown();
			for (int i = 0; i < images.length; i++) {
				assertThat(offloader.offload(images[i], images[i], "image/png", "chat.input", call, 0, i).status())
					.isEqualTo(OffloadedMedia.Status.UPLOADED);
			}
		}
		finally {
			release.countDown();
			offloader.close();
		}
		assertThat(filteredOn.get("1").getName()).startsWith("blob-upload-prompt-media-");
		assertThat(this.stored).hasSize(3);
		assertThat(offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(3);
	}

	@Test
	void zeroThreadsOffloadOnTheCaller() {
		AtomicReference<Thread> filteredOn = new AtomicReference<>();
		try (MediaOffloader offloader = MediaOffloader.builder(this.registry)
			.promptOffloadThreads(0)
			.filters(List.of((media) -> {
				filteredOn.set(Thread.currentThread());
				return null;
			}))
			.build()) {
			offloader.start(PNG, PNG, "image/png", "chat.input", MediaCall.of(this.span, null, MediaCall.CHAT), 0, 0);

			assertThat(filteredOn.get()).isSameAs(Thread.currentThread());
			assertThat(this.stored).hasSize(1);
			assertThat(offloader.promptOffloadsOnCallerBecauseFull()).isZero();
		}
	}

	@Test
	void closeFinishesWaitingMediaAndLaterMediaRunsOnTheCaller() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).build();
		MediaCall call = MediaCall.of(this.span, null, MediaCall.CHAT);
		byte[] later = PNG.clone();
		later[10] = 9;

		offloader.start(PNG, PNG, "image/png", "chat.input", call, 0, 0);
		offloader.close();
		assertThat(this.stored).as("finished before close returned").hasSize(1);
		offloader.start(later, later, "image/png", "chat.input", call, 0, 1);

		assertThat(this.stored).hasSize(2);
		assertThat(offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(2);
	}

	@Test
	void badSettingsAreRefusedWithTheValue() {
		MediaOffloaderBuilder builder = MediaOffloader.builder(this.registry);
		assertThatIllegalArgumentException().isThrownBy(() -> builder.promptOffloadThreads(-1))
			.withMessageContaining("-1");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.promptOffloadQueueSize(0))
			.withMessageContaining("0");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.promptOffloadJoinTimeout(Duration.ZERO))
			.withMessageContaining("PT0S");
	}

	private static boolean await(CountDownLatch latch) {
		try {
			return latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
