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

package io.github.blobupload.sample.ai;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.BlobUploaderRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.audio.transcription.TranscriptionModel;
import org.springframework.ai.audio.tts.TextToSpeechModel;
import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.client.advisor.MessageChatMemoryAdvisor;
import org.springframework.ai.chat.memory.ChatMemory;
import org.springframework.ai.chat.memory.MessageWindowChatMemory;
import org.springframework.boot.CommandLineRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * The sample's voice path: a conversation of three turns, each one request that chains
 * speech-to-text, a chat call and text-to-speech, as a voice assistant does. The user
 * shows the infographic in the first turn; chat memory sends it again with each later
 * turn. Every piece of audio and the image are offloaded; each turn is one trace (a
 * {@code voice.turn} span holding the transcription, chat and speech spans), and all
 * three carry the same {@code gen_ai.conversation.id}.
 * <p>
 * The conversation id is put on the turn's observation: the starter finds it there for
 * the audio models and the chat call (it would equally find the chat memory's
 * {@link ChatMemory#CONVERSATION_ID} parameter, which is set too, for the memory).
 */
@Component
@Order(2)
class VoiceConversation implements CommandLineRunner {

	private static final AttributeKey<String> CONVERSATION = AttributeKey.stringKey("gen_ai.conversation.id");

	private static final List<String> SPAN_ATTRIBUTES = List.of("input.audio.url", "output.audio.url");

	private final ChatClient chatClient;

	private final TranscriptionModel transcriptionModel;

	private final TextToSpeechModel textToSpeechModel;

	private final ObservationRegistry observations;

	private final Tracer tracer;

	private final BlobUploaderRegistry uploaders;

	private final SdkTracerProvider tracerProvider;

	private final CollectingSpanExporter spans;

	private final List<String> traceIds = new ArrayList<>();

	private final JsonMapper json = JsonMapper.builder().build();

	VoiceConversation(ChatClient.Builder chatClientBuilder, TranscriptionModel transcriptionModel,
			TextToSpeechModel textToSpeechModel, ObservationRegistry observations, Tracer tracer,
			BlobUploaderRegistry uploaders, SdkTracerProvider tracerProvider, CollectingSpanExporter spans) {
		ChatMemory memory = MessageWindowChatMemory.builder().build();
		this.chatClient = chatClientBuilder.clone()
			.defaultAdvisors(MessageChatMemoryAdvisor.builder(memory).build())
			.build();
		this.transcriptionModel = transcriptionModel;
		this.textToSpeechModel = textToSpeechModel;
		this.observations = observations;
		this.tracer = tracer;
		this.uploaders = uploaders;
		this.tracerProvider = tracerProvider;
		this.spans = spans;
	}

	/**
	 * Returns the traces of the turns, once the conversation has run.
	 * @return one trace id per turn
	 */
	List<String> traceIds() {
		return List.copyOf(this.traceIds);
	}

	@Override
	public void run(String... args) {
		String conversationId = "voice-" + UUID.randomUUID();
		System.out.println();
		System.out.println("Voice conversation " + conversationId
				+ ": three turns of speech -> transcription -> chat -> speech, the infographic shown once");
		byte[] infographic = SampleImages.infographic();
		for (int turn = 1; turn <= 3; turn++) {
			int number = turn;
			Observation.createNotStarted("voice.turn", this.observations)
				.highCardinalityKeyValue("gen_ai.conversation.id", conversationId)
				.observe(() -> turn(number, conversationId, (number == 1) ? infographic : null));
		}
		this.uploaders.flush(Duration.ofSeconds(10));
		this.tracerProvider.forceFlush().join(10, TimeUnit.SECONDS);
		printConversationSpans(conversationId);
	}

	private void turn(int number, String conversationId, byte @Nullable [] image) {
		Span span = this.tracer.currentSpan();
		if (span != null) {
			this.traceIds.add(span.context().traceId());
		}
		byte[] recording = SampleAudio.spokenQuestion(number);
		String heard = this.transcriptionModel.transcribe(new ByteArrayResource(recording) {
			@Override
			public String getFilename() {
				return "turn-" + number + ".wav";
			}
		});
		String answer = this.chatClient.prompt()
			.advisors((advisors) -> advisors.param(ChatMemory.CONVERSATION_ID, conversationId))
			.user((user) -> {
				user.text(heard);
				if (image != null) {
					user.media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image));
				}
			})
			.call()
			.content();
		byte[] spoken = this.textToSpeechModel.call(String.valueOf(answer));
		System.out.printf("  turn %d (trace %s): heard \"%s\" -> answered \"%s\" -> spoke %,d bytes%n", number,
				(span != null) ? span.context().traceId() : "-", heard, answer, spoken.length);
	}

	private void printConversationSpans(String conversationId) {
		Set<String> imageUris = new LinkedHashSet<>();
		System.out.println("  spans of the conversation (gen_ai.conversation.id = " + conversationId + "):");
		for (SpanData span : this.spans.spans()) {
			if (!conversationId.equals(span.getAttributes().get(CONVERSATION))) {
				continue;
			}
			StringBuilder line = new StringBuilder("    '" + span.getName() + "' trace " + span.getTraceId());
			for (String key : SPAN_ATTRIBUTES) {
				String value = span.getAttributes().get(AttributeKey.stringKey(key));
				if (value != null) {
					line.append("  ").append(key).append(" = ").append(value);
				}
			}
			String input = span.getAttributes().get(AttributeKey.stringKey("gen_ai.input.messages"));
			if (input != null) {
				imageUris.addAll(imageUris(input));
				line.append("  images in gen_ai.input.messages = ").append(imageUris(input).size());
			}
			System.out.println(line);
		}
		System.out.println("  The infographic was sent to the model in 3 turns and recorded as " + imageUris.size()
				+ " URI: " + String.join(", ", imageUris));
	}

	private List<String> imageUris(String messages) {
		List<String> uris = new ArrayList<>();
		for (JsonNode message : this.json.readTree(messages)) {
			for (JsonNode part : message.path("parts")) {
				if ("uri".equals(part.path("type").asString()) && "image".equals(part.path("modality").asString())) {
					uris.add(part.path("uri").asString());
				}
			}
		}
		return uris;
	}

}
