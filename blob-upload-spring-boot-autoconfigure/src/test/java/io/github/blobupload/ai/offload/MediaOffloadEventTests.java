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

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaOffloadEvent;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@link MediaOffloadEvent} that {@link MediaOffloader} gives its
 * {@link BlobOffloadListener}s, one per outcome.
 */
class MediaOffloadEventTests {

	private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3, 4 };

	private static final String VIEWER = "https://ops.example.com/blob-viewer/";

	private final SpanInfo span = new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

	private final MediaCall call = MediaCall.of(this.span, "conversation-7", MediaCall.CHAT);

	private final List<MediaOffloadEvent> events = new CopyOnWriteArrayList<>();

	private final List<OffloadedMedia> uploads = new CopyOnWriteArrayList<>();

	private final DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
		.defaultUploader((blob) -> "mem://blobs/" + blob.size())
		.build();

	private MediaOffloaderBuilder offloader() {
		return MediaOffloader.builder(this.registry)
			.eventViewerLinks((uri) -> uri.startsWith("mem://") ? VIEWER + uri.substring(6) : uri)
			.listeners(List.of(BlobOffloadListener.ofEvents(this.events::add), this.uploads::add));
	}

	@Test
	void uploadedMediaCarriesUriViewerLinkAndTheCallsContext() {
		MediaOffloader offloader = offloader().build();

		offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, this.call, 2, 1);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.UPLOADED);
			assertThat(event.reason()).isEqualTo("none");
			assertThat(event.uploaded()).isTrue();
			assertThat(event.useCase()).isEqualTo("chat.input");
			assertThat(event.direction()).isEqualTo(MediaFilter.Direction.INPUT);
			assertThat(event.modality()).isEqualTo("image");
			assertThat(event.uri()).isEqualTo("mem://blobs/8");
			assertThat(event.viewerLink()).isEqualTo(VIEWER + "blobs/8");
			assertThat(event.contentType()).isEqualTo("image/png");
			assertThat(event.size()).isEqualTo(8);
			assertThat(event.messageIndex()).isEqualTo(2);
			assertThat(event.partIndex()).isEqualTo(1);
			assertThat(event.traceId()).isEqualTo(this.span.traceId());
			assertThat(event.spanId()).isEqualTo(this.span.spanId());
			assertThat(event.conversationId()).isEqualTo("conversation-7");
			assertThat(event.operationName()).isEqualTo("chat");
		});
		assertThat(this.uploads).as("onOffloaded keeps its contract")
			.singleElement()
			.isEqualTo(this.events.get(0).media());
	}

	@Test
	void inlineMediaHasNoUriAndNoLink() {
		MediaOffloader offloader = offloader().inlineBudgetBytes(1_000).build();

		offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, this.call, 0, 0);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.INLINE);
			assertThat(event.reason()).isEqualTo("none");
			assertThat(event.uri()).isNull();
			assertThat(event.viewerLink()).isNull();
			assertThat(event.size()).isEqualTo(8);
			assertThat(event.uploaded()).isFalse();
		});
		assertThat(this.uploads).isEmpty();
	}

	@Test
	void remoteMediaCarriesItsUrlAndUnknownSize() {
		MediaOffloader offloader = offloader().build();
		String url = "https://images.example.com/cat.png";

		offloader.offload(url, url, "image/png", AiUseCases.CHAT_INPUT, this.call, 1, 0);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.REMOTE);
			assertThat(event.uri()).isEqualTo(url);
			assertThat(event.viewerLink()).isNull();
			assertThat(event.size()).isEqualTo(-1);
			assertThat(event.modality()).isEqualTo("image");
		});
	}

	@Test
	void refusedMediaCarriesItsReason() {
		MediaOffloader offloader = offloader().build();
		String malformed = "data:image/png;base64,%%%";

		offloader.offload(malformed, malformed, null, AiUseCases.CHAT_INPUT, this.call, 0, 0);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI);
			assertThat(event.reason()).isEqualTo("malformed_data_uri");
			assertThat(event.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
			assertThat(event.viewerLink()).isNull();
		});
		assertThat(this.uploads).isEmpty();
	}

	@Test
	void mediaTheUploaderRefusesIsReportedAsSuch() {
		DefaultBlobUploaderRegistry full = DefaultBlobUploaderRegistry.builder()
			.defaultUploader((blob) -> BlobUploader.NOT_UPLOADED)
			.build();
		MediaOffloader offloader = MediaOffloader.builder(full)
			.listeners(List.of(BlobOffloadListener.ofEvents(this.events::add)))
			.build();

		offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, this.call, 0, 0);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.REFUSED_BY_UPLOADER);
			assertThat(event.reason()).isEqualTo("uploader");
			assertThat(event.size()).isEqualTo(8);
		});
	}

	@Test
	void mediaExcludedByARuleIsReportedWithTheRuleReason() {
		MediaOffloader offloader = offloader().exclude("output.audio").build();
		byte[] wav = { 'R', 'I', 'F', 'F', 1, 2, 3 };

		offloader.offload(wav, wav, "audio/wav", AiUseCases.AUDIO_OUTPUT, this.call, 0, 0);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.EXCLUDED_BY_RULE);
			assertThat(event.reason()).isEqualTo("rule");
			assertThat(event.direction()).isEqualTo(MediaFilter.Direction.OUTPUT);
			assertThat(event.modality()).isEqualTo("audio");
			assertThat(event.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
		});
	}

	@Test
	void mediaAFilterDropsCarriesTheFiltersReason() {
		MediaOffloader offloader = offloader().filters(List.of((media) -> MediaFilter.Decision.drop("face detected")))
			.build();

		offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, this.call, 0, 0);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.EXCLUDED_BY_FILTER);
			assertThat(event.reason()).isEqualTo("face detected");
		});
	}

	@Test
	void mediaSeenTwiceInOneCallIsReportedOnceAndAgainInTheNextCall() {
		MediaOffloader offloader = offloader().build();
		MediaCall next = MediaCall.of(new SpanInfo("4bf92f3577b34da6a3ce929d0e0e4736", "00f067aa0ba902b7", true),
				"conversation-7", MediaCall.CHAT);

		offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, this.call, 0, 0);
		offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, this.call, 0, 0);
		offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT,
				MediaCall.collecting(this.span, null, MediaCall.CHAT), 0, 0);
		offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, next, 3, 0);

		assertThat(this.events).extracting(MediaOffloadEvent::outcome)
			.containsExactly(MediaOffloadOutcome.UPLOADED, MediaOffloadOutcome.REUSED);
		MediaOffloadEvent reused = this.events.get(1);
		assertThat(reused.spanId()).isEqualTo("00f067aa0ba902b7");
		assertThat(reused.messageIndex()).isEqualTo(3);
		assertThat(reused.uri()).isEqualTo(this.events.get(0).uri());
		assertThat(reused.viewerLink()).isEqualTo(this.events.get(0).viewerLink());
		assertThat(reused.uploaded()).isTrue();
		assertThat(this.uploads).as("onOffloaded hears the upload once").hasSize(1);
	}

	@Test
	void aFailingListenerNeitherBreaksTheCallNorSilencesTheOthers() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry)
			.listeners(List.of(BlobOffloadListener.ofEvents((event) -> {
				throw new IllegalStateException("listener bug");
			}), BlobOffloadListener.ofEvents(this.events::add)))
			.build();

		OffloadedMedia media = offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, this.call, 0, 0);

		assertThat(media.status()).isEqualTo(OffloadedMedia.Status.UPLOADED);
		assertThat(this.events).hasSize(1);
	}

	@Test
	void failingViewerLinksLeaveTheEventWithoutALink() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).eventViewerLinks((uri) -> {
			throw new IllegalStateException("links bug");
		}).listeners(List.of(BlobOffloadListener.ofEvents(this.events::add))).build();

		OffloadedMedia media = offloader.offload(PNG, PNG, "image/png", AiUseCases.CHAT_INPUT, this.call, 0, 0);

		assertThat(media.status()).isEqualTo(OffloadedMedia.Status.UPLOADED);
		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.uri()).isEqualTo(media.uri());
			assertThat(event.viewerLink()).isNull();
		});
	}

	@Test
	void speechOutputIsReportedForItsCall() {
		MediaOffloader offloader = offloader().build();
		MediaCall speech = MediaCall.of(this.span, "conversation-7", "text_to_speech");

		offloader.offload(new Blob(PNG, "audio/mpeg", Map.of()), AiUseCases.AUDIO_OUTPUT, speech);

		assertThat(this.events).singleElement().satisfies((event) -> {
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.UPLOADED);
			assertThat(event.operationName()).isEqualTo("text_to_speech");
			assertThat(event.direction()).isEqualTo(MediaFilter.Direction.OUTPUT);
			assertThat(event.modality()).isEqualTo("audio");
		});
	}

}
