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

package io.github.blobupload.ai.audio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.Blob;
import io.github.blobupload.ai.AiBlobLabels;
import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.DefaultAudioOffloadObservationConvention;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadingTextToSpeechModel;
import io.github.blobupload.ai.OffloadingTranscriptionModel;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.audio.transcription.AudioTranscription;
import org.springframework.ai.audio.transcription.AudioTranscriptionResponse;
import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.Speech;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechOptions;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AudioCallOffloader} through {@link OffloadingTextToSpeechModel} and
 * {@link OffloadingTranscriptionModel}, with the
 * {@link DefaultAudioOffloadObservationConvention}.
 */
class DefaultOffloadingAudioModelsTests {

	private static final SpanInfo SPAN = new SpanInfo("0af7651916cd43dd8448eb211c80319c", "b7ad6b7169203331", true);

	private final List<Blob> uploaded = new CopyOnWriteArrayList<>();

	private final List<Observation.Context> observed = new CopyOnWriteArrayList<>();

	private final MediaOffloader offloader = MediaOffloader
		.builder(DefaultBlobUploaderRegistry.builder().defaultUploader((blob) -> {
			this.uploaded.add(blob);
			return "mem://blobs/" + this.uploaded.size();
		}).build())
		.build();

	private final ObservationRegistry observations = ObservationRegistry.create();

	DefaultOffloadingAudioModelsTests() {
		this.observations.observationConfig().observationHandler(new ObservationHandler<>() {

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}

			@Override
			public void onStop(Observation.Context context) {
				DefaultOffloadingAudioModelsTests.this.observed.add(context);
			}

		});
	}

	@Test
	void textToSpeechRecordsOutputAudioOnBlobUploadAudio() {
		byte[] mp3 = { 'I', 'D', '3', 4, 0, 1, 2 };
		OffloadingTextToSpeechModel speech = new DefaultOffloadingTextToSpeechModel(speaking(mp3), this.offloader,
				() -> SPAN, this.observations);

		assertThat(speech.call("Hello")).isEqualTo(mp3);

		Observation.Context context = onlyObservation();
		assertThat(context.getName()).isEqualTo(DefaultAudioOffloadObservationConvention.DEFAULT_NAME)
			.isEqualTo("blob.upload.audio");
		assertThat(context.getContextualName()).isEqualTo("text_to_speech");
		assertThat(context.getLowCardinalityKeyValues())
			.containsExactly(KeyValue.of("blob.upload.audio.operation", "text_to_speech"));
		assertThat(context.getHighCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("output.audio.url", "mem://blobs/1"), KeyValue.of("output.audio.mime_type", "audio/mpeg"));
		assertThat(this.uploaded.get(0).labels()).containsEntry(AiBlobLabels.USE_CASE, AiUseCases.AUDIO_OUTPUT);
	}

	@Test
	void transcriptionRecordsInputAudioOnBlobUploadAudio() {
		byte[] wav = io.github.blobupload.AudioBlobs.fromPcm16(new byte[64], 16_000, 1, null).rawBytes();
		OffloadingTranscriptionModel transcription = new DefaultOffloadingTranscriptionModel(transcribing("hello"),
				this.offloader, () -> SPAN, this.observations);

		assertThat(transcription.transcribe(new ByteArrayResource(wav))).isEqualTo("hello");

		Observation.Context context = onlyObservation();
		assertThat(context.getName()).isEqualTo("blob.upload.audio");
		assertThat(context.getContextualName()).isEqualTo("transcription");
		assertThat(context.getLowCardinalityKeyValues())
			.containsExactly(KeyValue.of("blob.upload.audio.operation", "transcription"));
		assertThat(context.getHighCardinalityKeyValues()).containsExactlyInAnyOrder(
				KeyValue.of("input.audio.url", "mem://blobs/1"), KeyValue.of("input.audio.mime_type", "audio/wav"));
		assertThat(this.uploaded.get(0).rawBytes()).isEqualTo(wav);
	}

	@Test
	void sampledOutSpanRecordsNoAudioAndCountsTheSkip() {
		SpanInfo sampledOut = new SpanInfo("t", "s", false);
		OffloadingTranscriptionModel transcription = new DefaultOffloadingTranscriptionModel(transcribing("hello"),
				this.offloader, () -> sampledOut, this.observations);

		transcription.transcribe(new ByteArrayResource(new byte[] { 1, 2, 3 }));

		assertThat(onlyObservation().getHighCardinalityKeyValues()).isEmpty();
		assertThat(this.uploaded).isEmpty();
		assertThat(this.offloader.count(MediaOffloadOutcome.SKIPPED_UNSAMPLED)).isEqualTo(1);
	}

	@Test
	void conversationOfAnEnclosingObservationLabelsTheAudio() {
		OffloadingTextToSpeechModel speech = new DefaultOffloadingTextToSpeechModel(speaking(new byte[] { 1, 2, 3 }),
				this.offloader, () -> SPAN, this.observations);

		Observation.createNotStarted("turn", this.observations)
			.highCardinalityKeyValue("gen_ai.conversation.id", "conversation-7")
			.observe(() -> speech.call("Hello"));

		assertThat(this.uploaded).singleElement()
			.satisfies((blob) -> assertThat(blob.labels()).containsEntry(AiBlobLabels.CONVERSATION_ID, "conversation-7")
				.containsEntry(AiBlobLabels.OPERATION_NAME, "text_to_speech"));
		assertThat(this.observed).filteredOn((context) -> context.getName().equals("blob.upload.audio"))
			.singleElement()
			.satisfies((context) -> assertThat(context.getHighCardinalityKeyValues())
				.contains(KeyValue.of("gen_ai.conversation.id", "conversation-7")));
	}

	@Test
	void modelWrappedTwiceOffloadsItsAudioOnce() {
		OffloadingTextToSpeechModel inner = new DefaultOffloadingTextToSpeechModel(speaking(new byte[] { 1, 2, 3 }),
				this.offloader, () -> SPAN, this.observations);
		OffloadingTextToSpeechModel outer = new DefaultOffloadingTextToSpeechModel(inner, this.offloader, () -> SPAN,
				this.observations);

		outer.call("Hello");

		assertThat(this.uploaded).hasSize(1);
		assertThat(onlyObservation().getHighCardinalityKeyValues())
			.contains(KeyValue.of("output.audio.url", "mem://blobs/1"));
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isOne();
	}

	@Test
	void aConventionCanRenameTheObservation() {
		OffloadingTextToSpeechModel speech = new DefaultOffloadingTextToSpeechModel(speaking(new byte[] { 1, 2 }),
				this.offloader, () -> SPAN, this.observations);
		speech.setObservationConvention(new DefaultAudioOffloadObservationConvention() {

			@Override
			public String getName() {
				return "my.audio";
			}

		});

		speech.call("Hello");

		assertThat(onlyObservation().getName()).isEqualTo("my.audio");
	}

	private Observation.Context onlyObservation() {
		assertThat(this.observed).hasSize(1);
		return this.observed.get(0);
	}

	private static TextToSpeechModel speaking(byte[] audio) {
		return new TextToSpeechModel() {

			@Override
			public TextToSpeechResponse call(TextToSpeechPrompt prompt) {
				return new TextToSpeechResponse(List.of(new Speech(audio)));
			}

			@Override
			public Flux<TextToSpeechResponse> stream(TextToSpeechPrompt prompt) {
				return Flux.just(call(prompt));
			}

			@Override
			public TextToSpeechOptions getDefaultOptions() {
				return TextToSpeechOptions.builder().format("mp3").build();
			}

		};
	}

	private static TranscriptionModel transcribing(String text) {
		return (prompt) -> new AudioTranscriptionResponse(new AudioTranscription(text));
	}

}
