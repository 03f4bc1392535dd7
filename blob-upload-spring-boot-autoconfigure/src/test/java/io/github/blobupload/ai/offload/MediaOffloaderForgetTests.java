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

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MediaOffloader#forget(java.util.Collection)} and the recent media
 * lifetime: media whose object was erased is uploaded again when it is sent again.
 */
class MediaOffloaderForgetTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	private final SpanInfo span = new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

	private final byte[] image = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

	@TempDir
	Path folder;

	private AsyncBlobUploader engine;

	@AfterEach
	void shutDown() {
		if (this.engine != null) {
			this.engine.shutdown(Duration.ZERO);
		}
	}

	@Test
	void forgottenMediaIsUploadedAgainWhenSentAgain() throws Exception {
		MediaOffloader offloader = MediaOffloader.builder(fileRegistry()).build();
		OffloadedMedia first = offload(offloader);
		assertThat(this.engine.flush(FLUSH)).isTrue();
		Path stored = Path.of(URI.create(first.uri()));
		assertThat(stored).exists();
		offload(offloader);
		assertThat(offloader.count(MediaOffloadOutcome.REUSED)).as("a chat history sends it again").isOne();
		// What an erasure does: the object goes, then every memo forgets it.
		Files.delete(stored);
		this.engine.forget(List.of(first.uri()));
		offloader.forget(List.of("file:///elsewhere/other.png"));
		offload(offloader);
		assertThat(offloader.count(MediaOffloadOutcome.REUSED)).as("another URI forgets nothing").isEqualTo(2);
		offloader.forget(List.of(first.uri()));
		OffloadedMedia again = offload(offloader);
		assertThat(this.engine.flush(FLUSH)).isTrue();
		assertThat(again.uri()).isEqualTo(first.uri());
		assertThat(offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(2);
		assertThat(stored).exists();
	}

	@Test
	void anEntryOlderThanTheLifetimeIsNotTrusted() {
		AtomicLong now = new AtomicLong();
		MediaResultCache cache = new MediaResultCache(4, Duration.ofMinutes(5), now::get);
		MediaCall call = MediaCall.of(this.span, null, MediaCall.CHAT);
		cache.put(this.image, call, CompletableFuture.completedFuture(uploaded("mem://a")));
		now.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
		assertThat(cache.see(this.image, call, true)).isNotNull();
		now.addAndGet(1);
		assertThat(cache.see(this.image, call, true)).isNull();
	}

	@Test
	void mediaStillBeingOffloadedIsNotForgotten() {
		MediaResultCache cache = new MediaResultCache(4);
		MediaCall call = MediaCall.of(this.span, null, MediaCall.CHAT);
		Object refused = new Object();
		cache.put(this.image, call, new CompletableFuture<>());
		cache.put(refused, call, CompletableFuture.completedFuture(new OffloadedMedia(OffloadedMedia.Status.REFUSED,
				"chat.input", null, "image/png", 7, this.span, "too_large", null)));
		cache.forget(List.of("mem://a"));
		assertThat(cache.see(this.image, call, false)).isNotNull();
		assertThat(cache.see(refused, call, false)).isNotNull();
	}

	@Test
	void aLifetimeOfZeroOffloadsMediaEveryTime() {
		MediaOffloader offloader = MediaOffloader.builder(fileRegistry()).recentMediaLifetime(Duration.ZERO).build();
		offload(offloader);
		offload(offloader);
		assertThat(offloader.count(MediaOffloadOutcome.REUSED)).isZero();
		assertThatIllegalArgumentException()
			.isThrownBy(() -> MediaOffloader.builder(fileRegistry()).recentMediaLifetime(Duration.ofSeconds(-1)))
			.withMessage("recentMediaLifetime must not be negative but was PT-1S");
	}

	private OffloadedMedia offload(MediaOffloader offloader) {
		return offloader.offload(this.image, this.image, "image/png", "chat.input",
				MediaCall.of(this.span, "c-1", MediaCall.CHAT), 0, 0);
	}

	private OffloadedMedia uploaded(String uri) {
		return new OffloadedMedia(OffloadedMedia.Status.UPLOADED, "chat.input", uri, "image/png", 7, this.span, null,
				null);
	}

	private DefaultBlobUploaderRegistry fileRegistry() {
		if (this.engine == null) {
			this.engine = AsyncBlobUploader
				.builder(new FileBlobStorageProvider().createUploader("file://" + this.folder,
						BlobNamingStrategies.contentAddressed()))
				.build();
		}
		return DefaultBlobUploaderRegistry.builder().defaultUploader(this.engine).build();
	}

}
