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

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import io.github.blobupload.BlobUploader;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.internal.RateLimitedLogger;
import org.jspecify.annotations.Nullable;

/**
 * Records what became of each piece of media exactly once: counts its outcome, tells the
 * listeners, and completes the result others wait for; waits, up to the join timeout, for
 * prompt media still being offloaded on the prompt-media threads, and records it as
 * {@link BlobUploader#NOT_UPLOADED} when the wait runs out.
 */
final class OffloadRecorder {

	private final MediaOffloadCounts counts;

	private final MediaOffloadNotifier notifier;

	private final Duration joinTimeout;

	private final RateLimitedLogger errors;

	/**
	 * Creates a recorder.
	 * @param counts where outcomes are counted
	 * @param notifier tells the listeners
	 * @param joinTimeout the longest wait for prompt media being offloaded
	 * @param errors where timeouts are logged
	 */
	OffloadRecorder(MediaOffloadCounts counts, MediaOffloadNotifier notifier, Duration joinTimeout,
			RateLimitedLogger errors) {
		this.counts = counts;
		this.notifier = notifier;
		this.joinTimeout = joinTimeout;
		this.errors = errors;
	}

	/**
	 * Records media that nobody waits for (not taken from a media object, or refused
	 * before it reached the offloader): counted and told once.
	 * @param offload what became of it
	 * @param call the call it belongs to
	 */
	void record(OffloadResult offload, MediaCall call) {
		this.counts.increment(offload.outcome());
		this.notifier.notifyListeners(offload.media(), offload.outcome(), call, 0, 0);
	}

	/**
	 * Tells the listeners of media counted elsewhere (reused from an earlier call).
	 * @param media what became of it
	 * @param outcome the outcome it is counted with
	 * @param call the call that sees it
	 * @param messageIndex the position of the message
	 * @param partIndex the position of the media within the message
	 */
	void notifyListeners(OffloadedMedia media, MediaOffloadOutcome outcome, MediaCall call, int messageIndex,
			int partIndex) {
		this.notifier.notifyListeners(media, outcome, call, messageIndex, partIndex);
	}

	/**
	 * Completes a result unless a timed-out wait already did; only the one that completes
	 * it counts its outcome, so that each piece of media is counted once, and it counts
	 * before completing, so that whoever joins the result sees it counted.
	 * @param result the result others may be waiting for
	 * @param offload what became of the media
	 * @param call the call that counts it
	 * @param messageIndex the position of the message
	 * @param partIndex the position of the media within the message
	 * @return whether this outcome is the one recorded
	 */
	boolean resolve(CompletableFuture<OffloadedMedia> result, OffloadResult offload, MediaCall call, int messageIndex,
			int partIndex) {
		synchronized (result) {
			if (result.isDone()) {
				return false;
			}
			this.counts.increment(offload.outcome());
			this.notifier.notifyListeners(offload.media(), offload.outcome(), call, messageIndex, partIndex);
			result.complete(offload.media());
			return true;
		}
	}

	/**
	 * Waits, up to the join timeout, for media being offloaded on the prompt-media
	 * threads; on timeout it is recorded as {@link BlobUploader#NOT_UPLOADED}.
	 * @param result the result being offloaded
	 * @param useCase the use case
	 * @param mimeType the declared type, or {@code null}
	 * @param call the call that waits
	 * @param messageIndex the position of the message
	 * @param partIndex the position of the media within the message
	 * @return what became of the media
	 */
	OffloadedMedia await(CompletableFuture<OffloadedMedia> result, String useCase, @Nullable String mimeType,
			MediaCall call, int messageIndex, int partIndex) {
		SpanInfo span = call.span();
		if (result.isDone()) {
			return result.join();
		}
		try {
			return result.get(this.joinTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (resolve(result, refusedUnread(MediaOffloadOutcome.REFUSED_TIMEOUT, useCase, mimeType, span), call,
					messageIndex, partIndex)) {
				this.errors.warn(() -> "Prompt media of " + useCase + " was still being offloaded after "
						+ this.joinTimeout.toMillis() + " ms when its URI had to be recorded; recorded as "
						+ BlobUploader.NOT_UPLOADED + " (the prompt-media threads are behind)");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			resolve(result, refusedUnread(MediaOffloadOutcome.REFUSED_ERROR, useCase, mimeType, span), call,
					messageIndex, partIndex);
		}
		catch (ExecutionException ex) {
			resolve(result, refusedUnread(MediaOffloadOutcome.REFUSED_ERROR, useCase, mimeType, span), call,
					messageIndex, partIndex);
		}
		return result.join();
	}

	private static OffloadResult refusedUnread(MediaOffloadOutcome outcome, String useCase, @Nullable String mimeType,
			SpanInfo span) {
		return OffloadPipeline.refused(outcome, useCase, OffloadPipeline.typeOrUnknown(mimeType), -1, span);
	}

}
