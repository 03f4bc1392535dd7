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

import java.util.List;

import io.github.blobupload.BlobLinks;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.ai.MediaOffloadEvent;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.internal.RateLimitedLogger;
import org.jspecify.annotations.Nullable;

/**
 * Tells the {@link BlobOffloadListener}s of an offloader what became of each piece of
 * media, with the viewer link of uploaded media. A listener or a link that fails is
 * logged (rate-limited) and the others are still told.
 */
final class MediaOffloadNotifier {

	private final List<BlobOffloadListener> listeners;

	private final BlobLinks eventViewerLinks;

	private final RateLimitedLogger errors;

	/**
	 * Creates a notifier.
	 * @param listeners the listeners, in order
	 * @param eventViewerLinks gives the {@link MediaOffloadEvent#viewerLink()} of
	 * uploaded media
	 * @param errors where failures are logged
	 */
	MediaOffloadNotifier(List<? extends BlobOffloadListener> listeners, BlobLinks eventViewerLinks,
			RateLimitedLogger errors) {
		this.listeners = List.copyOf(listeners);
		this.eventViewerLinks = eventViewerLinks;
		this.errors = errors;
	}

	/**
	 * Tells the listeners what became of a piece of media in a call: the one place where
	 * a {@link MediaOffloadEvent} is made. Called once per piece of media per call, where
	 * it is counted.
	 */
	void notifyListeners(OffloadedMedia media, MediaOffloadOutcome outcome, MediaCall call, int messageIndex,
			int partIndex) {
		if (this.listeners.isEmpty()) {
			return;
		}
		String reason = (media.refusalReason() != null) ? media.refusalReason() : outcome.reason();
		String uri = media.uri();
		String link = (uri != null && media.status() == OffloadedMedia.Status.UPLOADED) ? viewerLink(uri) : null;
		SpanInfo span = call.span();
		MediaOffloadEvent event = new MediaOffloadEvent(media.useCase(), OffloadPipeline.directionOf(media.useCase()),
				media.modality(), outcome, reason, uri, (link != null && !link.equals(uri)) ? link : null,
				media.contentType(), media.size(), messageIndex, partIndex, span.traceId(), span.spanId(),
				call.conversationId(), call.operation(), media, call.callerLabels());
		for (BlobOffloadListener listener : this.listeners) {
			try {
				listener.onMedia(event);
			}
			catch (RuntimeException ex) {
				this.errors.warn(() -> "BlobOffloadListener " + listener.getClass().getName() + " failed", ex);
			}
		}
	}

	private @Nullable String viewerLink(String uri) {
		try {
			return this.eventViewerLinks.linkFor(uri);
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "BlobLinks " + this.eventViewerLinks.getClass().getName() + " failed", ex);
			return null;
		}
	}

}
