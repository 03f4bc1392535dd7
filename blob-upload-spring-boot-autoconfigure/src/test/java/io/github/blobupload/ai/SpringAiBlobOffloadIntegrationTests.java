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

package io.github.blobupload.ai;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.blobupload.BlobUploader;
import io.github.blobupload.ai.format.GenAiSchemas;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.image.ImageModel;
import org.springframework.ai.image.ImagePrompt;
import org.springframework.ai.image.ImageResponse;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.OpenAiImageOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.util.MimeTypeUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.blobupload.ai.SpringAiTestSupport.assertNoBase64Anywhere;
import static io.github.blobupload.ai.SpringAiTestSupport.assertStored;
import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring AI integration end to end: a real {@code ChatClient}/{@code ChatModel}/
 * {@code ImageModel} from spring-ai-openai talking to a local OpenAI-compatible server
 * (WireMock), real tracing (Micrometer bridge to the OpenTelemetry SDK, in-memory
 * exporter), and the embedded {@code file:} storage in a temporary folder.
 */
@SpringBootTest(classes = SpringAiTestSupport.TestApplication.class,
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}default",
				"blob.upload.max-blob-size=256KB",
				"blob.upload.use-cases.chat-input.uri-prefix=${test.storage}/prompts",
				"blob.upload.use-cases.image-output.enabled=true", "blob.upload.use-cases.audio-output.enabled=true",
				"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
				"spring.ai.openai.chat.options.model=gpt-4o-mini", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false" })
class SpringAiBlobOffloadIntegrationTests extends SpringAiIntegrationTest {

	@Autowired
	private ChatModel chatModel;

	@Autowired
	private ImageModel imageModel;

	@Autowired
	private org.springframework.ai.audio.tts.TextToSpeechModel textToSpeechModel;

	@Autowired
	private org.springframework.ai.audio.transcription.TranscriptionModel transcriptionModel;

	@Autowired
	private io.micrometer.observation.ObservationRegistry observationRegistry;

	@BeforeEach
	void reset() {
		server.resetAll();
	}

	@Test
	void chatClientImagePromptIsUploadedOnceAndRecordedAsUriOnTheModelSpan() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A red square.");
		byte[] image = png(20_000);
		long uploadedBefore = this.offloader.count(MediaOffloadOutcome.UPLOADED);
		long reusedBefore = this.offloader.count(MediaOffloadOutcome.REUSED);
		long filesBefore = countFiles(storage.resolve("prompts"));

		ChatClientResponse response = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is in this picture?")
				.media(MimeTypeUtils.IMAGE_PNG, new org.springframework.core.io.ByteArrayResource(image)))
			.call()
			.chatClientResponse();

		assertThat(response.chatResponse().getResult().getOutput().getText()).isEqualTo("A red square.");
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		SpanData modelSpan = spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES);
		String input = attribute(modelSpan, GenAiSemconvAttributes.INPUT_MESSAGES);
		Map<String, Object> part = firstMediaPart(input);
		assertThat(part).containsEntry("type", "uri")
			.containsEntry("modality", "image")
			.containsEntry("mime_type", "image/png");
		String uri = (String) part.get("uri");
		assertThat(uri).startsWith(storage.resolve("prompts").toUri().toString()).endsWith(".png");
		assertStored(uri, image);
		assertNoBase64Anywhere(spans, image);
		assertThat(input).as("message text is not captured by default").doesNotContain("What is in this picture?");
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(input)).isEmpty();
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(attribute(modelSpan, GenAiSemconvAttributes.OUTPUT_MESSAGES)))
			.isEmpty();
		assertThat(countFiles(storage.resolve("prompts"))).as("advisor and observation upload the same image once")
			.isEqualTo(filesBefore + 1);
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(uploadedBefore + 1);
		assertThat(this.offloader.count(MediaOffloadOutcome.REUSED)).as("counted once per call")
			.isEqualTo(reusedBefore);
		List<OffloadedMedia> offloaded = (List<OffloadedMedia>) response.context()
			.get(BlobOffloadAdvisor.OFFLOADED_MEDIA);
		assertThat(offloaded).singleElement().satisfies((media) -> {
			assertThat(media.uri()).isEqualTo(uri);
			assertThat(media.useCase()).isEqualTo("chat.input");
			assertThat(media.span().traceId()).isEqualTo(modelSpan.getTraceId());
			assertThat(media.span().spanId()).isEqualTo(modelSpan.getSpanId());
		});
		server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions")).withRequestBody(
				com.github.tomakehurst.wiremock.client.WireMock.containing(Base64.getEncoder().encodeToString(image))));
	}

	@Test
	void promptBlobLabelsNameTheModelSpanAndTheConversation() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A red square.");
		byte[] image = png(12_000);

		this.chatClientBuilder.build()
			.prompt()
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, "conversation-42"))
			.user((user) -> user.text("What is this?")
				.media(MimeTypeUtils.IMAGE_PNG, new org.springframework.core.io.ByteArrayResource(image)))
			.call()
			.content();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		SpanData modelSpan = spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(attribute(modelSpan, "gen_ai.conversation.id")).isEqualTo("conversation-42");
		String uri = (String) firstMediaPart(attribute(modelSpan, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		String sidecar = Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json"));
		Map<String, String> labels = SpringAiTestSupport.json(sidecar, "$.labels");
		assertThat(labels).containsEntry("trace_id", modelSpan.getTraceId())
			.containsEntry("span_id", modelSpan.getSpanId())
			.containsEntry(AiBlobLabels.CONVERSATION_ID, "conversation-42")
			.containsEntry(AiBlobLabels.OPERATION_NAME, "chat");
		assertThat(spans).filteredOn((span) -> span.getSpanId().equals(modelSpan.getSpanId()))
			.singleElement()
			.satisfies((span) -> assertThat(span.getName()).startsWith("chat"));
	}

	private static long countFiles(Path folder) throws java.io.IOException {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((file) -> !file.getFileName().toString().endsWith(".meta.json")).count();
		}
	}

	@Test
	void remoteImageUrlIsRecordedAndNotFetched() {
		SpringAiTestSupport.stubTextAnswer(server, "A cat.");
		// The image's host is the local server, which would answer: a fetch would be
		// seen.
		server.stubFor(get(urlPathEqualTo("/images/cat.png"))
			.willReturn(aResponse().withStatus(200).withHeader("Content-Type", "image/png").withBody(png(2_000))));
		String url = server.baseUrl() + "/images/cat.png";

		this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("Describe")
				.media(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(java.net.URI.create(url)).build()))
			.call()
			.content();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		String input = attribute(spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES),
				GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(firstMediaPart(input)).containsEntry("uri", url);
		server.verify(0, getRequestedFor(urlPathEqualTo("/images/cat.png")));
		server.verify(postRequestedFor(urlPathEqualTo("/v1/chat/completions"))
			.withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing(url)));
	}

	@Test
	void pcm16AudioAnswerIsUploadedAsWav() throws Exception {
		byte[] pcm = new byte[4800];
		for (int i = 0; i < pcm.length; i++) {
			pcm[i] = (byte) i;
		}
		SpringAiTestSupport.stubAudioAnswer(server, pcm, "Hello there");

		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.user("Say hello")
			.options(OpenAiChatOptions.builder()
				.model("gpt-4o-audio-preview")
				.outputModalities(List.of("text", "audio"))
				.outputAudio(new OpenAiChatOptions.AudioParameters(OpenAiChatOptions.AudioParameters.Voice.ALLOY,
						OpenAiChatOptions.AudioParameters.AudioResponseFormat.PCM16)))
			.call()
			.chatResponse();

		assertThat(response.getResult().getOutput().getMedia()).hasSize(1);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		String output = attribute(spanWith(spans, GenAiSemconvAttributes.OUTPUT_MESSAGES),
				GenAiSemconvAttributes.OUTPUT_MESSAGES);
		Map<String, Object> part = firstMediaPart(output);
		assertThat(part).containsEntry("modality", "audio").containsEntry("mime_type", "audio/wav");
		String uri = (String) part.get("uri");
		assertThat(uri).contains("/audio-output/").endsWith(".wav");
		byte[] wav = Files.readAllBytes(SpringAiTestSupport.pathOf(uri));
		assertThat(new String(wav, 0, 4, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(wav).hasSize(44 + pcm.length);
		assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(24)).isEqualTo(24_000);
		assertNoBase64Anywhere(spans, pcm);
	}

	@Test
	void streamedCallRecordsThePromptMediaAndTheAggregatedAnswer() throws Exception {
		SpringAiTestSupport.stubStreamedAnswer(server, "A red ", "square.");
		byte[] image = png(30_000);

		List<String> pieces = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is this?")
				.media(MimeTypeUtils.IMAGE_PNG, new org.springframework.core.io.ByteArrayResource(image)))
			.stream()
			.content()
			.collectList()
			.block(java.time.Duration.ofSeconds(10));

		assertThat(String.join("", pieces)).isEqualTo("A red square.");
		// The model's observation stops just after the stream completes, on the
		// stream's thread: wait for its span.
		SpanData modelSpan = org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> flushSpans(this.tracerProvider, this.exporter).stream()
				.filter((span) -> span.getAttributes()
					.asMap()
					.keySet()
					.stream()
					.anyMatch((key) -> key.getKey().equals(GenAiSemconvAttributes.INPUT_MESSAGES)))
				.findFirst()
				.orElse(null), java.util.Objects::nonNull);
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		String uri = (String) firstMediaPart(attribute(modelSpan, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		assertStored(uri, image);
		String sidecar = Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json"));
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels.span_id")).isEqualTo(modelSpan.getSpanId());
		String output = attribute(modelSpan, GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat((List<String>) SpringAiTestSupport.json(output, "$[*].role")).containsExactly("assistant");
		assertThat((List<String>) SpringAiTestSupport.json(output, "$[*].finish_reason")).containsExactly("stop");
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).isEmpty();
		assertNoBase64Anywhere(spans, image);
	}

	@Test
	void directChatModelCallIsCoveredByTheObservationFilter() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "Two circles.");
		byte[] image = png(10_000);
		UserMessage message = UserMessage.builder()
			.text("Count the shapes")
			.media(Media.builder().mimeType(MimeTypeUtils.IMAGE_JPEG).data(image).build())
			.build();

		ChatResponse response = this.chatModel.call(new Prompt(message));

		assertThat(response.getResult().getOutput().getText()).isEqualTo("Two circles.");
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		SpanData modelSpan = spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(spans).noneMatch((span) -> span.getName().startsWith("spring_ai chat_client"));
		String uri = (String) firstMediaPart(attribute(modelSpan, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		assertStored(uri, image);
		assertThat(uri).contains("/prompts/");
	}

	@Test
	void conversationOfAnObservationAroundADirectCallLabelsItsMedia() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "One triangle.");
		byte[] image = png(9_000);
		UserMessage message = UserMessage.builder()
			.text("Count the shapes")
			.media(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(image).build())
			.build();

		io.micrometer.observation.Observation.createNotStarted("voice.turn", this.observationRegistry)
			.highCardinalityKeyValue("gen_ai.conversation.id", "turns-1")
			.observe(() -> this.chatModel.call(new Prompt(message)));

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		SpanData modelSpan = spanWith(flushSpans(this.tracerProvider, this.exporter),
				GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(attribute(modelSpan, "gen_ai.conversation.id")).isEqualTo("turns-1");
		String uri = (String) firstMediaPart(attribute(modelSpan, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		String sidecar = Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json"));
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels." + AiBlobLabels.CONVERSATION_ID))
			.isEqualTo("turns-1");
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels.span_id")).isEqualTo(modelSpan.getSpanId());
	}

	@Test
	void imageModelBase64ResultIsUploadedAndRecorded() throws Exception {
		byte[] image = png(50_000);
		SpringAiTestSupport.stubImageAnswer(server, image);

		ImageResponse response = this.imageModel
			.call(new ImagePrompt("a red square", OpenAiImageOptions.builder().responseFormat("b64_json").build()));

		assertThat(response.getResult().getOutput().getB64Json()).isNotEmpty();
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		String output = attribute(spanWith(spans, GenAiSemconvAttributes.OUTPUT_MESSAGES),
				GenAiSemconvAttributes.OUTPUT_MESSAGES);
		Map<String, Object> part = firstMediaPart(output);
		assertThat(part).containsEntry("type", "uri").containsEntry("modality", "image");
		String uri = (String) part.get("uri");
		assertThat(uri).contains("/image-output/");
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).as("an image response finishes with stop").isEmpty();
		assertStored(uri, image);
		String sidecar = Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json"));
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels." + AiBlobLabels.OPERATION_NAME))
			.isEqualTo("image_generation");
		assertNoBase64Anywhere(spans, image);
	}

	@Test
	void textToSpeechAudioOfTheAutoConfiguredModelIsOffloaded() throws Exception {
		byte[] mp3 = new byte[8_000];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(mp3);
		System.arraycopy(new byte[] { 'I', 'D', '3', 4, 0, 0, 0, 0, 0, 0 }, 0, mp3, 0, 10);
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/audio/speech"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withHeader("Content-Type", "audio/mpeg")
				.withBody(mp3)));
		assertThat(this.textToSpeechModel).as("wrapped without code").isInstanceOf(OffloadingTextToSpeechModel.class);

		byte[] audio = this.textToSpeechModel.call("Hello");

		assertThat(audio).isEqualTo(mp3);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		SpanData span = spanWith(spans, "output.audio.url");
		String uri = attribute(span, "output.audio.url");
		assertThat(uri).contains("/audio-output/");
		assertStored(uri, mp3);
		assertThat(attribute(span, "output.audio.mime_type")).isEqualTo("audio/mpeg");
		String sidecar = Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json"));
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels." + AiBlobLabels.OPERATION_NAME))
			.isEqualTo("text_to_speech");
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels.span_id")).isEqualTo(span.getSpanId());
	}

	@Test
	void transcriptionAudioOfTheAutoConfiguredModelIsOffloaded() throws Exception {
		server.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlPathEqualTo("/v1/audio/transcriptions"))
			.willReturn(com.github.tomakehurst.wiremock.client.WireMock.aResponse()
				.withHeader("Content-Type", "text/plain")
				.withBody("hello")));
		byte[] wav = io.github.blobupload.AudioBlobs.fromPcm16(new byte[3_200], 16_000, 1, null).rawBytes();
		assertThat(this.transcriptionModel).isInstanceOf(OffloadingTranscriptionModel.class);

		String text = this.transcriptionModel.transcribe(new org.springframework.core.io.ByteArrayResource(wav) {
			@Override
			public String getFilename() {
				return "hello.wav";
			}
		});

		assertThat(text).isEqualTo("hello");
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		String uri = attribute(spanWith(spans, "input.audio.url"), "input.audio.url");
		assertStored(uri, wav);
	}

	@Test
	void refusedMediaNeverBreaksTheCallAndIsCounted() {
		SpringAiTestSupport.stubTextAnswer(server, "Fine.");
		long malformed = this.offloader.count(MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI);
		long empty = this.offloader.count(MediaOffloadOutcome.REFUSED_EMPTY);
		long byUploader = this.offloader.count(MediaOffloadOutcome.REFUSED_BY_UPLOADER);
		byte[] tooLarge = png(300 * 1024);

		String answer = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("Look")
				.media(Media.builder()
					.mimeType(MimeTypeUtils.IMAGE_PNG)
					.data("data:image/png;base64,@@not-base64@@")
					.build(), Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(new byte[0]).build(),
						Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(tooLarge).build()))
			.call()
			.content();

		assertThat(answer).isEqualTo("Fine.");
		assertThat(this.offloader.count(MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI)).isEqualTo(malformed + 1);
		assertThat(this.offloader.count(MediaOffloadOutcome.REFUSED_EMPTY)).isEqualTo(empty + 1);
		assertThat(this.offloader.count(MediaOffloadOutcome.REFUSED_BY_UPLOADER)).isEqualTo(byUploader + 1);
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		String input = attribute(spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES),
				GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat((List<String>) SpringAiTestSupport.json(input, "$[0].parts[*].uri"))
			.containsExactly(BlobUploader.NOT_UPLOADED, BlobUploader.NOT_UPLOADED, BlobUploader.NOT_UPLOADED);
		assertNoBase64Anywhere(spans, tooLarge);
	}

}
