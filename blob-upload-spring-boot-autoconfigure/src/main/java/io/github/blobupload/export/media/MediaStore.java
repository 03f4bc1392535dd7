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

package io.github.blobupload.export.media;

import java.util.Map;

import io.github.blobupload.ai.OffloadedMedia;
import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.offload.MediaCall;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.export.ExportContext;
import org.jspecify.annotations.Nullable;

/**
 * Where the guard puts one piece of inline media: the Spring AI hooks' offloader, or
 * nowhere (a marker with a fixed reason, when uploading is off or the guard failed).
 */
@FunctionalInterface
interface MediaStore {

	/** {@code gen_ai.operation.name}-like label of blobs stored at export. */
	String OPERATION = "export";

	/**
	 * Stores one piece of media.
	 * @param identity the object that stands for it (its text as found)
	 * @param data its bytes, or its {@code data:} URL
	 * @param mimeType its declared type, or {@code null}
	 * @param context the span or log record it belongs to
	 * @param messageIndex the position of its message, from 0
	 * @param partIndex its position within the message, from 0
	 * @return what to export in its place
	 */
	Stored store(Object identity, Object data, @Nullable String mimeType, ExportContext context, int messageIndex,
			int partIndex);

	/**
	 * Returns a store that hands media to an offloader, under the use case of the
	 * context's signal and with its trace and span ids as labels.
	 * @param offloader the offloader
	 * @return the store
	 */
	static MediaStore offloading(MediaOffloader offloader) {
		return (identity, data, mimeType, context, messageIndex, partIndex) -> {
			SpanInfo span = new SpanInfo(context.traceId(), context.spanId(), true);
			// On the exporter's thread no caller is known: no caller's labels (no owner).
			MediaCall call = MediaCall.of(span, null, OPERATION, false, Map.of());
			OffloadedMedia media = offloader.recorded(offloader.offload(identity, data, mimeType,
					context.signal().useCase(), call, messageIndex, partIndex));
			return switch (media.status()) {
				case UPLOADED, REMOTE ->
					(media.uri() != null) ? Stored.uri(media.uri(), media.contentType()) : Stored.marker("refused");
				case INLINE -> Stored.INLINE;
				case REFUSED -> Stored.marker((media.refusalReason() != null) ? media.refusalReason() : "refused");
			};
		};
	}

	/**
	 * Returns a store that stores nothing: every piece of media becomes a marker.
	 * @param reason the markers' {@code stripped_reason}
	 * @return the store
	 */
	static MediaStore stripping(String reason) {
		Stored marker = Stored.marker(reason);
		return (identity, data, mimeType, context, messageIndex, partIndex) -> marker;
	}

	/**
	 * What to export in place of a piece of media: its URI, a marker, or the media as it
	 * was (kept inline).
	 *
	 * @param uri the URI (or {@code /dev/null} for a marker), or {@code null} to keep the
	 * media inline
	 * @param strippedReason why it was not stored, or {@code null}
	 * @param contentType its content type as stored, or {@code null} when unknown
	 */
	record Stored(@Nullable String uri, @Nullable String strippedReason, @Nullable String contentType) {

		/** Kept inline. */
		static final Stored INLINE = new Stored(null, null, null);

		static Stored uri(String uri, @Nullable String contentType) {
			return new Stored(uri, null, contentType);
		}

		static Stored marker(String reason) {
			return new Stored(io.github.blobupload.BlobUploader.NOT_UPLOADED, reason, null);
		}

		boolean inline() {
			return this.uri == null;
		}

	}

}
