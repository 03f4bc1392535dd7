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

import io.github.blobupload.ContentTypes;

/**
 * Maps a content type to an OpenTelemetry GenAI modality, as
 * {@link OffloadedMedia#modality()}, {@link MediaOffloadEvent#modality()} and the media
 * rules name it.
 */
public final class MediaModality {

	private MediaModality() {
	}

	/**
	 * Returns the modality of a content type.
	 * @param contentType the content type, such as {@code image/png}
	 * @return {@code image}, {@code audio}, {@code video}, or {@code document} for
	 * anything else
	 */
	public static String of(String contentType) {
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
