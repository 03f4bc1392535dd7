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
import java.util.List;
import java.util.Objects;

import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.internal.RateLimitedLogger;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import org.slf4j.LoggerFactory;

import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.observation.ChatModelObservationContext;

/**
 * Offloads the prompt media of a chat model call when the model's observation starts: the
 * model's span exists by then (Spring Boot registers tracing handlers before other
 * handlers), so each blob's {@code span_id} label names the span that records its URI.
 * The work (decoding, filters, the hash of content-addressed names) is handed to the
 * {@link io.github.blobupload.ai.offload.MediaOffloader}'s prompt-media threads and
 * overlaps with the model's; the {@link BlobOffloadObservationFilter} joins it when the
 * observation stops and records the URIs, counted once.
 * <p>
 * The call's span, conversation and operation are kept on the observation context. Never
 * throws: a failure is logged (rate-limited) and the media is offloaded at the stop
 * instead.
 */
public final class BlobOffloadObservationHandler implements ObservationHandler<ChatModelObservationContext> {

	private final MediaWalker walker;

	private final SpanInfoResolver spans;

	private final RateLimitedLogger errors = new RateLimitedLogger(
			LoggerFactory.getLogger(BlobOffloadObservationHandler.class), Duration.ofMinutes(1));

	/**
	 * Creates a handler.
	 * @param walker walks prompts and offloads their media
	 * @param spans tells the span of each observation
	 */
	public BlobOffloadObservationHandler(MediaWalker walker, SpanInfoResolver spans) {
		this.walker = Objects.requireNonNull(walker, "walker must not be null");
		this.spans = Objects.requireNonNull(spans, "spans must not be null");
	}

	@Override
	public void onStart(ChatModelObservationContext context) {
		try {
			MediaCall call = this.walker.offloader().call(context, this.spans, MediaCall.CHAT);
			List<Message> messages = context.getRequest().getInstructions();
			for (int i = 0; i < messages.size(); i++) {
				this.walker.startPromptMedia(messages.get(i), call, i);
			}
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not offload the prompt's media when the model call started: "
					+ ex.getClass().getName(), ex);
		}
	}

	@Override
	public boolean supportsContext(Observation.Context context) {
		return context instanceof ChatModelObservationContext;
	}

}
