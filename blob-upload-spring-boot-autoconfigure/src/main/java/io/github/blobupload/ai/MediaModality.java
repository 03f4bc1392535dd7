package io.github.blobupload.ai;

import io.github.blobupload.ContentTypes;

/**
 * Maps a content type to an OpenTelemetry GenAI modality.
 */
final class MediaModality {

	private MediaModality() {
	}

	static String of(String contentType) {
		String base = ContentTypes.baseType(contentType);
		if (base.startsWith("image/")) {
			return "image";
		}
		if (base.startsWith("audio/")) {
			return "audio";
		}
		if (base.startsWith("video/")) {
			return "video";
		}
		return "document";
	}

}
