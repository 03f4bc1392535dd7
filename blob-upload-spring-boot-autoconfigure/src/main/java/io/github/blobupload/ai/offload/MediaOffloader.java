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

import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLinks;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.SpanInfoResolver;
import io.github.blobupload.internal.CallerLabels;
import io.github.blobupload.internal.RateLimitedLogger;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offloads one piece of media: decides whether it is uploaded, kept inline, recorded as a
 * remote URL, refused or excluded (by the
 * {@linkplain MediaOffloaderBuilder#include(String) include} and
 * {@linkplain MediaOffloaderBuilder#exclude(String) exclude} rules, then by the
 * {@link MediaFilter}s, which may also replace it), hands it to the blob uploader of its
 * use case, and remembers the result so that the same media seen again (by the advisor,
 * then by the model observation) is not uploaded twice and is recorded with the same URI.
 * <p>
 * Never throws and never blocks on storage: URIs come from
 * {@link BlobUploader#uploadAsync(Blob)}, which returns at once. Remote URLs are recorded
 * as given and never fetched. Content is never logged.
 * <p>
 * Prompt media is known before the model is called, so its offloading (decoding, copying,
 * the rules and filters, the SHA-256 of content-addressed names) is started then on a few
 * daemon threads ({@link MediaOffloaderBuilder#promptOffloadThreads(int)}) and joined,
 * with a timeout, when its URI is recorded at the end of the call: with a model slower
 * than the hash, the caller pays next to nothing. {@link #close()} stops those threads.
 */
public final class MediaOffloader implements AutoCloseable {

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private static final int RESULT_CACHE_SIZE = 128;

	private static final Logger logger = LoggerFactory.getLogger(MediaOffloader.class);

	private final boolean uploadOnlyWhenSampled;

	private final BlobLinks recordedLinks;

	private final OffloadPipeline pipeline;

	private final OffloadRecorder recorder;

	private final MediaOffloadCounts counts = new MediaOffloadCounts();

	private final MediaResultCache results;

	private final PromptMediaExecutor promptExecutor;

	private final AtomicBoolean unsampledReported = new AtomicBoolean();

	private final RateLimitedLogger errors = new RateLimitedLogger(logger, Duration.ofMinutes(1));

	private final CallerLabels callerLabels;

	MediaOffloader(MediaOffloaderBuilder builder) {
		this.uploadOnlyWhenSampled = builder.uploadOnlyWhenSampled;
		this.recordedLinks = builder.recordedLinks;
		this.pipeline = new OffloadPipeline(builder, this.errors);
		this.recorder = new OffloadRecorder(this.counts,
				new MediaOffloadNotifier(builder.listeners, builder.eventViewerLinks, this.errors), builder.joinTimeout,
				this.errors);
		this.results = new MediaResultCache(RESULT_CACHE_SIZE, builder.recentMediaLifetime, System::nanoTime);
		this.promptExecutor = new PromptMediaExecutor(builder.promptThreads, builder.promptQueueSize, CLOSE_TIMEOUT);
		this.callerLabels = CallerLabels.of(builder.callerLabels, logger);
	}

	/**
	 * Starts building an offloader.
	 * @param registry where the uploader of each use case comes from
	 * @return a builder
	 */
	public static MediaOffloaderBuilder builder(BlobUploaderRegistry registry) {
		return new MediaOffloaderBuilder(registry);
	}

	/**
	 * Returns the call kept on an observation's context, creating and keeping it the
	 * first time (see
	 * {@link MediaCall#of(Observation.Context, SpanInfoResolver, String)}) with the
	 * {@linkplain MediaOffloaderBuilder#callerLabels caller's labels} read now: call it
	 * on the caller's thread, when the model call starts.
	 * @param context the observation's context
	 * @param spans tells the observation's span
	 * @param operation the operation, such as {@link MediaCall#CHAT}
	 * @return the call
	 */
	public MediaCall call(Observation.Context context, SpanInfoResolver spans, String operation) {
		return MediaCall.of(context, spans, operation, this::takeCallerLabels);
	}

	/**
	 * Returns a new call with the {@linkplain MediaOffloaderBuilder#callerLabels caller's
	 * labels} read now, on the caller's thread.
	 * @param span the span the media is recorded on
	 * @param conversationId the conversation, or {@code null} when none is known
	 * @param operation the operation, such as {@link MediaCall#CHAT}
	 * @param collectOnly whether the call only collects what another call offloaded (see
	 * {@link MediaCall#collecting})
	 * @return a new call
	 */
	public MediaCall call(SpanInfo span, @Nullable String conversationId, String operation, boolean collectOnly) {
		return MediaCall.of(span, conversationId, operation, collectOnly, takeCallerLabels());
	}

	private @Nullable Map<String, String> takeCallerLabels() {
		return this.callerLabels.isPresent() ? this.callerLabels.get() : null;
	}

	/**
	 * Returns media as it is recorded on a span: uploaded media with the
	 * {@linkplain MediaOffloaderBuilder#recordedLinks(BlobLinks) link} of its URI in
	 * place of the URI, anything else unchanged. Cheap, without I/O.
	 * @param media what became of a piece of media
	 * @return the media to record
	 */
	public OffloadedMedia recorded(OffloadedMedia media) {
		if (this.recordedLinks == BlobLinks.IDENTITY || media.status() != OffloadedMedia.Status.UPLOADED
				|| media.uri() == null) {
			return media;
		}
		String link = this.recordedLinks.linkFor(media.uri());
		return link.equals(media.uri()) ? media : new OffloadedMedia(media.status(), media.useCase(), link,
				media.contentType(), media.size(), media.span(), media.refusalReason(), media.inlineBase64());
	}

	/**
	 * Forgets the media recently offloaded to the given URIs, so that the same media
	 * object seen again (in a later call of the same conversation) is uploaded again
	 * rather than recorded as reused: what to call once those objects were deleted. Media
	 * still being offloaded is not affected.
	 * @param uris the URIs
	 */
	public void forget(Collection<String> uris) {
		this.results.forget(uris);
	}

	/**
	 * Returns whether media of this span should be offloaded at all: not when the span is
	 * sampled out and uploads follow sampling.
	 * @param span the span
	 * @return whether to offload
	 */
	public boolean shouldOffload(SpanInfo span) {
		return !this.uploadOnlyWhenSampled || span.sampled();
	}

	/**
	 * Records that a piece of media of a sampled-out span was not offloaded: counted as
	 * skipped once per call, however often the call sees it.
	 * @param identity the object that stands for the media
	 * @param call the call that sees it
	 */
	public void skip(Object identity, MediaCall call) {
		MediaResultCache.Sighting seen = this.results.see(identity, call, !call.collectOnly());
		if (seen != null && (seen.sameCall() || call.collectOnly())) {
			return;
		}
		if (seen == null) {
			this.results.put(identity, call, null);
		}
		this.counts.increment(MediaOffloadOutcome.SKIPPED_UNSAMPLED);
		if (this.unsampledReported.compareAndSet(false, true)) {
			logger.info("Media of a span that is not sampled was not uploaded: uploads follow the trace sampling "
					+ "(blob.upload.ai.upload-only-when-sampled=true), and Spring Boot samples 10% of traces unless "
					+ "management.tracing.sampling.probability says otherwise. Further skips are counted in "
					+ "blob.upload.ai.media{outcome=skipped,reason=unsampled}, not logged.");
		}
	}

	/**
	 * Offloads one piece of media, or returns the result of offloading the same media
	 * object earlier. Each call counts the media once: as its outcome the first time it
	 * is seen, as {@link MediaOffloadOutcome#REUSED} when an earlier call offloaded it.
	 * @param data the media's data: bytes, a {@code data:} URI, or a URL (as
	 * {@link String}, {@link URI} or {@link URL}) that is recorded and never fetched
	 * @param mimeType the media's declared type, or {@code null}
	 * @param useCase the use case, such as
	 * {@link io.github.blobupload.ai.AiUseCases#CHAT_INPUT}
	 * @param span the span the media belongs to
	 * @param messageIndex the position of the message, from 0
	 * @param partIndex the position of the media within the message, from 0
	 * @return what became of it; never {@code null}
	 */
	public OffloadedMedia offload(Object data, @Nullable String mimeType, String useCase, SpanInfo span,
			int messageIndex, int partIndex) {
		return offload(data, data, mimeType, useCase, call(span, null, MediaCall.CHAT, false), messageIndex, partIndex);
	}

	/**
	 * Offloads one piece of media whose identity is another object than its data (such as
	 * an image model's output, whose base64 data is turned into a data URI first).
	 * @param identity the object that stands for the media: the same object seen again
	 * gives the earlier result
	 * @param data the media's data, as for
	 * {@link #offload(Object, String, String, SpanInfo, int, int)}
	 * @param mimeType the media's declared type, or {@code null}
	 * @param useCase the use case
	 * @param call the call the media belongs to
	 * @param messageIndex the position of the message, from 0
	 * @param partIndex the position of the media within the message, from 0
	 * @return what became of it; never {@code null}
	 */
	public OffloadedMedia offload(Object identity, Object data, @Nullable String mimeType, String useCase,
			MediaCall call, int messageIndex, int partIndex) {
		MediaResultCache.Sighting seen = this.results.see(identity, call, !call.collectOnly());
		if (seen != null && seen.result() != null) {
			boolean reused = !seen.sameCall() && !call.collectOnly();
			if (reused) {
				this.counts.increment(MediaOffloadOutcome.REUSED);
			}
			OffloadedMedia media = this.recorder.await(seen.result(), useCase, mimeType, call, messageIndex, partIndex);
			if (reused) {
				this.recorder.notifyListeners(media, MediaOffloadOutcome.REUSED, call, messageIndex, partIndex);
			}
			return media;
		}
		CompletableFuture<OffloadedMedia> result = new CompletableFuture<>();
		this.results.put(identity, call, result);
		this.recorder.resolve(result, attempt(data, mimeType, useCase, call, messageIndex, partIndex), call,
				messageIndex, partIndex);
		// Done: completed above, or by a wait on it that timed out meanwhile.
		return result.join();
	}

	/**
	 * Starts offloading a piece of prompt media on the prompt-media threads, so that the
	 * work overlaps with the model call; a later
	 * {@link #offload(Object, Object, String, String, MediaCall, int, int) offload} of
	 * the same identity joins it. Counts as {@code offload} does: once per call. The
	 * labels are taken from the call now, on the caller's thread. When no thread can take
	 * it, the work is done here (see
	 * {@link MediaOffloaderBuilder#promptOffloadThreads(int)}).
	 * @param identity the object that stands for the media
	 * @param data the media's data, as for {@code offload}
	 * @param mimeType the media's declared type, or {@code null}
	 * @param useCase the use case
	 * @param call the call the media belongs to
	 * @param messageIndex the position of the message, from 0
	 * @param partIndex the position of the media within the message, from 0
	 */
	public void start(Object identity, Object data, @Nullable String mimeType, String useCase, MediaCall call,
			int messageIndex, int partIndex) {
		MediaResultCache.Sighting seen = this.results.see(identity, call, !call.collectOnly());
		if (seen != null && seen.result() != null) {
			if (!seen.sameCall() && !call.collectOnly()) {
				// Counted now, told when known: the offload that joins it later counts
				// nothing.
				this.counts.increment(MediaOffloadOutcome.REUSED);
				seen.result()
					.thenAccept((media) -> this.recorder.notifyListeners(media, MediaOffloadOutcome.REUSED, call,
							messageIndex, partIndex));
			}
			return;
		}
		CompletableFuture<OffloadedMedia> result = new CompletableFuture<>();
		this.results.put(identity, call, result);
		this.promptExecutor.execute(() -> {
			if (result.isDone()) {
				return;
			}
			try {
				this.recorder.resolve(result, attempt(data, mimeType, useCase, call, messageIndex, partIndex), call,
						messageIndex, partIndex);
			}
			catch (Error ex) {
				this.recorder.resolve(result,
						refusedUnread(MediaOffloadOutcome.REFUSED_ERROR, useCase, mimeType, call.span()), call,
						messageIndex, partIndex);
				throw ex;
			}
		});
	}

	private OffloadResult attempt(Object data, @Nullable String mimeType, String useCase, MediaCall call,
			int messageIndex, int partIndex) {
		try {
			return call.upload(() -> this.pipeline.offload(data, mimeType, useCase, call, messageIndex, partIndex));
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not offload " + useCase + " media: " + ex.getClass().getName(), ex);
			return refusedUnread(MediaOffloadOutcome.REFUSED_ERROR, useCase, mimeType, call.span());
		}
	}

	/**
	 * Offloads a {@link Blob} that was not taken from a media object (text-to-speech
	 * output). Raw PCM is wrapped as WAV first.
	 * @param blob the content
	 * @param useCase the use case
	 * @param call the call it belongs to
	 * @return what became of it
	 */
	public OffloadedMedia offload(Blob blob, String useCase, MediaCall call) {
		OffloadResult result;
		try {
			Map<String, String> labels = call.labels(useCase, 0, 0);
			labels.putAll(blob.labels());
			result = call.upload(() -> this.pipeline.upload(blob.withLabels(labels), useCase, call.span(), labels));
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not offload " + useCase + " media: " + ex.getClass().getName(), ex);
			result = OffloadPipeline.refused(MediaOffloadOutcome.REFUSED_ERROR, useCase, blob.contentType(),
					blob.size(), call.span());
		}
		this.recorder.record(result, call);
		return result.media();
	}

	/**
	 * Records that a piece of media was refused before it reached the offloader (streamed
	 * audio past its limit): counted once with its outcome.
	 * @param outcome why it was refused
	 * @param useCase the use case
	 * @param contentType its content type, or {@code null}
	 * @param size its size in bytes, or -1
	 * @param call the call it belongs to
	 * @return the refused media, recorded as {@link BlobUploader#NOT_UPLOADED}
	 */
	public OffloadedMedia refuse(MediaOffloadOutcome outcome, String useCase, @Nullable String contentType, long size,
			MediaCall call) {
		OffloadResult refusal = OffloadPipeline.refused(outcome, useCase, OffloadPipeline.typeOrUnknown(contentType),
				size, call.span());
		this.recorder.record(refusal, call);
		return refusal.media();
	}

	/**
	 * Returns how many pieces of media had this outcome since startup.
	 * @param outcome the outcome
	 * @return the count
	 */
	public long count(MediaOffloadOutcome outcome) {
		return this.counts.get(outcome);
	}

	/**
	 * Returns how many pieces of prompt media were offloaded on the caller's thread
	 * because the prompt-media threads' queue was full.
	 * @return the count since startup
	 */
	public long promptOffloadsOnCallerBecauseFull() {
		return this.promptExecutor.ranOnCallerBecauseFull();
	}

	/**
	 * Stops the prompt-media threads after the media waiting for them is offloaded (for
	 * at most a few seconds); prompt media seen later is offloaded on the caller's
	 * thread. Idempotent.
	 */
	@Override
	public void close() {
		this.promptExecutor.close();
	}

	/**
	 * Returns media refused before its data was read: of its declared type, or unknown,
	 * and of unknown size.
	 */
	private static OffloadResult refusedUnread(MediaOffloadOutcome outcome, String useCase, @Nullable String mimeType,
			SpanInfo span) {
		return OffloadPipeline.refused(outcome, useCase, OffloadPipeline.typeOrUnknown(mimeType), -1, span);
	}

}
