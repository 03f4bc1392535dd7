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
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import io.github.blobupload.AudioBlobs;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.MediaFilter;
import io.github.blobupload.ai.MediaModality;
import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.internal.RateLimitedLogger;
import org.jspecify.annotations.Nullable;

/**
 * The steps one piece of media goes through once it is to be offloaded: its data read
 * (bytes, a {@code data:} URI, a remote URL, which is recorded and never fetched;
 * anything else refused, since it may be content), raw PCM wrapped as WAV, the include
 * and exclude rules, the {@link MediaFilter}s in order, the inline budget, and the blob
 * uploader of its use case. Returns what became of it with the outcome it is counted
 * with; counts nothing itself. Never throws for bad media: it is refused and the reason
 * logged (rate-limited, without content).
 */
final class OffloadPipeline {

	private final BlobUploaderRegistry registry;

	private final long inlineBudgetBytes;

	private final int pcmSampleRate;

	private final int pcmChannels;

	private final List<MediaRule> includes;

	private final List<MediaRule> excludes;

	private final List<MediaFilter> filters;

	private final RateLimitedLogger errors;

	/**
	 * Creates the pipeline of an offloader.
	 * @param builder the offloader's settings
	 * @param errors where failures are logged
	 */
	OffloadPipeline(MediaOffloaderBuilder builder, RateLimitedLogger errors) {
		this.registry = builder.registry;
		this.inlineBudgetBytes = builder.inlineBudgetBytes;
		this.pcmSampleRate = builder.pcmSampleRate;
		this.pcmChannels = builder.pcmChannels;
		this.includes = List.copyOf(builder.includes);
		this.excludes = List.copyOf(builder.excludes);
		this.filters = List.copyOf(builder.filters);
		this.errors = errors;
	}

	/**
	 * Offloads one piece of media given as a media object's data.
	 * @param data bytes, a {@code data:} URI, or a URL (as {@link String}, {@link URI} or
	 * {@link URL}) that is recorded and never fetched
	 * @param mimeType the media's declared type, or {@code null}
	 * @param useCase the use case
	 * @param call the call it belongs to, whose labels it gets
	 * @param messageIndex the position of the message, from 0
	 * @param partIndex the position of the media within the message, from 0
	 * @return what became of it
	 */
	OffloadResult offload(Object data, @Nullable String mimeType, String useCase, MediaCall call, int messageIndex,
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

	/**
	 * Offloads a blob: raw PCM is wrapped as WAV first, then the rules, filters and the
	 * inline budget decide.
	 * @param blob the content
	 * @param useCase the use case
	 * @param span the span it belongs to
	 * @param labels its labels
	 * @return what became of it
	 */
	OffloadResult upload(Blob blob, String useCase, SpanInfo span, Map<String, String> labels) {
		if (blob.size() == 0) {
			return refused(MediaOffloadOutcome.REFUSED_EMPTY, useCase, blob.contentType(), 0, span);
		}
		Blob converted = AudioBlobs.toWavIfPcm16(blob, this.pcmSampleRate, this.pcmChannels);
		if (converted.labels().isEmpty() && !labels.isEmpty()) {
			converted = converted.withLabels(labels);
		}
		return filtered(converted, null, converted.contentType(), useCase, span, converted.labels());
	}

	private OffloadResult remote(String url, @Nullable String mimeType, String useCase, SpanInfo span,
			Map<String, String> labels) {
		return filtered(null, url, typeOrUnknown(mimeType), useCase, span, labels);
	}

	/**
	 * Applies the include/exclude rules, then the filters in order, then stores what is
	 * left: uploaded, kept inline or recorded as its remote URL. Exactly one of
	 * {@code blob} and {@code url} is given.
	 */
	private OffloadResult filtered(@Nullable Blob blob, @Nullable String url, String contentType, String useCase,
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
				return new OffloadResult(
						OffloadedMedia.refused(useCase, type, candidate.size(), span, decision.reason()),
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
		return new OffloadResult(OffloadedMedia.uploaded(useCase, uri, current.contentType(), current.size(), span),
				MediaOffloadOutcome.UPLOADED);
	}

	private boolean allowed(MediaFilter.Direction direction, String modality) {
		if (!this.includes.isEmpty() && this.includes.stream().noneMatch((rule) -> rule.matches(direction, modality))) {
			return false;
		}
		return this.excludes.stream().noneMatch((rule) -> rule.matches(direction, modality));
	}

	private static OffloadResult inline(Blob blob, String useCase, SpanInfo span) {
		return new OffloadResult(OffloadedMedia.inline(useCase, blob.contentType(), blob.size(), span,
				Base64.getEncoder().encodeToString(blob.rawBytes())), MediaOffloadOutcome.INLINE);
	}

	private static OffloadResult recordRemote(String url, String contentType, String useCase, SpanInfo span) {
		return new OffloadResult(OffloadedMedia.remote(useCase, url, contentType, span), MediaOffloadOutcome.REMOTE);
	}

	/**
	 * Returns the direction of a use case's media.
	 * @param useCase the use case
	 * @return {@code INPUT} for the {@code *.input} use cases, else {@code OUTPUT}
	 */
	static MediaFilter.Direction directionOf(String useCase) {
		return useCase.endsWith(".input") ? MediaFilter.Direction.INPUT : MediaFilter.Direction.OUTPUT;
	}

	/**
	 * Returns media refused with an outcome, recorded as {@code /dev/null}.
	 * @param outcome why
	 * @param useCase the use case
	 * @param contentType the content type
	 * @param size the size in bytes, or -1
	 * @param span the span
	 * @return the refusal
	 */
	static OffloadResult refused(MediaOffloadOutcome outcome, String useCase, String contentType, long size,
			SpanInfo span) {
		return new OffloadResult(OffloadedMedia.refused(useCase, contentType, size, span, outcome.reason()), outcome);
	}

	private static boolean isRemoteUrl(String text) {
		int colon = text.indexOf("://");
		if (colon <= 0 || colon > 10 || text.length() > 8192) {
			return false;
		}
		String scheme = text.substring(0, colon).toLowerCase(Locale.ROOT);
		return scheme.equals("http") || scheme.equals("https") || scheme.equals("gs") || scheme.equals("s3");
	}

	/**
	 * Returns a declared type, or {@code application/octet-stream} when none is given.
	 * @param mimeType the declared type, or {@code null}
	 * @return the type
	 */
	static String typeOrUnknown(@Nullable String mimeType) {
		return (mimeType != null && !mimeType.isBlank()) ? mimeType : "application/octet-stream";
	}

}
