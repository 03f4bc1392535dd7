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

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Told about every piece of Spring AI media of a model call, so that another
 * observability integration (Langfuse, AgentOps, an audit log, an event pipeline) can
 * link to it without patching anything. Declare a bean of this type to receive the
 * events.
 * <p>
 * {@link #onMedia(MediaOffloadEvent)} hears every outcome (uploaded, kept inline, remote,
 * refused, excluded, reused) with the call's context: use case, direction, modality, URI
 * and viewer link, positions, trace, span, conversation and operation. Implement it (or
 * use {@link #ofEvents(Consumer)}); {@link #onOffloaded(OffloadedMedia)}, the original
 * contract, still hears the media that a call uploaded.
 * <p>
 * Called once per piece of media per call (not again when the same media is seen by both
 * the advisor and the model observation), on the thread that decided what became of it:
 * the model call's, or for prompt media a prompt-media thread (see
 * {@code blob.upload.ai.prompt-offload.threads}); must be cheap, thread-safe and must not
 * block. Exceptions are logged (rate-limited) and otherwise ignored. Media of a span that
 * is not sampled is skipped and not reported. The upload itself may still be in progress:
 * its outcome is reported by the blob-upload metrics and
 * {@link io.github.blobupload.BlobUploadListener}.
 */
@FunctionalInterface
public interface BlobOffloadListener {

	/**
	 * A piece of media was given to a blob uploader and its URI recorded. Called by the
	 * default {@link #onMedia(MediaOffloadEvent)} for
	 * {@link MediaOffloadOutcome#UPLOADED} media only.
	 * @param media the use case, URI, content type, size and span
	 */
	void onOffloaded(OffloadedMedia media);

	/**
	 * A piece of media of a model call was offloaded, kept inline, recorded as its remote
	 * URL, refused, excluded or found offloaded by an earlier call. The default calls
	 * {@link #onOffloaded(OffloadedMedia)} for uploaded media and ignores the rest.
	 * @param event what became of the media, and where in which call it was
	 */
	default void onMedia(MediaOffloadEvent event) {
		if (event.outcome() == MediaOffloadOutcome.UPLOADED) {
			onOffloaded(event.media());
		}
	}

	/**
	 * Returns a listener that hears every {@link MediaOffloadEvent}.
	 * @param events what to do with each event
	 * @return a listener whose {@link #onMedia(MediaOffloadEvent)} calls {@code events}
	 */
	static BlobOffloadListener ofEvents(Consumer<? super MediaOffloadEvent> events) {
		Objects.requireNonNull(events, "events must not be null");
		return new BlobOffloadListener() {

			@Override
			public void onOffloaded(OffloadedMedia media) {
			}

			@Override
			public void onMedia(MediaOffloadEvent event) {
				events.accept(event);
			}

		};
	}

}
