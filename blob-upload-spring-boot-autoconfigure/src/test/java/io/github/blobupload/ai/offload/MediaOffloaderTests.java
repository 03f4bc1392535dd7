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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ai.AiBlobLabels;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MediaOffloader}.
 */
class MediaOffloaderTests {

	private final List<Blob> uploaded = new CopyOnWriteArrayList<>();

	private final DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
		.defaultUploader((blob) -> {
			this.uploaded.add(blob);
			return "mem://blobs/" + this.uploaded.size();
		})
		.build();

	private final SpanInfo span = new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

	@Test
	void sameMediaObjectIsUploadedOnceAndRecordedConsistently() {
		List<OffloadedMedia> events = new ArrayList<>();
		MediaOffloader offloader = MediaOffloader.builder(this.registry).listeners(List.of(events::add)).build();
		byte[] image = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

		OffloadedMedia first = offloader.offload(image, "image/png", "chat.input", this.span, 0, 1);
		OffloadedMedia second = offloader.offload(image, "image/png", "chat.input", this.span, 0, 1);

		assertThat(second).isEqualTo(first);
		assertThat(this.uploaded).hasSize(1);
		assertThat(this.uploaded.get(0).labels()).containsEntry("trace_id", this.span.traceId())
			.containsEntry("span_id", this.span.spanId())
			.containsEntry(AiBlobLabels.USE_CASE, "chat.input")
			.containsEntry(AiBlobLabels.PART_INDEX, "1");
		assertThat(events).containsExactly(first);
		assertThat(offloader.count(MediaOffloadOutcome.REUSED)).isEqualTo(1);
	}

	@Test
	void mediaSeenTwiceInOneCallIsCountedOnce() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).build();
		byte[] image = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };
		MediaCall call = MediaCall.of(this.span, null, MediaCall.CHAT);

		offloader.offload(image, image, "image/png", "chat.input", call, 0, 0);
		offloader.offload(image, image, "image/png", "chat.input", call, 0, 0);
		offloader.offload(image, image, "image/png", "chat.input",
				MediaCall.collecting(this.span, null, MediaCall.CHAT), 0, 0);

		assertThat(this.uploaded).hasSize(1);
		assertThat(offloader.count(MediaOffloadOutcome.UPLOADED)).isOne();
		assertThat(offloader.count(MediaOffloadOutcome.REUSED)).isZero();
	}

	@Test
	void mediaSentAgainInALaterCallIsCountedAsReusedOnce() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).build();
		byte[] image = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };
		MediaCall later = MediaCall.of(this.span, null, MediaCall.CHAT);

		offloader.offload(image, image, "image/png", "chat.input", MediaCall.of(this.span, null, MediaCall.CHAT), 0, 0);
		offloader.offload(image, image, "image/png", "chat.input", later, 0, 0);
		offloader.offload(image, image, "image/png", "chat.input", later, 0, 0);

		assertThat(offloader.count(MediaOffloadOutcome.UPLOADED)).isOne();
		assertThat(offloader.count(MediaOffloadOutcome.REUSED)).isOne();
	}

	@Test
	void skippedMediaIsCountedOncePerCall() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).build();
		Object image = new byte[] { 1 };
		MediaCall call = MediaCall.of(new SpanInfo("t", "s", false), null, MediaCall.CHAT);

		offloader.skip(image, call);
		offloader.skip(image, call);
		offloader.skip(image, MediaCall.collecting(call.span(), null, MediaCall.CHAT));
		offloader.skip(image, MediaCall.of(call.span(), null, MediaCall.CHAT));

		assertThat(offloader.count(MediaOffloadOutcome.SKIPPED_UNSAMPLED)).isEqualTo(2);
	}

	@Test
	void labelsNameTheConversationAndTheOperation() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).build();
		byte[] image = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

		offloader.offload(image, image, "image/png", "chat.input", MediaCall.of(this.span, "c-1", MediaCall.CHAT), 0,
				0);

		assertThat(this.uploaded.get(0).labels()).containsEntry(AiBlobLabels.CONVERSATION_ID, "c-1")
			.containsEntry(AiBlobLabels.OPERATION_NAME, "chat");
	}

	@Test
	void remoteUrlsAreRecordedNotFetched() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).build();

		OffloadedMedia media = offloader.offload(URI.create("https://example.invalid/a.png"), "image/png", "chat.input",
				this.span, 0, 0);

		assertThat(media.status()).isEqualTo(OffloadedMedia.Status.REMOTE);
		assertThat(media.uri()).isEqualTo("https://example.invalid/a.png");
		assertThat(this.uploaded).isEmpty();
	}

	@Test
	void smallMediaStaysInlineWithinTheBudget() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).inlineBudgetBytes(16).build();

		OffloadedMedia media = offloader.offload(new byte[] { 1, 2, 3 }, "image/png", "chat.input", this.span, 0, 0);

		assertThat(media.status()).isEqualTo(OffloadedMedia.Status.INLINE);
		assertThat(media.inlineBase64()).isEqualTo("AQID");
		assertThat(this.uploaded).isEmpty();
	}

	@Test
	void unsupportedStringsAreNeverRecordedAsGiven() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).build();

		OffloadedMedia media = offloader.offload("iVBORw0KGgoAAAANSUhEUg", "image/png", "chat.input", this.span, 0, 0);

		assertThat(media.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(offloader.count(MediaOffloadOutcome.REFUSED_UNSUPPORTED_DATA)).isEqualTo(1);
	}

	@Test
	void dataUriIsDecodedAndUploaded() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).build();

		OffloadedMedia media = offloader.offload("data:image/png;base64,AQID", null, "chat.input", this.span, 0, 0);

		assertThat(media.status()).isEqualTo(OffloadedMedia.Status.UPLOADED);
		assertThat(this.uploaded.get(0).rawBytes()).containsExactly(1, 2, 3);
		assertThat(this.uploaded.get(0).contentType()).isEqualTo("image/png");
	}

	@Test
	void sampledOutSpansAreSkippedUnlessConfiguredOtherwise() {
		SpanInfo sampledOut = new SpanInfo("t", "s", false);

		assertThat(MediaOffloader.builder(this.registry).build().shouldOffload(sampledOut)).isFalse();
		assertThat(MediaOffloader.builder(this.registry).uploadOnlyWhenSampled(false).build().shouldOffload(sampledOut))
			.isTrue();
	}

}
