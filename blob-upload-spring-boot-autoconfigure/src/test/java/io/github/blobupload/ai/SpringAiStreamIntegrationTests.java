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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.http.Fault;
import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.audio.tts.TextToSpeechPrompt;
import org.springframework.ai.audio.tts.TextToSpeechResponse;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.openai.OpenAiAudioSpeechOptions;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.blobupload.ai.SpringAiTestSupport.assertStored;
import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.firstMediaPart;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams end to end: a real {@code ChatClient} and {@code TextToSpeechModel} of
 * spring-ai-openai streaming from a local server that answers with OpenAI's event streams
 * (WireMock), real tracing into an in-memory exporter, and the embedded {@code file:}
 * storage in a temporary folder.
 */
@SpringBootTest(classes = { SpringAiTestSupport.TestApplication.class, SpringAiStreamIntegrationTests.Events.class },
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}",
				"blob.upload.max-blob-size=256KB", "blob.upload.use-cases.audio-output.enabled=true",
				"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
				"spring.ai.openai.chat.options.model=gpt-4o-mini", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false" })
class SpringAiStreamIntegrationTests extends SpringAiIntegrationTest {

	private static final List<MediaOffloadEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();

	@Autowired
	private TextToSpeechModel textToSpeechModel;

	@Autowired
	private StreamedChatAudio streamedChatAudio;

	@BeforeEach
	void reset() {
		server.resetAll();
		events.clear();
	}

	@Test
	@SuppressWarnings("unchecked")
	void lastStreamedResponseCarriesTheMediaRecordedOnTheModelSpan() throws Exception {
		SpringAiTestSupport.stubStreamedAnswer(server, "A red ", "square", ".");
		byte[] image = png(30_000);
		long uploaded = this.offloader.count(MediaOffloadOutcome.UPLOADED);
		long reused = this.offloader.count(MediaOffloadOutcome.REUSED);

		List<ChatClientResponse> responses = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.stream()
			.chatClientResponse()
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(responses).hasSize(4);
		assertThat(responses.stream().map(SpringAiStreamIntegrationTests::text)).containsExactly("A red ", "square",
				".", "");
		assertThat(responses.subList(0, 3)).allSatisfy(
				(response) -> assertThat(response.context()).doesNotContainKey(BlobOffloadAdvisor.OFFLOADED_MEDIA));
		List<OffloadedMedia> offloaded = (List<OffloadedMedia>) responses.get(3)
			.context()
			.get(BlobOffloadAdvisor.OFFLOADED_MEDIA);
		SpanData modelSpan = awaitModelSpan();
		String uri = (String) firstMediaPart(attribute(modelSpan, GenAiSemconvAttributes.INPUT_MESSAGES)).get("uri");
		assertThat(offloaded).singleElement().satisfies((media) -> {
			assertThat(media.uri()).isEqualTo(uri);
			assertThat(media.useCase()).isEqualTo(AiUseCases.CHAT_INPUT);
			assertThat(media.span().spanId()).isEqualTo(modelSpan.getSpanId());
		});
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertStored(uri, image);
		String sidecar = Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json"));
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels.span_id")).isEqualTo(modelSpan.getSpanId());
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(uploaded + 1);
		assertThat(this.offloader.count(MediaOffloadOutcome.REUSED)).as("counted once").isEqualTo(reused);
	}

	@Test
	void streamThatFailsMidwayGivesTheChunksThenOnlyTheModelsError() {
		String body = chunk("{\"role\":\"assistant\",\"content\":\"A red \"}", null)
				+ chunk("{\"content\":\"square\"}", null) + "data: {\"id\": oops, not json}\n\n";
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
		byte[] image = png(8_000);
		List<String> received = new ArrayList<>();
		List<Throwable> errors = new ArrayList<>();

		this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.stream()
			.chatClientResponse()
			.doOnNext((response) -> {
				received.add(text(response));
				assertThat(response.context()).doesNotContainKey(BlobOffloadAdvisor.OFFLOADED_MEDIA);
			})
			.onErrorResume((ex) -> {
				errors.add(ex);
				return reactor.core.publisher.Flux.empty();
			})
			.blockLast(Duration.ofSeconds(10));

		assertThat(received).containsExactly("A red ", "square");
		assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getClass().getName()).doesNotStartWith("io.github.blobupload"));
	}

	/**
	 * spring-ai-openai 2.0.1 itself still drops the {@code delta.audio} of streamed
	 * chunks (no response carries the audio); the starter's interceptor of its HTTP
	 * client recovers it and the model's observation offloads it once.
	 */
	@Test
	void streamedChatAudioIsStoredOnceAsWavAndRecordedOnTheModelSpan() throws Exception {
		byte[][] deltas = { pcm(4800, 1), pcm(2400, 2), pcm(7200, 3) };
		stubStreamedAudio(audioStream(deltas));
		long uploaded = this.offloader.count(MediaOffloadOutcome.UPLOADED);
		long files = countFiles(storage);

		List<ChatClientResponse> responses = streamAudio();

		assertThat(responses).hasSize(8);
		assertThat(responses.stream().map(SpringAiStreamIntegrationTests::text)).containsExactly("", "Hel", "", "", "",
				"lo", "", "");
		assertThat(responses).as("Spring AI drops the audio itself")
			.allSatisfy((response) -> assertThat(response.chatResponse().getResult().getOutput().getMedia()).isEmpty());
		SpanData modelSpan = awaitModelSpan();
		String output = attribute(modelSpan, GenAiSemconvAttributes.OUTPUT_MESSAGES);
		Map<String, Object> part = SpringAiTestSupport.<Map<String, Object>>json(output, "$[0].parts[0]");
		assertThat(part).containsEntry("type", "uri")
			.containsEntry("modality", "audio")
			.containsEntry("mime_type", "audio/wav");
		String uri = (String) part.get("uri");
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		byte[] wav = Files.readAllBytes(SpringAiTestSupport.pathOf(uri));
		byte[] pcm = concat(List.of(deltas));
		assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(new String(wav, 8, 4, StandardCharsets.US_ASCII)).isEqualTo("WAVE");
		assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(24)).as("sample rate").isEqualTo(24_000);
		assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(40)).isEqualTo(pcm.length);
		assertThat(java.util.Arrays.copyOfRange(wav, 44, wav.length)).isEqualTo(pcm);
		assertThat(countFiles(storage)).as("one object for the whole stream").isEqualTo(files + 1);
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(uploaded + 1);
		String sidecar = Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json"));
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels.span_id")).isEqualTo(modelSpan.getSpanId());
		assertThat(this.streamedChatAudio.size()).as("nothing left held").isZero();
		assertThat(events).singleElement().satisfies((event) -> {
			assertThat(event.useCase()).isEqualTo(AiUseCases.AUDIO_OUTPUT);
			assertThat(event.outcome()).isEqualTo(MediaOffloadOutcome.UPLOADED);
			assertThat(event.uri()).isEqualTo(uri);
			assertThat(event.spanId()).isEqualTo(modelSpan.getSpanId());
		});
	}

	@Test
	void streamedChatAudioPastMaxBlobSizeIsRefusedAndStreamUnharmed() throws Exception {
		byte[][] deltas = { pcm(100_000, 1), pcm(100_000, 2), pcm(100_000, 3) };
		stubStreamedAudio(audioStream(deltas));
		long tooLarge = this.offloader.count(MediaOffloadOutcome.REFUSED_TOO_LARGE);
		long uploaded = this.offloader.count(MediaOffloadOutcome.UPLOADED);
		long files = countFiles(storage);

		List<ChatClientResponse> responses = streamAudio();

		assertThat(responses.stream().map(SpringAiStreamIntegrationTests::text)).containsExactly("", "Hel", "", "", "",
				"lo", "", "");
		String output = attribute(awaitModelSpan(), GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat(SpringAiTestSupport.<String>json(output, "$[0].parts[0].uri"))
			.isEqualTo(io.github.blobupload.BlobUploader.NOT_UPLOADED);
		assertThat(this.offloader.count(MediaOffloadOutcome.REFUSED_TOO_LARGE)).isEqualTo(tooLarge + 1);
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(uploaded);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(countFiles(storage)).isEqualTo(files);
	}

	@Test
	void malformedStreamedChatAudioStoresNothingAndStreamUnharmed() throws Exception {
		String body = chunk("{\"role\":\"assistant\",\"content\":\"Hel\"}", null)
				+ chunk("{\"audio\":{\"data\":\"" + Base64.getEncoder().encodeToString(pcm(4800, 1)) + "\"}}", null)
				+ chunk("{\"audio\":{\"data\":\"not base64!\"}}", null)
				+ chunk("{\"audio\":{\"data\":\"" + Base64.getEncoder().encodeToString(pcm(4800, 2)) + "\"}}", null)
				+ chunk("{\"content\":\"lo\"}", null) + chunk("{}", "stop") + "data: [DONE]\n\n";
		stubStreamedAudio(body);
		long uploaded = this.offloader.count(MediaOffloadOutcome.UPLOADED);
		long files = countFiles(storage);

		List<ChatClientResponse> responses = streamAudio();

		assertThat(responses.stream().map(SpringAiStreamIntegrationTests::text)).containsExactly("Hel", "", "", "",
				"lo", "");
		String output = attribute(awaitModelSpan(), GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat(SpringAiTestSupport.<List<Object>>json(output, "$[0].parts")).isEmpty();
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(uploaded);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(countFiles(storage)).isEqualTo(files);
		assertThat(this.streamedChatAudio.size()).isZero();
	}

	private List<ChatClientResponse> streamAudio() {
		return this.chatClientBuilder.build()
			.prompt()
			.user("Say hello")
			.options(OpenAiChatOptions.builder()
				.model("gpt-4o-audio-preview")
				.outputModalities(List.of("text", "audio"))
				.outputAudio(new OpenAiChatOptions.AudioParameters(OpenAiChatOptions.AudioParameters.Voice.ALLOY,
						OpenAiChatOptions.AudioParameters.AudioResponseFormat.PCM16)))
			.stream()
			.chatClientResponse()
			.collectList()
			.block(Duration.ofSeconds(10));
	}

	static String audioStream(byte[][] deltas) {
		StringBuilder body = new StringBuilder(chunk("{\"role\":\"assistant\",\"content\":null,\"refusal\":null,"
				+ "\"audio\":{\"id\":\"audio_1\",\"transcript\":\"Hel\"}}", null));
		body.append(chunk("{\"content\":\"Hel\"}", null));
		for (byte[] delta : deltas) {
			body.append(chunk("{\"audio\":{\"data\":\"" + Base64.getEncoder().encodeToString(delta) + "\"}}", null));
		}
		return body.append(chunk("{\"content\":\"lo\"}", null))
			.append(chunk("{\"audio\":{\"expires_at\":1900000000,\"transcript\":\"lo\"}}", null))
			.append(chunk("{}", "stop"))
			.append("data: [DONE]\n\n")
			.toString();
	}

	private static void stubStreamedAudio(String body) {
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body)));
	}

	static byte[] pcm(int size, int seed) {
		byte[] pcm = new byte[size];
		for (int i = 0; i < size; i++) {
			pcm[i] = (byte) (i * 31 + seed);
		}
		return pcm;
	}

	@Test
	void streamedTextToSpeechIsPassedOnUnchangedAndStoredOnceAsWav() throws Exception {
		byte[] pcm = new byte[20_000];
		for (int i = 0; i < pcm.length; i++) {
			pcm[i] = (byte) (i * 7);
		}
		server.stubFor(post(urlPathEqualTo("/v1/audio/speech"))
			.willReturn(aResponse().withHeader("Content-Type", "audio/pcm").withBody(pcm)));
		long uploaded = this.offloader.count(MediaOffloadOutcome.UPLOADED);
		long files = countFiles(storage);

		List<byte[]> chunks = this.textToSpeechModel
			.stream(new TextToSpeechPrompt("Hello",
					OpenAiAudioSpeechOptions.builder()
						.responseFormat(OpenAiAudioSpeechOptions.AudioResponseFormat.PCM)
						.build()))
			.map((response) -> response.getResult().getOutput())
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(chunks).as("the model streams in chunks of 8 KB").hasSizeGreaterThan(1);
		assertThat(concat(chunks)).isEqualTo(pcm);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		SpanData span = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> spanWithOrNull("output.audio.url"), Objects::nonNull);
		String uri = attribute(span, "output.audio.url");
		assertThat(attribute(span, "output.audio.mime_type")).isEqualTo("audio/wav");
		byte[] wav = Files.readAllBytes(SpringAiTestSupport.pathOf(uri));
		assertThat(new String(wav, 0, 4, StandardCharsets.US_ASCII)).isEqualTo("RIFF");
		assertThat(ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN).getInt(40)).isEqualTo(pcm.length);
		assertThat(java.util.Arrays.copyOfRange(wav, 44, wav.length)).isEqualTo(pcm);
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).as("one object for the whole stream")
			.isEqualTo(uploaded + 1);
		assertThat(countFiles(storage)).isEqualTo(files + 1);
		String sidecar = Files.readString(Path.of(SpringAiTestSupport.pathOf(uri) + ".meta.json"));
		assertThat(SpringAiTestSupport.<String>json(sidecar, "$.labels.span_id")).isEqualTo(span.getSpanId());
	}

	@Test
	void streamedTextToSpeechPastMaxBlobSizeIsRefusedAndStillPassedOn() throws Exception {
		byte[] pcm = new byte[300 * 1024];
		java.util.concurrent.ThreadLocalRandom.current().nextBytes(pcm);
		server.stubFor(post(urlPathEqualTo("/v1/audio/speech"))
			.willReturn(aResponse().withHeader("Content-Type", "audio/pcm").withBody(pcm)));
		long tooLarge = this.offloader.count(MediaOffloadOutcome.REFUSED_TOO_LARGE);
		long files = countFiles(storage);

		List<byte[]> chunks = this.textToSpeechModel
			.stream(new TextToSpeechPrompt("Hello",
					OpenAiAudioSpeechOptions.builder()
						.responseFormat(OpenAiAudioSpeechOptions.AudioResponseFormat.PCM)
						.build()))
			.map((response) -> response.getResult().getOutput())
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(concat(chunks)).isEqualTo(pcm);
		SpanData span = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> spanWithOrNull("output.audio.url"), Objects::nonNull);
		assertThat(attribute(span, "output.audio.url")).isEqualTo(io.github.blobupload.BlobUploader.NOT_UPLOADED);
		assertThat(this.offloader.count(MediaOffloadOutcome.REFUSED_TOO_LARGE)).isEqualTo(tooLarge + 1);
		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(countFiles(storage)).isEqualTo(files);
	}

	@Test
	void cancelledTextToSpeechStreamEndsItsSpanAndOffloadsNothing() {
		byte[] pcm = new byte[40_000];
		server.stubFor(post(urlPathEqualTo("/v1/audio/speech"))
			.willReturn(aResponse().withHeader("Content-Type", "audio/pcm").withBody(pcm)));
		long uploaded = this.offloader.count(MediaOffloadOutcome.UPLOADED);

		List<TextToSpeechResponse> first = this.textToSpeechModel
			.stream(new TextToSpeechPrompt("Hello",
					OpenAiAudioSpeechOptions.builder()
						.responseFormat(OpenAiAudioSpeechOptions.AudioResponseFormat.PCM)
						.build()))
			.take(1)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(first).hasSize(1);
		SpanData span = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> spanWithOrNull("blob.upload.audio.operation"), Objects::nonNull);
		assertThat(span.hasEnded()).isTrue();
		assertThat(span.getAttributes().asMap().keySet()).noneMatch((key) -> key.getKey().equals("output.audio.url"));
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(uploaded);
	}

	@Test
	void streamedTextToSpeechThatFailsOffloadsNothing() {
		server.stubFor(post(urlPathEqualTo("/v1/audio/speech"))
			.willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
		long uploaded = this.offloader.count(MediaOffloadOutcome.UPLOADED);
		List<Throwable> errors = new ArrayList<>();

		this.textToSpeechModel.stream(new TextToSpeechPrompt("Hello")).onErrorResume((ex) -> {
			errors.add(ex);
			return reactor.core.publisher.Flux.empty();
		}).blockLast(Duration.ofSeconds(10));

		assertThat(errors).singleElement()
			.satisfies((error) -> assertThat(error.getClass().getName()).doesNotStartWith("io.github.blobupload"));
		SpanData span = Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> spanWithOrNull("blob.upload.audio.operation"), Objects::nonNull);
		assertThat(span.getAttributes().asMap().keySet()).noneMatch((key) -> key.getKey().equals("output.audio.url"));
		assertThat(span.getStatus().getStatusCode()).isEqualTo(io.opentelemetry.api.trace.StatusCode.ERROR);
		assertThat(this.offloader.count(MediaOffloadOutcome.UPLOADED)).isEqualTo(uploaded);
	}

	@Test
	void cancelledStreamEndsTheModelSpanAndCarriesNoMedia() {
		SpringAiTestSupport.stubStreamedAnswer(server, "A red ", "square", ".");
		byte[] image = png(8_000);

		List<ChatClientResponse> responses = this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.stream()
			.chatClientResponse()
			.take(1)
			.collectList()
			.block(Duration.ofSeconds(10));

		assertThat(responses).singleElement()
			.satisfies((response) -> assertThat(text(response)).isEqualTo("A red "))
			.satisfies(
					(response) -> assertThat(response.context()).doesNotContainKey(BlobOffloadAdvisor.OFFLOADED_MEDIA));
		assertThat(awaitModelSpan().hasEnded()).isTrue();
	}

	/** Collects the listeners' events. */
	@org.springframework.boot.test.context.TestConfiguration(proxyBeanMethods = false)
	static class Events {

		@org.springframework.context.annotation.Bean
		BlobOffloadListener eventCollector() {
			return BlobOffloadListener.ofEvents(events::add);
		}

	}

	private SpanData awaitModelSpan() {
		return Awaitility.await()
			.atMost(Duration.ofSeconds(10))
			.until(() -> spanWithOrNull(GenAiSemconvAttributes.INPUT_MESSAGES), Objects::nonNull);
	}

	private SpanData spanWithOrNull(String attribute) {
		return flushSpans(this.tracerProvider, this.exporter).stream()
			.filter((span) -> span.getAttributes()
				.asMap()
				.keySet()
				.stream()
				.anyMatch((key) -> key.getKey().equals(attribute)))
			.findFirst()
			.orElse(null);
	}

	private static String text(ChatClientResponse response) {
		String text = response.chatResponse().getResult().getOutput().getText();
		return (text != null) ? text : "";
	}

	static String chunk(String delta, String finishReason) {
		return "data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,"
				+ "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":" + delta + ",\"logprobs\":null,"
				+ "\"finish_reason\":" + ((finishReason != null) ? "\"" + finishReason + "\"" : "null") + "}]}\n\n";
	}

	private static byte[] concat(List<byte[]> chunks) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		chunks.forEach(out::writeBytes);
		return out.toByteArray();
	}

	private static long countFiles(Path folder) throws Exception {
		if (!Files.isDirectory(folder)) {
			return 0;
		}
		try (Stream<Path> files = Files.walk(folder)) {
			return files.filter(Files::isRegularFile).filter((file) -> !file.toString().endsWith(".meta.json")).count();
		}
	}

}
