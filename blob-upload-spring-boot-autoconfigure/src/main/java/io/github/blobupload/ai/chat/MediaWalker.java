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

import java.util.ArrayList;
import java.util.List;

import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.audio.BoundedAudioBuffer;
import io.github.blobupload.ai.format.FinishReasons;
import io.github.blobupload.ai.format.RecordedMessage;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.ai.offload.MediaOffloader;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;
import org.springframework.ai.content.Media;
import org.springframework.ai.content.MediaContent;
import org.springframework.ai.image.ImageGeneration;
import org.springframework.ai.image.ImageResponse;

/**
 * Walks Spring AI prompts and responses, offloads each piece of media through a
 * {@link MediaOffloader}, and returns the messages as they are recorded. Nothing given to
 * it is modified. The {@link io.github.blobupload.ai.BlobOffloadAdvisor}, the
 * {@link BlobOffloadObservationHandler} and the {@link BlobOffloadObservationFilter}
 * share one walker.
 */
public final class MediaWalker {

	/** The finish reason recorded for an image model's response. */
	static final String IMAGE_FINISH_REASON = "stop";

	/** The type of streamed chat audio: raw PCM16 at the configured PCM defaults. */
	static final String STREAMED_AUDIO_TYPE = "audio/pcm";

	private final MediaOffloader offloader;

	private final boolean captureContent;

	/**
	 * Creates a walker.
	 * @param offloader the offloader
	 * @param captureContent whether message text (and tool-call arguments) is recorded
	 */
	public MediaWalker(MediaOffloader offloader, boolean captureContent) {
		this.offloader = offloader;
		this.captureContent = captureContent;
	}

	/**
	 * Returns whether message text is recorded.
	 * @return whether content capture is on
	 */
	boolean captureContent() {
		return this.captureContent;
	}

	/**
	 * Returns the offloader, which creates each call with the caller's labels.
	 * @return the offloader
	 */
	MediaOffloader offloader() {
		return this.offloader;
	}

	/**
	 * Returns a walker over the same offloader that records message text, for what holds
	 * content whatever the span's setting (the
	 * {@link io.github.blobupload.ai.AttributeLayout#REFS} files).
	 * @return this walker when content capture is on, else a capturing one
	 */
	MediaWalker capturing() {
		return this.captureContent ? this : new MediaWalker(this.offloader, true);
	}

	/**
	 * Offloads the media of prompt messages and records them.
	 * @param messages the prompt's messages
	 * @param call the call
	 * @return the recorded messages, one per message, in order
	 */
	List<RecordedMessage> input(List<Message> messages, MediaCall call) {
		List<RecordedMessage> recorded = new ArrayList<>(messages.size());
		for (int i = 0; i < messages.size(); i++) {
			recorded.add(record(messages.get(i), i, call, true, null));
		}
		return recorded;
	}

	/**
	 * Offloads the media of a chat response and records its messages.
	 * @param response the response, or {@code null}
	 * @param call the call
	 * @return the recorded messages, one per generation
	 */
	List<RecordedMessage> output(@Nullable ChatResponse response, MediaCall call) {
		if (response == null) {
			return List.of();
		}
		List<Generation> generations = response.getResults();
		List<RecordedMessage> recorded = new ArrayList<>(generations.size());
		for (int i = 0; i < generations.size(); i++) {
			Generation generation = generations.get(i);
			String finishReason = (generation.getMetadata() != null) ? generation.getMetadata().getFinishReason()
					: null;
			recorded.add(record(generation.getOutput(), i, call, false, FinishReasons.of(finishReason)));
		}
		return recorded;
	}

	/**
	 * Offloads the images of an image model's response ({@code b64Json} is uploaded,
	 * {@code url} recorded) and records them as one assistant message, finished with
	 * {@value #IMAGE_FINISH_REASON}.
	 * @param response the response, or {@code null}
	 * @param call the call
	 * @return one recorded message, or none when there is no response
	 */
	List<RecordedMessage> output(@Nullable ImageResponse response, MediaCall call) {
		if (response == null) {
			return List.of();
		}
		List<RecordedMessage.Part> parts = new ArrayList<>();
		List<ImageGeneration> results = response.getResults();
		for (int i = 0; i < results.size(); i++) {
			ImageGeneration generation = results.get(i);
			if (generation == null || generation.getOutput() == null) {
				continue;
			}
			String b64 = generation.getOutput().getB64Json();
			String url = generation.getOutput().getUrl();
			Object data = (b64 != null && !b64.isEmpty()) ? "data:;base64," + b64 : url;
			if (data == null) {
				continue;
			}
			if (!this.offloader.shouldOffload(call.span())) {
				this.offloader.skip(generation.getOutput(), call);
				continue;
			}
			// The image output object is the identity key, so that the same image seen
			// again (observation, then application code) is not uploaded twice.
			OffloadedMedia media = this.offloader.offload(generation.getOutput(), data, null, AiUseCases.IMAGE_OUTPUT,
					call, 0, i);
			parts.add(new RecordedMessage.MediaPart(this.offloader.recorded(media)));
		}
		return List.of(new RecordedMessage("assistant", parts, IMAGE_FINISH_REASON));
	}

	/**
	 * Offloads the streamed audio of one choice of a chat response (raw PCM16, stored as
	 * WAV), unless its span is sampled out (then counted as skipped); audio past its
	 * limit is refused as {@link MediaOffloadOutcome#REFUSED_TOO_LARGE}.
	 * @param audio the assembled audio
	 * @param call the call
	 * @param messageIndex the position of the choice's message
	 * @param partIndex the position of the audio within the message
	 * @return what became of it, or {@code null} when it was empty or skipped
	 */
	@Nullable OffloadedMedia offloadStreamedAudio(BoundedAudioBuffer audio, MediaCall call, int messageIndex, int partIndex) {
		String useCase = AiUseCases.ofChatMedia(STREAMED_AUDIO_TYPE, false);
		if (audio.size() == 0) {
			return null;
		}
		if (!this.offloader.shouldOffload(call.span())) {
			this.offloader.skip(audio, call);
			return null;
		}
		if (audio.overflowed()) {
			return this.offloader.recorded(this.offloader.refuse(MediaOffloadOutcome.REFUSED_TOO_LARGE, useCase,
					STREAMED_AUDIO_TYPE, audio.size(), call));
		}
		byte[] pcm = audio.bytes();
		return this.offloader
			.recorded(this.offloader.offload(pcm, pcm, STREAMED_AUDIO_TYPE, useCase, call, messageIndex, partIndex));
	}

	/**
	 * Starts offloading the media of one prompt message while the model works (see
	 * {@link MediaOffloader}), unless its span is sampled out; a later
	 * {@link #offloadMedia(Message, boolean, MediaCall, int)} or
	 * {@link #input(List, MediaCall)} of the same call joins it.
	 * @param message the message, or {@code null}
	 * @param call the call
	 * @param messageIndex the message's position
	 */
	void startPromptMedia(@Nullable Message message, MediaCall call, int messageIndex) {
		if (!(message instanceof MediaContent content) || content.getMedia() == null || content.getMedia().isEmpty()) {
			return;
		}
		List<Media> media = content.getMedia();
		if (!this.offloader.shouldOffload(call.span())) {
			for (Media item : media) {
				this.offloader.skip(item.getData(), call);
			}
			return;
		}
		for (int j = 0; j < media.size(); j++) {
			Media item = media.get(j);
			String mimeType = (item.getMimeType() != null) ? item.getMimeType().toString() : null;
			this.offloader.start(item.getData(), item.getData(), mimeType, AiUseCases.ofChatMedia(mimeType, true), call,
					messageIndex, j);
		}
	}

	/**
	 * Offloads the media of one message, unless its span is sampled out.
	 * @param message the message, or {@code null}
	 * @param input whether the message is in a prompt (else in a response)
	 * @param call the call
	 * @param messageIndex the message's position
	 * @return what became of each piece of media, in order; empty when there is none or
	 * it was skipped
	 */
	List<OffloadedMedia> offloadMedia(@Nullable Message message, boolean input, MediaCall call, int messageIndex) {
		if (!(message instanceof MediaContent content) || content.getMedia() == null || content.getMedia().isEmpty()) {
			return List.of();
		}
		List<Media> media = content.getMedia();
		if (!this.offloader.shouldOffload(call.span())) {
			for (Media item : media) {
				this.offloader.skip(item.getData(), call);
			}
			return List.of();
		}
		List<OffloadedMedia> offloaded = new ArrayList<>(media.size());
		for (int j = 0; j < media.size(); j++) {
			Media item = media.get(j);
			String mimeType = (item.getMimeType() != null) ? item.getMimeType().toString() : null;
			offloaded.add(this.offloader.offload(item.getData(), item.getData(), mimeType,
					AiUseCases.ofChatMedia(mimeType, input), call, messageIndex, j));
		}
		return offloaded;
	}

	private RecordedMessage record(Message message, int index, MediaCall call, boolean input,
			@Nullable String finishReason) {
		List<RecordedMessage.Part> parts = new ArrayList<>();
		String text = message.getText();
		if (this.captureContent && text != null && !text.isEmpty()) {
			parts.add(new RecordedMessage.TextPart(text));
		}
		for (OffloadedMedia media : offloadMedia(message, input, call, index)) {
			parts.add(new RecordedMessage.MediaPart(this.offloader.recorded(media)));
		}
		if (this.captureContent && message instanceof ToolResponseMessage toolResponses) {
			for (ToolResponseMessage.ToolResponse response : toolResponses.getResponses()) {
				parts.add(new RecordedMessage.ToolResponsePart(response.id(),
						(response.responseData() != null) ? response.responseData() : ""));
			}
		}
		if (message instanceof AssistantMessage assistant && assistant.hasToolCalls()) {
			for (AssistantMessage.ToolCall toolCall : assistant.getToolCalls()) {
				parts.add(new RecordedMessage.ToolCallPart(toolCall.id(), toolCall.name(),
						this.captureContent ? toolCall.arguments() : null));
			}
		}
		return new RecordedMessage(role(message.getMessageType()), parts, finishReason);
	}

	private static String role(MessageType type) {
		return switch (type) {
			case SYSTEM -> "system";
			case USER -> "user";
			case ASSISTANT -> "assistant";
			case TOOL -> "tool";
		};
	}

}
