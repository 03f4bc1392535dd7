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
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

import io.github.blobupload.ai.BlobOffloadAdvisor;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.ai.offload.Conversations;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.internal.RateLimitedLogger;
import io.micrometer.observation.Observation;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClientMessageAggregator;
import org.springframework.ai.chat.client.ChatClientRequest;
import org.springframework.ai.chat.client.ChatClientResponse;
import org.springframework.ai.chat.client.advisor.api.CallAdvisorChain;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisorChain;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/**
 * The {@link BlobOffloadAdvisor}: a {@code ChatClient} advisor that offloads the media of
 * each call to storage: prompt media from the start of the call, on the
 * {@link io.github.blobupload.ai.offload.MediaOffloader}'s prompt-media threads so that
 * the work overlaps with the model's (joined after the call), response media after it.
 * For streams, the response is aggregated and its media offloaded once, at completion.
 * <p>
 * When the model call is observed ({@link Builder#modelObserved(boolean)}), the
 * {@link BlobOffloadObservationHandler} offloads prompt media as the model's span starts,
 * so that each blob's {@code span_id} label names the span that records its URI; the
 * advisor then only collects the results after the call or stream (and offloads, with its
 * own span, media no observation saw). Each piece of media is counted once per call.
 * <p>
 * The conversation id is read from the request context's
 * {@link org.springframework.ai.chat.memory.ChatMemory#CONVERSATION_ID} (set it with
 * {@code .advisors(a -> a.param(ChatMemory.CONVERSATION_ID, id))}, with or without a
 * memory advisor); every blob of the call is labelled with it
 * ({@link io.github.blobupload.ai.AiBlobLabels#CONVERSATION_ID}).
 * <p>
 * The request is passed on unchanged: the model receives the original media. The response
 * is returned with a list of {@link OffloadedMedia} in its context under
 * {@link BlobOffloadAdvisor#OFFLOADED_MEDIA}; a stream's last response carries it: that
 * response is held back until the stream completes (every other one passes at once,
 * unchanged). A stream that fails passes the held response on unchanged, then the model's
 * own error; one that is cancelled drops it. The span attributes are written by
 * {@link BlobOffloadObservationFilter} on the model's span, with the same URIs: both go
 * through one {@link io.github.blobupload.ai.offload.MediaOffloader}, which uploads each
 * media object once.
 * <p>
 * Never throws into the call: failures are logged (rate-limited) and counted.
 */
public final class DefaultBlobOffloadAdvisor implements BlobOffloadAdvisor {

	private final MediaWalker walker;

	private final SpanInfoResolver spans;

	private final int order;

	private final boolean modelObserved;

	private final RateLimitedLogger errors = new RateLimitedLogger(
			LoggerFactory.getLogger(DefaultBlobOffloadAdvisor.class), Duration.ofMinutes(1));

	private DefaultBlobOffloadAdvisor(Builder builder) {
		this.walker = Objects.requireNonNull(builder.walker, "walker must not be null");
		this.spans = builder.spans;
		this.order = builder.order;
		this.modelObserved = builder.modelObserved;
	}

	/**
	 * Starts building an advisor.
	 * @param walker walks prompts and responses and offloads their media
	 * @return a builder
	 */
	public static Builder builder(MediaWalker walker) {
		return new Builder(walker);
	}

	@Override
	public ChatClientResponse adviseCall(ChatClientRequest request, CallAdvisorChain chain) {
		MediaCall call = call(request, this.spans.current());
		List<OffloadedMedia> offloaded = new ArrayList<>();
		if (!this.modelObserved) {
			startPrompt(request, call);
		}
		ChatClientResponse response = chain.nextCall(request);
		offloadPrompt(request, call, offloaded);
		offloadResponse(response.chatResponse(), call, offloaded);
		return withOffloaded(response, offloaded);
	}

	@Override
	public Flux<ChatClientResponse> adviseStream(ChatClientRequest request, StreamAdvisorChain chain) {
		return Flux.deferContextual((reactorContext) -> {
			Observation advisorObservation = reactorContext.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			MediaCall call = call(request, (advisorObservation != null) ? this.spans.of(advisorObservation.getContext())
					: this.spans.current());
			List<OffloadedMedia> offloaded = new ArrayList<>();
			if (!this.modelObserved) {
				offloadPrompt(request, call, offloaded);
			}
			AtomicReference<@Nullable ChatResponse> aggregated = new AtomicReference<>();
			Flux<ChatClientResponse> responses = new ChatClientMessageAggregator()
				.aggregateChatClientResponse(chain.nextStream(request), (last) -> aggregated.set(last.chatResponse()));
			return LastElementHolder.hold(responses, (last) -> {
				// The model's observation offloaded the prompt's media when it started,
				// before the first response: collecting finds the same results, whether
				// or not it has stopped yet (ChatModelStreamAdvisor publishes on another
				// thread, so that order is not fixed).
				if (this.modelObserved) {
					offloadPrompt(request, call, offloaded);
				}
				offloadResponse(aggregated.get(), call, offloaded);
				return withOffloaded(last, offloaded);
			});
		});
	}

	private ChatClientResponse withOffloaded(ChatClientResponse response, List<OffloadedMedia> offloaded) {
		if (offloaded.isEmpty()) {
			return response;
		}
		try {
			return response.mutate().context(OFFLOADED_MEDIA, List.copyOf(offloaded)).build();
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not add the offloaded media to the response context", ex);
			return response;
		}
	}

	private MediaCall call(ChatClientRequest request, SpanInfo span) {
		String conversationId = Conversations.of(request.context());
		return this.walker.offloader().call(span, conversationId, MediaCall.CHAT, this.modelObserved);
	}

	private void startPrompt(ChatClientRequest request, MediaCall call) {
		try {
			List<Message> messages = request.prompt().getInstructions();
			for (int i = 0; i < messages.size(); i++) {
				this.walker.startPromptMedia(messages.get(i), call, i);
			}
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not start offloading the prompt's media", ex);
		}
	}

	private void offloadPrompt(ChatClientRequest request, MediaCall call, List<OffloadedMedia> offloaded) {
		try {
			List<Message> messages = request.prompt().getInstructions();
			for (int i = 0; i < messages.size(); i++) {
				offloaded.addAll(this.walker.offloadMedia(messages.get(i), true, call, i));
			}
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not offload the prompt's media", ex);
		}
	}

	private void offloadResponse(@Nullable ChatResponse response, MediaCall call, List<OffloadedMedia> offloaded) {
		if (response == null) {
			return;
		}
		try {
			List<Generation> generations = response.getResults();
			for (int i = 0; i < generations.size(); i++) {
				offloaded.addAll(this.walker.offloadMedia(generations.get(i).getOutput(), false, call, i));
			}
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not offload the response's media", ex);
		}
	}

	@Override
	public String getName() {
		return "BlobOffloadAdvisor";
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	@Override
	public String toString() {
		return "BlobOffloadAdvisor[order=" + this.order + ", modelObserved=" + this.modelObserved + "]";
	}

	/** Builds a {@link DefaultBlobOffloadAdvisor}. */
	public static final class Builder {

		private final MediaWalker walker;

		private SpanInfoResolver spans = SpanInfoResolver.NONE;

		private int order = DEFAULT_ORDER;

		private boolean modelObserved;

		private Builder(MediaWalker walker) {
			this.walker = walker;
		}

		/**
		 * Sets how the current span is found (default: none, media never skipped).
		 * @param spans the resolver
		 * @return this builder
		 */
		public Builder spanInfoResolver(SpanInfoResolver spans) {
			this.spans = Objects.requireNonNull(spans, "spans must not be null");
			return this;
		}

		/**
		 * Sets the order among the advisors (default
		 * {@link BlobOffloadAdvisor#DEFAULT_ORDER}).
		 * @param order the order
		 * @return this builder
		 */
		public Builder order(int order) {
			this.order = order;
			return this;
		}

		/**
		 * Sets whether the model call is observed with a
		 * {@link BlobOffloadObservationHandler} registered (default {@code false}). When
		 * it is, the handler offloads prompt media as the model's span starts, so that
		 * the blobs' labels name that span, and the advisor only collects the results
		 * after the call; otherwise the advisor offloads prompt media from the start of
		 * the call, for its own span.
		 * @param modelObserved whether the model's observation offloads prompt media
		 * @return this builder
		 */
		public Builder modelObserved(boolean modelObserved) {
			this.modelObserved = modelObserved;
			return this;
		}

		/**
		 * Builds the advisor.
		 * @return a new advisor
		 */
		public DefaultBlobOffloadAdvisor build() {
			return new DefaultBlobOffloadAdvisor(this);
		}

	}

}
