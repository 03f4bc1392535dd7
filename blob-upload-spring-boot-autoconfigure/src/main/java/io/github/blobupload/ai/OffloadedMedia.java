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
	 * Returns the modality of the media in OpenTelemetry GenAI terms: {@code image},
	 * {@code audio}, {@code video}, or {@code document} for anything else (PDFs, text).
	 * @return the modality
	 */
	public String modality() {
		return MediaModality.of(this.contentType);
	}

	/** What happened to a piece of media. */
	public enum Status {

		/** Handed to a blob uploader, which accepted it; {@code uri} is where it lands. */
		UPLOADED,

		/** Within the inline budget: kept inline, not uploaded. */
		INLINE,

		/** A reference to a remote URL: recorded as that URL, never fetched. */
		REMOTE,

		/** Not uploaded (malformed, empty, too large, queue full, disabled). */
		REFUSED

	}

}
