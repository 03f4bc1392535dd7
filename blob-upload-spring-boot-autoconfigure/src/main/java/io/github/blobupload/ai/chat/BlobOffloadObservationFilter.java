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

package io.github.blobupload.ai.chat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.blobupload.ai.AttributeLayout;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.audio.BoundedAudioBuffer;
import io.github.blobupload.ai.audio.StreamedChatAudio;
import io.github.blobupload.ai.format.GenAiEventEmitter;
import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.github.blobupload.ai.format.OpenInferenceAttributes;
import io.github.blobupload.ai.format.RecordedMessage;
import io.github.blobupload.ai.offload.Conversations;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.internal.RateLimitedLogger;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.image.ImageMessage;
import org.springframework.ai.image.observation.ImageModelObservationContext;

/**
 * Offloads the media of model observations ({@link ChatModelObservationContext},
 * {@link ImageModelObservationContext}) and adds the recorded messages to the observation
 * as high-cardinality key-values, which become span attributes. It runs when the
 * observation stops, the last moment a key-value still reaches the span, so it covers
 * direct {@code ChatModel}/{@code ImageModel} calls and streaming (whose aggregated
 * response is set before the stop). Prompt media the
 * {@link BlobOffloadObservationHandler} offloaded when the call started is found again,
 * not uploaded or counted twice (see
 * {@link io.github.blobupload.ai.offload.MediaOffloader}). When a conversation is known
 * and Spring AI did not name it, the span gets {@code gen_ai.conversation.id}. With the
 * {@link AttributeLayout#REFS} layout, a {@link GenAiRefsWriter} writes the call's
 * messages to storage and the span gets their URIs. With a {@link GenAiEventEmitter},
 * each sampled call also emits its GenAI event.
 * <p>
 * Never throws: a failure is logged (rate-limited) and the observation left as it was.
 */
public final class BlobOffloadObservationFilter implements ObservationFilter {

	private final MediaWalker walker;

	private final SpanInfoResolver spans;

	private final Set<AttributeLayout> layouts;

	private final @Nullable GenAiEventEmitter events;

	private final @Nullable GenAiRefsWriter refs;

	private volatile @Nullable StreamedChatAudio streamedAudio;

	private final RateLimitedLogger errors = new RateLimitedLogger(
			LoggerFactory.getLogger(BlobOffloadObservationFilter.class), Duration.ofMinutes(1));

	/**
	 * Creates a filter.
	 * @param walker walks prompts and responses and offloads their media
	 * @param spans tells the span of each observation
	 * @param layouts the attribute layouts to write, other than
	 * {@link AttributeLayout#REFS}
	 */
	public BlobOffloadObservationFilter(MediaWalker walker, SpanInfoResolver spans, Set<AttributeLayout> layouts) {
		this(walker, spans, layouts, null, null);
	}

	/**
	 * Creates a filter that may also write the {@code refs} files and emit the GenAI
	 * event of each model call.
	 * @param walker walks prompts and responses and offloads their media
	 * @param spans tells the span of each observation
	 * @param layouts the attribute layouts to write
	 * @param refs writes the files of the {@link AttributeLayout#REFS} layout; required
	 * when the layouts hold it, else {@code null}
	 * @param events emits the {@value GenAiEventEmitter#EVENT_NAME} event of each call,
	 * or {@code null} for none
	 * @throws IllegalArgumentException if the layouts hold {@link AttributeLayout#REFS}
	 * and no writer is given
	 */
	public BlobOffloadObservationFilter(MediaWalker walker, SpanInfoResolver spans, Set<AttributeLayout> layouts,
			@Nullable GenAiRefsWriter refs, @Nullable GenAiEventEmitter events) {
		if (layouts.contains(AttributeLayout.REFS) && refs == null) {
			throw new IllegalArgumentException("the refs layout needs a GenAiRefsWriter");
		}
		this.walker = walker;
		this.spans = spans;
		this.layouts = Set.copyOf(layouts);
		this.refs = layouts.contains(AttributeLayout.REFS) ? refs : null;
		this.events = events;
	}

	/**
	 * Sets where the audio of streamed chat completions is assembled when the chat client
	 * drops it: at the stop of a chat model's observation, the audio of its response's id
	 * is taken from there, offloaded once as WAV and recorded as an audio part of its
	 * choice's message.
	 * @param streamedAudio the assembled audio, or {@code null} for none
	 */
	public void setStreamedChatAudio(@Nullable StreamedChatAudio streamedAudio) {
		this.streamedAudio = streamedAudio;
	}

	@Override
	public Observation.Context map(Observation.Context context) {
		try {
			// The refs files hold text whatever the span's setting: walk with it.
			MediaWalker walker = (this.refs != null) ? this.walker.capturing() : this.walker;
			if (context instanceof ChatModelObservationContext chat) {
				MediaCall call = this.walker.offloader().call(chat, this.spans, MediaCall.CHAT);
				List<RecordedMessage> output = withStreamedAudio(chat, walker.output(chat.getResponse(), call), call);
				record(context, call, walker.input(chat.getRequest().getInstructions(), call), output,
						chat.getRequest());
			}
			else if (context instanceof ImageModelObservationContext image) {
				MediaCall call = this.walker.offloader().call(image, this.spans, MediaCall.IMAGE_GENERATION);
				record(context, call, imageInput(image, walker), walker.output(image.getResponse(), call), null);
			}
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not record offloaded media on the observation '" + context.getName() + "': "
					+ ex.getClass().getName(), ex);
		}
		return context;
	}

	private List<RecordedMessage> withStreamedAudio(ChatModelObservationContext chat, List<RecordedMessage> output,
			MediaCall call) {
		StreamedChatAudio streamed = this.streamedAudio;
		ChatResponse response = chat.getResponse();
		if (streamed == null || response == null || response.getMetadata() == null
				|| response.getMetadata().getId() == null) {
			return output;
		}
		Map<Integer, BoundedAudioBuffer> audio = streamed.take(response.getMetadata().getId());
		if (audio.isEmpty()) {
			return output;
		}
		List<RecordedMessage> recorded = new ArrayList<>(output);
		audio.forEach((choice, pcm) -> {
			if (choice < 0 || choice >= recorded.size()) {
				return;
			}
			RecordedMessage message = recorded.get(choice);
			OffloadedMedia media = this.walker.offloadStreamedAudio(pcm, call, choice, message.parts().size());
			if (media == null) {
				return;
			}
			if (pcm.overflowed()) {
				this.errors.warn(() -> "Streamed chat audio of more than " + streamed.maxBytes()
						+ " bytes was not offloaded; recorded as " + media.uri() + " (blob.upload.max-blob-size)");
			}
			List<RecordedMessage.Part> parts = new ArrayList<>(message.parts());
			parts.add(new RecordedMessage.MediaPart(media));
			recorded.set(choice, new RecordedMessage(message.role(), parts, message.finishReason()));
		});
		return recorded;
	}

	private static List<RecordedMessage> imageInput(ImageModelObservationContext image, MediaWalker walker) {
		List<RecordedMessage> input = new ArrayList<>();
		for (ImageMessage message : image.getRequest().getInstructions()) {
			List<RecordedMessage.Part> parts = new ArrayList<>();
			if (walker.captureContent() && message.getText() != null) {
				parts.add(new RecordedMessage.TextPart(message.getText()));
			}
			input.add(new RecordedMessage("user", parts, null));
		}
		return input;
	}

	private void record(Observation.Context context, MediaCall call, List<RecordedMessage> input,
			List<RecordedMessage> output, @Nullable Prompt prompt) {
		if (!call.span().sampled()) {
			return;
		}
		Map<String, String> attributes = new LinkedHashMap<>();
		if (call.conversationId() != null && context.getHighCardinalityKeyValue(Conversations.ATTRIBUTE) == null
				&& context.getLowCardinalityKeyValue(Conversations.ATTRIBUTE) == null) {
			attributes.put(Conversations.ATTRIBUTE, call.conversationId());
		}
		if (this.refs != null) {
			this.refs.write(call, input, output, prompt, attributes);
			if (!this.walker.captureContent()) {
				input = input.stream().map(RecordedMessage::withoutContent).toList();
				output = output.stream().map(RecordedMessage::withoutContent).toList();
			}
		}
		if (this.layouts.contains(AttributeLayout.SEMCONV)) {
			GenAiSemconvAttributes.write(input, output, attributes);
		}
		if (this.layouts.contains(AttributeLayout.OPENINFERENCE)) {
			OpenInferenceAttributes.write(input, output, attributes);
		}
		attributes.forEach((key, value) -> context.addHighCardinalityKeyValue(KeyValue.of(key, value)));
		if (this.events != null) {
			this.events.emit(context, call, input, output);
		}
	}

}
