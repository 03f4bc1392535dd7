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

import io.github.blobupload.BlobUploader;
import org.jspecify.annotations.Nullable;

/**
 * What became of one piece of media: where it was recorded and how.
 *
 * @param status what happened to it
 * @param useCase the use case it was given to, such as {@code chat.input}
 * @param uri the storage URI ({@link Status#UPLOADED}), the remote URL
 * ({@link Status#REMOTE}), {@link BlobUploader#NOT_UPLOADED} ({@link Status#REFUSED}), or
 * {@code null} ({@link Status#INLINE})
 * @param contentType the content type, such as {@code image/png}
 * @param size the size in bytes, or -1 when unknown (remote media)
 * @param span the span it was offloaded for
 * @param refusalReason why it was refused, such as {@code malformed_data_uri}, or
 * {@code null} when it was not
 * @param inlineBase64 the content in base64 for {@link Status#INLINE} media, else
 * {@code null}
 */
public record OffloadedMedia(Status status, String useCase, @Nullable String uri, String contentType, long size,
		SpanInfo span, @Nullable String refusalReason, @Nullable String inlineBase64) {

	/**
	 * Returns media handed to a blob uploader, which accepted it.
	 * @param useCase the use case
	 * @param uri where the uploader puts it
	 * @param contentType the content type
	 * @param size the size in bytes
	 * @param span the span it was offloaded for
	 * @return {@link Status#UPLOADED} media
	 */
	public static OffloadedMedia uploaded(String useCase, String uri, String contentType, long size, SpanInfo span) {
		return new OffloadedMedia(Status.UPLOADED, useCase, uri, contentType, size, span, null, null);
	}

	/**
	 * Returns media kept inline because it is within the inline budget.
	 * @param useCase the use case
	 * @param contentType the content type
	 * @param size the size in bytes
	 * @param span the span it was offloaded for
	 * @param inlineBase64 the content in base64
	 * @return {@link Status#INLINE} media, without a URI
	 */
	public static OffloadedMedia inline(String useCase, String contentType, long size, SpanInfo span,
			String inlineBase64) {
		return new OffloadedMedia(Status.INLINE, useCase, null, contentType, size, span, null, inlineBase64);
	}

	/**
	 * Returns media given as a remote URL, recorded as that URL and never fetched.
	 * @param useCase the use case
	 * @param url the URL
	 * @param contentType the content type
	 * @param span the span it was offloaded for
	 * @return {@link Status#REMOTE} media of unknown size (-1)
	 */
	public static OffloadedMedia remote(String useCase, String url, String contentType, SpanInfo span) {
		return new OffloadedMedia(Status.REMOTE, useCase, url, contentType, -1, span, null, null);
	}

	/**
	 * Returns media that was not uploaded, recorded as {@link BlobUploader#NOT_UPLOADED}.
	 * @param useCase the use case
	 * @param contentType the content type
	 * @param size the size in bytes, or -1 when unknown
	 * @param span the span it was offloaded for
	 * @param refusalReason why, such as {@code malformed_data_uri}
	 * @return {@link Status#REFUSED} media
	 */
	public static OffloadedMedia refused(String useCase, String contentType, long size, SpanInfo span,
			String refusalReason) {
		return new OffloadedMedia(Status.REFUSED, useCase, BlobUploader.NOT_UPLOADED, contentType, size, span,
				refusalReason, null);
	}

	/**
	 * Returns the modality of the media in OpenTelemetry GenAI terms: {@code image},
	 * {@code audio}, {@code video}, or {@code document} for anything else (PDFs, text).
	 * @return the modality
	 */
	public String modality() {
		return MediaModality.of(this.contentType);
	}

	/** What happened to a piece of media. */
	public enum Status {

		/**
		 * Handed to a blob uploader, which accepted it; {@code uri} is where it lands.
		 */
		UPLOADED,

		/** Within the inline budget: kept inline, not uploaded. */
		INLINE,

		/** A reference to a remote URL: recorded as that URL, never fetched. */
		REMOTE,

		/** Not uploaded (malformed, empty, too large, queue full, disabled). */
		REFUSED

	}

}
