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

package io.github.blobupload.viewer;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How the viewer serves a stored content type. Only content that cannot run script in the
 * application's origin is shown inline: raster images, audio, video and plain text.
 * Everything else ({@code text/html}, {@code image/svg+xml},
 * {@code application/xhtml+xml}, JavaScript, XML, PDF and anything unknown or malformed)
 * is sent as an attachment, to be downloaded.
 *
 * @param contentType the content type to send: the stored base type when it is well
 * formed (with {@code charset=utf-8} for plain text, and {@code audio/wav} for the other
 * names of WAV, such as {@code audio/vnd.wave}, which Chromium does not play), else
 * {@code application/octet-stream}
 * @param inline whether the browser may show it inline
 */
record ServedType(String contentType, boolean inline) {

	private static final String UNKNOWN = "application/octet-stream";

	private static final Pattern TOKEN_TYPE = Pattern
		.compile("[a-z0-9][a-z0-9!#$&^_.+-]{0,63}/[a-z0-9][a-z0-9!#$&^_.+-]{0,127}");

	/** Names of WAV that browsers do not all play; served as {@code audio/wav}. */
	private static final Set<String> WAV_ALIASES = Set.of("audio/vnd.wave", "audio/wave", "audio/x-wav");

	private static final Set<String> INLINE = Set.of("image/png", "image/jpeg", "image/gif", "image/webp", "image/avif",
			"image/bmp", "audio/wav", "audio/wave", "audio/x-wav", "audio/vnd.wave", "audio/mpeg", "audio/mp3",
			"audio/ogg", "audio/opus", "audio/webm", "audio/flac", "audio/x-flac", "audio/aac", "audio/mp4",
			"video/mp4", "video/webm", "video/ogg", "text/plain");

	/**
	 * Decides how to serve a stored content type.
	 * @param stored the content type the object was stored with
	 * @return how to serve it
	 */
	static ServedType of(String stored) {
		int semicolon = stored.indexOf(';');
		String base = ((semicolon < 0) ? stored : stored.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
		if (!TOKEN_TYPE.matcher(base).matches()) {
			return new ServedType(UNKNOWN, false);
		}
		if (WAV_ALIASES.contains(base)) {
			return new ServedType("audio/wav", true);
		}
		if (base.equals("text/plain")) {
			return new ServedType("text/plain;charset=utf-8", true);
		}
		return new ServedType(base, INLINE.contains(base));
	}

	/**
	 * Returns the kind of preview a page shows for this type.
	 * @return {@code image}, {@code audio}, {@code video} or {@code none}
	 */
	String preview() {
		if (!this.inline) {
			return "none";
		}
		int slash = this.contentType.indexOf('/');
		String top = this.contentType.substring(0, slash);
		return switch (top) {
			case "image", "audio", "video" -> top;
			default -> "none";
		};
	}

}
