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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.blobupload.AudioBlobs;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobLinks;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaModality;
import io.github.blobupload.ai.MediaOffloadEvent;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.internal.RateLimitedLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Offloads one piece of media: decides whether it is uploaded, kept inline, recorded as a
 * remote URL, refused or excluded (by the {@linkplain Builder#include(String) include}
 * and {@linkplain Builder#exclude(String) exclude} rules, then by the
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
 * daemon threads ({@link Builder#promptOffloadThreads(int)}) and joined, with a timeout,
 * when its URI is recorded at the end of the call: with a model slower than the hash, the
 * caller pays next to nothing. {@link #close()} stops those threads.
 */
public final class MediaOffloader implements AutoCloseable {

	/** Default sample rate of raw PCM audio whose content type gives none (OpenAI's). */
	public static final int DEFAULT_PCM_SAMPLE_RATE = 24_000;

	/** Default number of threads that offload prompt media while the model works. */
	public static final int DEFAULT_PROMPT_OFFLOAD_THREADS = 2;

	/** Default number of prompt media waiting for one of those threads. */
	public static final int DEFAULT_PROMPT_OFFLOAD_QUEUE_SIZE = 64;

	/** Default longest wait for prompt media being offloaded when its URI is recorded. */
	public static final Duration DEFAULT_PROMPT_OFFLOAD_JOIN_TIMEOUT = Duration.ofSeconds(1);

	private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

	private static final int MEMO_SIZE = 128;

	private final BlobUploaderRegistry registry;

	private final long inlineBudgetBytes;

	private final boolean uploadOnlyWhenSampled;

	private final int pcmSampleRate;

	private final int pcmChannels;

	private final List<BlobOffloadListener> listeners;

	private final BlobLinks links;

	private final BlobLinks viewerLinks;

	private final List<MediaRule> includes;

	private final List<MediaRule> excludes;

	private final List<MediaFilter> filters;

	private final MediaOffloadCounts counts = new MediaOffloadCounts();

	private final MediaResultCache memo = new MediaResultCache(MEMO_SIZE);

	private final PromptMediaExecutor promptExecutor;

	private final Duration joinTimeout;

	private static final Logger logger = LoggerFactory.getLogger(MediaOffloader.class);

	private final AtomicBoolean unsampledReported = new AtomicBoolean();

	private final RateLimitedLogger errors = new RateLimitedLogger(logger, Duration.ofMinutes(1));

	private MediaOffloader(Builder builder) {
		this.registry = builder.registry;
		this.inlineBudgetBytes = builder.inlineBudgetBytes;
		this.uploadOnlyWhenSampled = builder.uploadOnlyWhenSampled;
		this.pcmSampleRate = builder.pcmSampleRate;
		this.pcmChannels = builder.pcmChannels;
		this.listeners = List.copyOf(builder.listeners);
		this.links = builder.links;
		this.viewerLinks = builder.viewerLinks;
		this.includes = List.copyOf(builder.includes);
		this.excludes = List.copyOf(builder.excludes);
		this.filters = List.copyOf(builder.filters);
		this.promptExecutor = new PromptMediaExecutor(builder.promptThreads, builder.promptQueueSize, CLOSE_TIMEOUT);
		this.joinTimeout = builder.joinTimeout;
	}

	/**
	 * Starts building an offloader.
	 * @param registry where the uploader of each use case comes from
	 * @return a builder
	 */
	public static Builder builder(BlobUploaderRegistry registry) {
		return new Builder(registry);
	}

	/**
	 * Returns media as it is recorded on a span: uploaded media with the
	 * {@linkplain Builder#links(BlobLinks) link} of its URI in place of the URI, anything
	 * else unchanged. Cheap, without I/O.
	 * @param media what became of a piece of media
	 * @return the media to record
	 */
	public OffloadedMedia recorded(OffloadedMedia media) {
		if (this.links == BlobLinks.IDENTITY || media.status() != OffloadedMedia.Status.UPLOADED
				|| media.uri() == null) {
			return media;
		}
		String link = this.links.linkFor(media.uri());
		return link.equals(media.uri()) ? media : new OffloadedMedia(media.status(), media.useCase(), link,
				media.contentType(), media.size(), media.span(), media.refusalReason(), media.inlineBase64());
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
		MediaResultCache.Sighting seen = this.memo.see(identity, call, !call.collectOnly());
		if (seen != null && (seen.sameCall() || call.collectOnly())) {
			return;
		}
		if (seen == null) {
			this.memo.put(identity, call, null);
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
		return offload(data, data, mimeType, useCase, MediaCall.of(span, null, MediaCall.CHAT), messageIndex,
				partIndex);
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
		MediaResultCache.Sighting seen = this.memo.see(identity, call, !call.collectOnly());
		if (seen != null && seen.result() != null) {
			boolean reused = !seen.sameCall() && !call.collectOnly();
			if (reused) {
				this.counts.increment(MediaOffloadOutcome.REUSED);
			}
			OffloadedMedia media = await(seen.result(), useCase, mimeType, call, messageIndex, partIndex);
			if (reused) {
				notifyListeners(media, MediaOffloadOutcome.REUSED, call, messageIndex, partIndex);
			}
			return media;
		}
		CompletableFuture<OffloadedMedia> result = new CompletableFuture<>();
		this.memo.put(identity, call, result);
		resolve(result, attempt(data, mimeType, useCase, call, messageIndex, partIndex), call, messageIndex, partIndex);
		// Done: completed above, or by a wait on it that timed out meanwhile.
		return result.join();
	}

	/**
	 * Starts offloading a piece of prompt media on the prompt-media threads, so that the
	 * work overlaps with the model call; a later
	 * {@link #offload(Object, Object, String, String, MediaCall, int, int) offload} of
	 * the same identity joins it. Counts as {@code offload} does: once per call. The
	 * labels are taken from the call now, on the caller's thread. When no thread can take
	 * it, the work is done here (see {@link Builder#promptOffloadThreads(int)}).
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
		MediaResultCache.Sighting seen = this.memo.see(identity, call, !call.collectOnly());
		if (seen != null && seen.result() != null) {
			if (!seen.sameCall() && !call.collectOnly()) {
				// Counted now, told when known: the offload that joins it later counts
				// nothing.
				this.counts.increment(MediaOffloadOutcome.REUSED);
				seen.result()
					.thenAccept((media) -> notifyListeners(media, MediaOffloadOutcome.REUSED, call, messageIndex,
							partIndex));
			}
			return;
		}
		CompletableFuture<OffloadedMedia> result = new CompletableFuture<>();
		this.memo.put(identity, call, result);
		this.promptExecutor.execute(() -> {
			if (result.isDone()) {
				return;
			}
			try {
				resolve(result, attempt(data, mimeType, useCase, call, messageIndex, partIndex), call, messageIndex,
						partIndex);
			}
			catch (Error ex) {
				resolve(result,
						refused(MediaOffloadOutcome.REFUSED_ERROR, useCase, typeOrUnknown(mimeType), -1, call.span()),
						call, messageIndex, partIndex);
				throw ex;
			}
		});
	}

	private Offload attempt(Object data, @Nullable String mimeType, String useCase, MediaCall call, int messageIndex,
			int partIndex) {
		try {
			return doOffload(data, mimeType, useCase, call, messageIndex, partIndex);
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not offload " + useCase + " media: " + ex.getClass().getName(), ex);
			return refused(MediaOffloadOutcome.REFUSED_ERROR, useCase, typeOrUnknown(mimeType), -1, call.span());
		}
	}

	/**
	 * Completes a result unless a timed-out wait already did; only the one that completes
	 * it counts its outcome, so that each piece of media is counted once, and it counts
	 * before completing, so that whoever joins the result sees it counted.
	 * @return whether this outcome is the one recorded
	 */
	private boolean resolve(CompletableFuture<OffloadedMedia> result, Offload offload, MediaCall call, int messageIndex,
			int partIndex) {
		synchronized (result) {
			if (result.isDone()) {
				return false;
			}
			this.counts.increment(offload.outcome());
			notifyListeners(offload.media(), offload.outcome(), call, messageIndex, partIndex);
			result.complete(offload.media());
			return true;
		}
	}

	/**
	 * Waits, up to the join timeout, for media being offloaded on the prompt-media
	 * threads; on timeout it is recorded as {@link BlobUploader#NOT_UPLOADED}.
	 */
	private OffloadedMedia await(CompletableFuture<OffloadedMedia> result, String useCase, @Nullable String mimeType,
			MediaCall call, int messageIndex, int partIndex) {
		SpanInfo span = call.span();
		if (result.isDone()) {
			return result.join();
		}
		try {
			return result.get(this.joinTimeout.toNanos(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			if (resolve(result,
					refused(MediaOffloadOutcome.REFUSED_TIMEOUT, useCase, typeOrUnknown(mimeType), -1, span), call,
					messageIndex, partIndex)) {
				this.errors.warn(() -> "Prompt media of " + useCase + " was still being offloaded after "
						+ this.joinTimeout.toMillis() + " ms when its URI had to be recorded; recorded as "
						+ BlobUploader.NOT_UPLOADED + " (the prompt-media threads are behind)");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			resolve(result, refused(MediaOffloadOutcome.REFUSED_ERROR, useCase, typeOrUnknown(mimeType), -1, span),
					call, messageIndex, partIndex);
		}
		catch (ExecutionException ex) {
			resolve(result, refused(MediaOffloadOutcome.REFUSED_ERROR, useCase, typeOrUnknown(mimeType), -1, span),
					call, messageIndex, partIndex);
		}
		return result.join();
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
		Offload result;
		try {
			Map<String, String> labels = call.labels(useCase, 0, 0);
			labels.putAll(blob.labels());
			result = upload(blob.withLabels(labels), useCase, call.span(), labels);
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "Could not offload " + useCase + " media: " + ex.getClass().getName(), ex);
			result = refused(MediaOffloadOutcome.REFUSED_ERROR, useCase, blob.contentType(), blob.size(), call.span());
		}
		this.counts.increment(result.outcome());
		notifyListeners(result.media(), result.outcome(), call, 0, 0);
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
		Offload refusal = refused(outcome, useCase, typeOrUnknown(contentType), size, call.span());
		this.counts.increment(refusal.outcome());
		notifyListeners(refusal.media(), refusal.outcome(), call, 0, 0);
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

	private Offload doOffload(Object data, @Nullable String mimeType, String useCase, MediaCall call, int messageIndex,
			int partIndex) {
		SpanInfo span = call.span();
		Map<String, String> labels = call.labels(useCase, messageIndex, partIndex);
		if (data instanceof byte[] bytes) {
			return upload(new Blob(bytes, mimeType, labels), useCase, span, labels);
		}
		if (data instanceof URL || data instanceof URI) {
			return remote(data.toString(), mimeType, useCase, span, labels);
		}
		if (data instanceof String text) {
			if (text.regionMatches(true, 0, "data:", 0, 5)) {
				Blob blob;
				try {
					blob = Blob.fromDataUri(text, labels);
				}
				catch (IllegalArgumentException ex) {
					this.errors.warn(() -> "Media in " + useCase + " is a malformed data URI; recorded as "
							+ BlobUploader.NOT_UPLOADED + ": " + ex.getMessage());
					return refused(MediaOffloadOutcome.REFUSED_MALFORMED_DATA_URI, useCase, typeOrUnknown(mimeType), -1,
							span);
				}
				if (!blob.hasDeclaredContentType() && mimeType != null) {
					blob = new Blob(blob.rawBytes(), mimeType, labels);
				}
				return upload(blob, useCase, span, labels);
			}
			if (isRemoteUrl(text)) {
				return remote(text, mimeType, useCase, span, labels);
			}
		}
		// Raw base64 strings, resources and anything else: never recorded as given, since
		// they may be content.
		return refused(MediaOffloadOutcome.REFUSED_UNSUPPORTED_DATA, useCase, typeOrUnknown(mimeType), -1, span);
	}

	private Offload upload(Blob blob, String useCase, SpanInfo span, Map<String, String> labels) {
		if (blob.size() == 0) {
			return refused(MediaOffloadOutcome.REFUSED_EMPTY, useCase, blob.contentType(), 0, span);
		}
		Blob converted = AudioBlobs.toWavIfPcm16(blob, this.pcmSampleRate, this.pcmChannels);
		if (converted.labels().isEmpty() && !labels.isEmpty()) {
			converted = converted.withLabels(labels);
		}
		return filtered(converted, null, converted.contentType(), useCase, span, converted.labels());
	}

	private Offload remote(String url, @Nullable String mimeType, String useCase, SpanInfo span,
			Map<String, String> labels) {
		return filtered(null, url, typeOrUnknown(mimeType), useCase, span, labels);
	}

	/**
	 * Applies the include/exclude rules, then the filters in order, then stores what is
	 * left: uploaded, kept inline or recorded as its remote URL. Exactly one of
	 * {@code blob} and {@code url} is given.
	 */
	private Offload filtered(@Nullable Blob blob, @Nullable String url, String contentType, String useCase,
			SpanInfo span, Map<String, String> labels) {
		MediaFilter.Direction direction = directionOf(useCase);
		long size = (blob != null) ? blob.size() : -1;
		if (!allowed(direction, MediaModality.of(contentType))) {
			return refused(MediaOffloadOutcome.EXCLUDED_BY_RULE, useCase, contentType, size, span);
		}
		Blob current = blob;
		String currentUrl = url;
		for (MediaFilter filter : this.filters) {
			String type = (current != null) ? current.contentType() : contentType;
			MediaFilter.Candidate candidate = new MediaFilter.Candidate(direction, MediaModality.of(type), useCase,
					type, (current != null) ? current.size() : -1, labels,
					(current != null) ? current.rawBytes() : null, currentUrl);
			MediaFilter.Decision decision;
			try {
				decision = filter.filter(candidate);
			}
			catch (RuntimeException ex) {
				this.errors.warn(() -> "MediaFilter " + filter.getClass().getName() + " failed on " + useCase
						+ " media, which is dropped: " + ex.getClass().getName(), ex);
				return refused(MediaOffloadOutcome.EXCLUDED_FILTER_ERROR, useCase, type, candidate.size(), span);
			}
			if (decision == null || decision.action() == MediaFilter.Action.PASS) {
				continue;
			}
			if (decision.action() == MediaFilter.Action.DROP) {
				return new Offload(OffloadedMedia.refused(useCase, type, candidate.size(), span, decision.reason()),
						MediaOffloadOutcome.EXCLUDED_BY_FILTER);
			}
			if (decision.action() == MediaFilter.Action.KEEP_INLINE) {
				return (current != null) ? inline(current, useCase, span)
						: recordRemote(Objects.requireNonNull(currentUrl), type, useCase, span);
			}
			current = new Blob(Objects.requireNonNull(decision.bytes()), decision.contentType(), labels);
			currentUrl = null;
		}
		if (current == null) {
			return recordRemote(Objects.requireNonNull(currentUrl), contentType, useCase, span);
		}
		if (current.size() == 0) {
			return refused(MediaOffloadOutcome.REFUSED_EMPTY, useCase, current.contentType(), 0, span);
		}
		if (current.size() < this.inlineBudgetBytes) {
			return inline(current, useCase, span);
		}
		String uri = this.registry.getBlobUploader(useCase).uploadAsync(current);
		if (BlobUploader.NOT_UPLOADED.equals(uri)) {
			return refused(MediaOffloadOutcome.REFUSED_BY_UPLOADER, useCase, current.contentType(), current.size(),
					span);
		}
		return new Offload(OffloadedMedia.uploaded(useCase, uri, current.contentType(), current.size(), span),
				MediaOffloadOutcome.UPLOADED);
	}

	private boolean allowed(MediaFilter.Direction direction, String modality) {
		if (!this.includes.isEmpty() && this.includes.stream().noneMatch((rule) -> rule.matches(direction, modality))) {
			return false;
		}
		return this.excludes.stream().noneMatch((rule) -> rule.matches(direction, modality));
	}

	private static Offload inline(Blob blob, String useCase, SpanInfo span) {
		return new Offload(OffloadedMedia.inline(useCase, blob.contentType(), blob.size(), span,
				Base64.getEncoder().encodeToString(blob.rawBytes())), MediaOffloadOutcome.INLINE);
	}

	private static Offload recordRemote(String url, String contentType, String useCase, SpanInfo span) {
		return new Offload(OffloadedMedia.remote(useCase, url, contentType, span), MediaOffloadOutcome.REMOTE);
	}

	private static MediaFilter.Direction directionOf(String useCase) {
		return useCase.endsWith(".input") ? MediaFilter.Direction.INPUT : MediaFilter.Direction.OUTPUT;
	}

	private static Offload refused(MediaOffloadOutcome outcome, String useCase, String contentType, long size,
			SpanInfo span) {
		return new Offload(OffloadedMedia.refused(useCase, contentType, size, span, outcome.reason()), outcome);
	}

	/**
	 * Tells the listeners what became of a piece of media in a call: the one place where
	 * a {@link MediaOffloadEvent} is made. Called once per piece of media per call, where
	 * it is counted.
	 */
	private void notifyListeners(OffloadedMedia media, MediaOffloadOutcome outcome, MediaCall call, int messageIndex,
			int partIndex) {
		if (this.listeners.isEmpty()) {
			return;
		}
		String reason = (media.refusalReason() != null) ? media.refusalReason() : outcome.reason();
		String uri = media.uri();
		String link = (uri != null && media.status() == OffloadedMedia.Status.UPLOADED) ? viewerLink(uri) : null;
		SpanInfo span = call.span();
		MediaOffloadEvent event = new MediaOffloadEvent(media.useCase(), directionOf(media.useCase()), media.modality(),
				outcome, reason, uri, (link != null && !link.equals(uri)) ? link : null, media.contentType(),
				media.size(), messageIndex, partIndex, span.traceId(), span.spanId(), call.conversationId(),
				call.operation(), media);
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
			return this.viewerLinks.linkFor(uri);
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "BlobLinks " + this.viewerLinks.getClass().getName() + " failed", ex);
			return null;
		}
	}

	private static boolean isRemoteUrl(String text) {
		int colon = text.indexOf("://");
		if (colon <= 0 || colon > 10 || text.length() > 8192) {
			return false;
		}
		String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
		return scheme.equals("http") || scheme.equals("https") || scheme.equals("gs") || scheme.equals("s3");
	}

	private static String typeOrUnknown(@Nullable String mimeType) {
		return (mimeType != null && !mimeType.isBlank()) ? mimeType : "application/octet-stream";
	}

	/**
	 * What became of a piece of media and the outcome it is counted with, counted by
	 * whoever records it.
	 */
	private record Offload(OffloadedMedia media, MediaOffloadOutcome outcome) {

	}

	/** Builds a {@link MediaOffloader}. */
	public static final class Builder {

		private final BlobUploaderRegistry registry;

		private long inlineBudgetBytes;

		private boolean uploadOnlyWhenSampled = true;

		private int pcmSampleRate = DEFAULT_PCM_SAMPLE_RATE;

		private int pcmChannels = 1;

		private final List<BlobOffloadListener> listeners = new ArrayList<>();

		private BlobLinks links = BlobLinks.IDENTITY;

		private BlobLinks viewerLinks = BlobLinks.IDENTITY;

		private final List<MediaRule> includes = new ArrayList<>();

		private final List<MediaRule> excludes = new ArrayList<>();

		private final List<MediaFilter> filters = new ArrayList<>();

		private int promptThreads = DEFAULT_PROMPT_OFFLOAD_THREADS;

		private int promptQueueSize = DEFAULT_PROMPT_OFFLOAD_QUEUE_SIZE;

		private Duration joinTimeout = DEFAULT_PROMPT_OFFLOAD_JOIN_TIMEOUT;

		private Builder(BlobUploaderRegistry registry) {
			this.registry = Objects.requireNonNull(registry, "registry must not be null");
		}

		/**
		 * Sets the inline budget: media smaller than this is kept inline (recorded as
		 * base64) instead of uploaded. 0, the default, uploads everything.
		 * @param bytes the budget in bytes, not negative
		 * @return this builder
		 */
		public Builder inlineBudgetBytes(long bytes) {
			if (bytes < 0) {
				throw new IllegalArgumentException("inlineBudgetBytes must not be negative but was " + bytes);
			}
			this.inlineBudgetBytes = bytes;
			return this;
		}

		/**
		 * Sets whether media of spans that are not sampled is not uploaded (default
		 * {@code true}).
		 * @param uploadOnlyWhenSampled whether uploads follow sampling
		 * @return this builder
		 */
		public Builder uploadOnlyWhenSampled(boolean uploadOnlyWhenSampled) {
			this.uploadOnlyWhenSampled = uploadOnlyWhenSampled;
			return this;
		}

		/**
		 * Sets the rate and channels of raw PCM audio whose content type gives none.
		 * @param sampleRate samples per second, positive (default 24000)
		 * @param channels channels, positive (default 1)
		 * @return this builder
		 */
		public Builder pcmDefaults(int sampleRate, int channels) {
			if (sampleRate <= 0 || channels <= 0) {
				throw new IllegalArgumentException(
						"PCM sample rate and channels must be positive but were " + sampleRate + " and " + channels);
			}
			this.pcmSampleRate = sampleRate;
			this.pcmChannels = channels;
			return this;
		}

		/**
		 * Adds listeners told about every piece of media of each call.
		 * @param listeners the listeners
		 * @return this builder
		 */
		public Builder listeners(List<? extends BlobOffloadListener> listeners) {
			this.listeners.addAll(listeners);
			return this;
		}

		/**
		 * Sets the links recorded on spans in place of the storage URIs of uploaded
		 * media, such as the media viewer's; the default, {@link BlobLinks#IDENTITY},
		 * records the storage URIs. Listeners and
		 * {@link io.github.blobupload.ai.BlobOffloadAdvisor#OFFLOADED_MEDIA} always get
		 * the storage URIs.
		 * @param links the links
		 * @return this builder
		 */
		public Builder links(BlobLinks links) {
			this.links = Objects.requireNonNull(links, "links must not be null");
			return this;
		}

		/**
		 * Sets the links given to listeners as {@link MediaOffloadEvent#viewerLink()},
		 * such as the media viewer's, whether or not they are
		 * {@linkplain #links(BlobLinks) recorded on spans}; the default,
		 * {@link BlobLinks#IDENTITY}, gives none.
		 * @param viewerLinks the links
		 * @return this builder
		 */
		public Builder viewerLinks(BlobLinks viewerLinks) {
			this.viewerLinks = Objects.requireNonNull(viewerLinks, "viewerLinks must not be null");
			return this;
		}

		/**
		 * Adds a rule of media to offload; when any is given, media that matches none is
		 * excluded (never stored, recorded as {@link BlobUploader#NOT_UPLOADED}). A rule
		 * is {@code <direction>.<modality>}: direction {@code input}, {@code output} or
		 * {@code *}; modality {@code image}, {@code audio}, {@code video},
		 * {@code document} or {@code *}, such as {@code input.image} or {@code *.audio}.
		 * @param rule the rule
		 * @return this builder
		 * @throws IllegalArgumentException when the rule is not of that form
		 */
		public Builder include(String rule) {
			this.includes.add(MediaRule.parse(rule));
			return this;
		}

		/**
		 * Adds a rule of media never to offload, written as for {@link #include(String)}:
		 * matching media is never stored and is recorded as
		 * {@link BlobUploader#NOT_UPLOADED}. Excludes win over includes.
		 * @param rule the rule, such as {@code *.audio}
		 * @return this builder
		 * @throws IllegalArgumentException when the rule is not of that form
		 */
		public Builder exclude(String rule) {
			this.excludes.add(MediaRule.parse(rule));
			return this;
		}

		/**
		 * Adds filters that see each piece of media the rules let through, in this order.
		 * @param filters the filters
		 * @return this builder
		 */
		public Builder filters(List<? extends MediaFilter> filters) {
			this.filters.addAll(filters);
			return this;
		}

		/**
		 * Sets how many daemon threads offload prompt media while the model works
		 * (default {@value MediaOffloader#DEFAULT_PROMPT_OFFLOAD_THREADS}); 0 offloads it
		 * on the caller's thread before the model is called.
		 * @param threads how many threads, 0 or more
		 * @return this builder
		 */
		public Builder promptOffloadThreads(int threads) {
			if (threads < 0) {
				throw new IllegalArgumentException(
						"The number of prompt offload threads must be 0 or more but was " + threads);
			}
			this.promptThreads = threads;
			return this;
		}

		/**
		 * Sets how many pieces of prompt media may wait for the prompt-media threads
		 * (default {@value MediaOffloader#DEFAULT_PROMPT_OFFLOAD_QUEUE_SIZE}). Media that
		 * finds the queue full is offloaded on the caller's thread, as with 0 threads,
		 * and counted ({@link MediaOffloader#promptOffloadsOnCallerBecauseFull()}).
		 * @param queueSize how many may wait, positive
		 * @return this builder
		 */
		public Builder promptOffloadQueueSize(int queueSize) {
			if (queueSize <= 0) {
				throw new IllegalArgumentException(
						"The prompt offload queue size must be positive but was " + queueSize);
			}
			this.promptQueueSize = queueSize;
			return this;
		}

		/**
		 * Sets how long the caller waits, when a piece of prompt media is recorded at the
		 * end of the call, for its offloading on the prompt-media threads to finish
		 * (default 1 s). After that it is recorded as {@link BlobUploader#NOT_UPLOADED},
		 * counted as {@link MediaOffloadOutcome#REFUSED_TIMEOUT} and logged
		 * (rate-limited).
		 * @param joinTimeout the longest wait, positive
		 * @return this builder
		 */
		public Builder promptOffloadJoinTimeout(Duration joinTimeout) {
			Objects.requireNonNull(joinTimeout, "joinTimeout must not be null");
			if (joinTimeout.isNegative() || joinTimeout.isZero()) {
				throw new IllegalArgumentException(
						"The prompt offload join timeout must be positive but was " + joinTimeout);
			}
			this.joinTimeout = joinTimeout;
			return this;
		}

		/**
		 * Builds the offloader.
		 * @return a new offloader
		 */
		public MediaOffloader build() {
			return new MediaOffloader(this);
		}

	}

}
