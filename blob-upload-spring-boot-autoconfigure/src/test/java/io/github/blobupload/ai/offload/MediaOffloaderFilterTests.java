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
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link MediaOffloader}'s include and exclude rules and its
 * {@link MediaFilter}s.
 */
class MediaOffloaderFilterTests {

	private static final byte[] IMAGE = { (byte) 0x89, 'P', 'N', 'G', 1, 2, 3 };

	private static final byte[] AUDIO = { 'R', 'I', 'F', 'F', 4, 5, 6 };

	private final List<Blob> uploaded = new CopyOnWriteArrayList<>();

	private final DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
		.defaultUploader((blob) -> {
			this.uploaded.add(blob);
			return "mem://blobs/" + this.uploaded.size();
		})
		.build();

	private final SpanInfo span = new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

	@Test
	void excludedModalityIsRecordedAsDevNullAndNeverStored() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).exclude("*.audio").build();

		OffloadedMedia audio = offloader.offload(AUDIO, "audio/wav", AiUseCases.AUDIO_INPUT, this.span, 0, 0);
		OffloadedMedia image = offloader.offload(IMAGE, "image/png", AiUseCases.CHAT_INPUT, this.span, 0, 1);

		assertThat(audio.status()).isEqualTo(OffloadedMedia.Status.REFUSED);
		assertThat(audio.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(audio.inlineBase64()).isNull();
		assertThat(image.status()).isEqualTo(OffloadedMedia.Status.UPLOADED);
		assertThat(this.uploaded).singleElement()
			.satisfies((blob) -> assertThat(blob.contentType()).isEqualTo("image/png"));
		assertThat(offloader.count(MediaOffloadOutcome.EXCLUDED_BY_RULE)).isOne();
		assertThat(MediaOffloadOutcome.EXCLUDED_BY_RULE.outcome()).isEqualTo("excluded");
	}

	@Test
	void excludedMediaIsNotKeptInlineEither() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry)
			.inlineBudgetBytes(1024)
			.exclude("input.image")
			.build();

		OffloadedMedia media = offloader.offload(IMAGE, "image/png", AiUseCases.CHAT_INPUT, this.span, 0, 0);

		assertThat(media.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(media.inlineBase64()).isNull();
	}

	@Test
	void includesLimitOffloadingToWhatTheyName() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).include("output.image").build();

		OffloadedMedia input = offloader.offload(IMAGE, "image/png", AiUseCases.CHAT_INPUT, this.span, 0, 0);
		OffloadedMedia output = offloader.offload(IMAGE.clone(), "image/png", AiUseCases.IMAGE_OUTPUT, this.span, 0, 0);
		OffloadedMedia remote = offloader.offload(URI.create("https://example.invalid/a.pdf"), "application/pdf",
				AiUseCases.CHAT_INPUT, this.span, 0, 1);

		assertThat(input.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(remote.uri()).as("remote URLs obey the rules too").isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(output.status()).isEqualTo(OffloadedMedia.Status.UPLOADED);
		assertThat(offloader.count(MediaOffloadOutcome.EXCLUDED_BY_RULE)).isEqualTo(2);
	}

	@Test
	void badRulesAreRefusedWithTheValue() {
		for (String rule : List.of("audio", "input.sound", "both.image", ".image", "")) {
			assertThatIllegalArgumentException().isThrownBy(() -> MediaOffloader.builder(this.registry).exclude(rule))
				.withMessageContaining("'" + rule + "'")
				.withMessageContaining("input.image");
		}
	}

	@Test
	void filterSeesDirectionModalityLabelsAndBytes() {
		List<MediaFilter.Candidate> seen = new ArrayList<>();
		MediaOffloader offloader = MediaOffloader.builder(this.registry).filters(List.of((media) -> {
			seen.add(media);
			return MediaFilter.Decision.pass();
		})).build();

		offloader.offload(IMAGE, "image/png", AiUseCases.CHAT_INPUT, this.span, 2, 1);

		assertThat(seen).singleElement().satisfies((media) -> {
			assertThat(media.direction()).isEqualTo(MediaFilter.Direction.INPUT);
			assertThat(media.modality()).isEqualTo("image");
			assertThat(media.contentType()).isEqualTo("image/png");
			assertThat(media.size()).isEqualTo(IMAGE.length);
			assertThat(media.bytes()).isEqualTo(IMAGE);
			assertThat(media.url()).isNull();
			assertThat(media.labels()).containsEntry(AiBlobLabels.MESSAGE_INDEX, "2");
		});
		assertThat(this.uploaded).hasSize(1);
	}

	@Test
	void replacementIsWhatTheNextFilterSeesAndWhatIsStored() {
		byte[] masked = { 9, 9, 9 };
		List<MediaFilter.Candidate> second = new ArrayList<>();
		MediaOffloader offloader = MediaOffloader.builder(this.registry)
			.filters(List.of((media) -> MediaFilter.Decision.replace(masked, "image/jpeg"), (media) -> {
				second.add(media);
				return null;
			}))
			.build();

		OffloadedMedia media = offloader.offload(IMAGE, "image/png", AiUseCases.CHAT_INPUT, this.span, 0, 0);

		assertThat(second).singleElement().satisfies((seen) -> assertThat(seen.bytes()).isEqualTo(masked));
		assertThat(this.uploaded).singleElement().satisfies((blob) -> {
			assertThat(blob.rawBytes()).isEqualTo(masked);
			assertThat(blob.contentType()).isEqualTo("image/jpeg");
			assertThat(blob.labels()).containsEntry(AiBlobLabels.USE_CASE, AiUseCases.CHAT_INPUT);
		});
		assertThat(media.contentType()).isEqualTo("image/jpeg");
		assertThat(media.size()).isEqualTo(3);
	}

	@Test
	void droppedMediaIsRecordedAsDevNullWithTheReason() {
		List<MediaFilter.Candidate> later = new ArrayList<>();
		MediaOffloader offloader = MediaOffloader.builder(this.registry)
			.filters(List.of((media) -> MediaFilter.Decision.drop("face detected"), (media) -> {
				later.add(media);
				return MediaFilter.Decision.pass();
			}))
			.build();

		OffloadedMedia media = offloader.offload(IMAGE, "image/png", AiUseCases.CHAT_INPUT, this.span, 0, 0);

		assertThat(media.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(media.refusalReason()).isEqualTo("face detected");
		assertThat(later).as("later filters are not asked").isEmpty();
		assertThat(this.uploaded).isEmpty();
		assertThat(offloader.count(MediaOffloadOutcome.EXCLUDED_BY_FILTER)).isOne();
	}

	@Test
	void keptInlineMediaIsRecordedAsItWasAndNotUploaded() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry)
			.filters(List.of((media) -> MediaFilter.Decision.keepInline()))
			.build();

		OffloadedMedia bytes = offloader.offload(new byte[] { 1, 2, 3 }, "image/png", AiUseCases.CHAT_INPUT, this.span,
				0, 0);
		OffloadedMedia remote = offloader.offload(URI.create("https://example.invalid/a.png"), "image/png",
				AiUseCases.CHAT_INPUT, this.span, 0, 1);

		assertThat(bytes.status()).isEqualTo(OffloadedMedia.Status.INLINE);
		assertThat(bytes.inlineBase64()).isEqualTo("AQID");
		assertThat(remote.status()).isEqualTo(OffloadedMedia.Status.REMOTE);
		assertThat(remote.uri()).isEqualTo("https://example.invalid/a.png");
		assertThat(this.uploaded).isEmpty();
		assertThat(offloader.count(MediaOffloadOutcome.INLINE)).isOne();
	}

	@Test
	void filterSeesARemoteUrlWithoutBytes() {
		List<MediaFilter.Candidate> seen = new ArrayList<>();
		MediaOffloader offloader = MediaOffloader.builder(this.registry).filters(List.of((media) -> {
			seen.add(media);
			return MediaFilter.Decision.pass();
		})).build();

		offloader.offload(URI.create("https://example.invalid/a.png"), "image/png", AiUseCases.CHAT_OUTPUT, this.span,
				0, 0);

		assertThat(seen).singleElement().satisfies((media) -> {
			assertThat(media.direction()).isEqualTo(MediaFilter.Direction.OUTPUT);
			assertThat(media.bytes()).isNull();
			assertThat(media.url()).isEqualTo("https://example.invalid/a.png");
			assertThat(media.size()).isEqualTo(-1);
		});
	}

	@Test
	void failingFilterDropsTheMediaAndTheCallGoesOn() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).filters(List.of((media) -> {
			throw new IllegalStateException("boom");
		})).build();

		OffloadedMedia media = offloader.offload(IMAGE, "image/png", AiUseCases.CHAT_INPUT, this.span, 0, 0);

		assertThat(media.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(media.refusalReason()).isEqualTo("filter_error");
		assertThat(this.uploaded).isEmpty();
		assertThat(offloader.count(MediaOffloadOutcome.EXCLUDED_FILTER_ERROR)).isOne();
	}

	@Test
	void textToSpeechAudioObeysTheRules() {
		MediaOffloader offloader = MediaOffloader.builder(this.registry).exclude("output.audio").build();

		OffloadedMedia media = offloader.offload(new Blob(new byte[] { 1, 2, 3, 4 }, "audio/pcm", null),
				AiUseCases.AUDIO_OUTPUT, MediaCall.of(this.span, null, "text_to_speech"));

		assertThat(media.uri()).isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(this.uploaded).isEmpty();
	}

	@Test
	void excludedMediaNeverReachesAFilter() {
		List<MediaFilter.Candidate> seen = new ArrayList<>();
		MediaOffloader offloader = MediaOffloader.builder(this.registry).exclude("input.*").filters(List.of((media) -> {
			seen.add(media);
			return MediaFilter.Decision.pass();
		})).build();

		offloader.offload(IMAGE, "image/png", AiUseCases.CHAT_INPUT, this.span, 0, 0);

		assertThat(seen).isEmpty();
	}

}
