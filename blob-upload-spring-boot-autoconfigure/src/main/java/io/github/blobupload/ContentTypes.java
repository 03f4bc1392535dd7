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

package io.github.blobupload;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MimeType;
import org.apache.tika.mime.MimeTypeException;
import org.apache.tika.mime.MimeTypes;
import org.apache.tika.parser.ParseContext;
import org.jspecify.annotations.Nullable;

/**
 * Content-type helpers backed by Apache Tika's magic-byte detection.
 */
public final class ContentTypes {

	/** The content type reported when the content is not recognised. */
	public static final String OCTET_STREAM = "application/octet-stream";

	private static final String WAV = "audio/wav";

	private static final String TIKA_WAV = "audio/vnd.wave";

	private static final int MAX_CACHED_EXTENSIONS = 256;

	private static final Map<String, String> extensions = new ConcurrentHashMap<>();

	private ContentTypes() {
	}

	/**
	 * Detects the content type from the leading bytes of the content (magic numbers), not
	 * the whole array.
	 * @param rawBytes the content
	 * @return the detected content type such as {@code image/png},
	 * {@code application/pdf} or {@code audio/wav} (what browsers and model APIs call
	 * WAV, rather than its registered name {@code audio/vnd.wave}), or
	 * {@value #OCTET_STREAM} when unknown or empty
	 */
	public static String detectContentType(byte[] rawBytes) {
		if (rawBytes.length == 0) {
			return OCTET_STREAM;
		}
		MimeTypes mimeTypes = Tika.MIME_TYPES;
		int length = Math.min(rawBytes.length, Tika.HEADER_LENGTH);
		try (TikaInputStream stream = TikaInputStream.get(new ByteArrayInputStream(rawBytes, 0, length))) {
			MediaType detected = mimeTypes.detect(stream, new Metadata(), new ParseContext());
			if (detected == null) {
				return OCTET_STREAM;
			}
			String type = detected.toString();
			// Tika names WAV by its registered name, which browsers do not all play.
			return type.equals(TIKA_WAV) ? WAV : type;
		}
		catch (IOException | RuntimeException ex) {
			return OCTET_STREAM;
		}
	}

	/**
	 * Returns the usual file extension for a content type, such as {@code .png} for
	 * {@code image/png}. Parameters ({@code ;charset=...}) are ignored.
	 * @param contentType the content type, or {@code null}
	 * @return the extension with its leading dot, made only of lower-case letters, digits
	 * and dots; or the empty string when none is known (and for {@value #OCTET_STREAM})
	 */
	public static String extensionFor(@Nullable String contentType) {
		if (contentType == null) {
			return "";
		}
		String baseType = baseType(contentType);
		if (baseType.isEmpty() || baseType.equals(OCTET_STREAM)) {
			return "";
		}
		String cached = extensions.get(baseType);
		if (cached != null) {
			return cached;
		}
		String extension = lookUpExtension(baseType);
		if (extensions.size() < MAX_CACHED_EXTENSIONS) {
			extensions.put(baseType, extension);
		}
		return extension;
	}

	/**
	 * Returns the type and subtype of a content type, lower case, without parameters.
	 * @param contentType a content type such as {@code Audio/PCM; rate=24000}
	 * @return the base type such as {@code audio/pcm}
	 */
	public static String baseType(String contentType) {
		int semicolon = contentType.indexOf(';');
		String base = (semicolon < 0) ? contentType : contentType.substring(0, semicolon);
		return base.strip().toLowerCase(Locale.ROOT);
	}

	private static String lookUpExtension(String baseType) {
		try {
			// getRegisteredMimeType, unlike forName, never registers the name it is
			// given.
			MimeType type = Tika.MIME_TYPES.getRegisteredMimeType(baseType);
			String extension = (type != null) ? type.getExtension() : "";
			return extension.matches("\\.[a-z0-9]{1,10}") ? extension : "";
		}
		catch (MimeTypeException | RuntimeException ex) {
			return "";
		}
	}

	/** Loads Tika's type registry (about 300 KB of XML) on first use only. */
	private static final class Tika {

		static final MimeTypes MIME_TYPES = MimeTypes.getDefaultMimeTypes();

		static final int HEADER_LENGTH = Math.max(MIME_TYPES.getMinLength(), 64);

	}

}
