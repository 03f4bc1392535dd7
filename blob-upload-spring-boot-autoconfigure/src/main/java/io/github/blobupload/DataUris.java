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

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;

import io.github.blobupload.internal.HeaderValues;
import org.jspecify.annotations.Nullable;

/**
 * The one parser of {@code data:} URIs (RFC 2397). Error messages say what is wrong and
 * where, and never include the data itself.
 */
final class DataUris {

	private static final String SCHEME = "data:";

	private DataUris() {
	}

	/** A decoded data URI: its media type (without {@code ;base64}) and its bytes. */
	record Decoded(@Nullable String mediaType, byte[] bytes) {
	}

	static Decoded decode(String uri) {
		if (uri == null) {
			throw new IllegalArgumentException("Not a data URI: the URI is null");
		}
		if (!uri.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
			throw new IllegalArgumentException("Not a data URI: expected it to start with 'data:' but it starts with '"
					+ describeStart(uri) + "'");
		}
		int comma = uri.indexOf(',', SCHEME.length());
		if (comma < 0) {
			throw new IllegalArgumentException("Malformed data URI: no ',' separates the media type from the data");
		}
		String header = uri.substring(SCHEME.length(), comma);
		boolean base64 = false;
		if (header.regionMatches(true, header.length() - ";base64".length(), ";base64", 0, ";base64".length())) {
			base64 = true;
			header = header.substring(0, header.length() - ";base64".length());
		}
		String mediaType = parseMediaType(header);
		byte[] bytes = base64 ? decodeBase64(uri, comma + 1) : decodePercentEncoded(uri, comma + 1);
		return new Decoded(mediaType, bytes);
	}

	private static @Nullable String parseMediaType(String header) {
		String trimmed = header.strip();
		if (trimmed.isEmpty()) {
			return null;
		}
		int unsafe = HeaderValues.indexOfUnsafe(trimmed);
		if (unsafe >= 0) {
			// It would become a Content-Type header: no line breaks, nothing outside
			// ASCII.
			throw new IllegalArgumentException("Malformed data URI: the media type holds a control or non-ASCII "
					+ "character at offset " + unsafe);
		}
		checkParameters(trimmed);
		if (trimmed.startsWith(";")) {
			// Parameters without a type (e.g. ";charset=utf-8"): RFC 2397 means
			// text/plain.
			return "text/plain" + trimmed;
		}
		int semicolon = trimmed.indexOf(';');
		String type = (semicolon < 0) ? trimmed : trimmed.substring(0, semicolon);
		int slash = type.indexOf('/');
		if (slash <= 0 || slash == type.length() - 1 || type.indexOf('/', slash + 1) >= 0 || !isToken(type, slash)) {
			throw new IllegalArgumentException(
					"Malformed data URI: the media type '" + abbreviate(type) + "' is not of the form type/subtype");
		}
		return type.toLowerCase(Locale.ROOT) + trimmed.substring(type.length());
	}

	/**
	 * RFC 2397 allows only {@code attribute=value} parameters, and {@code ;base64} (taken
	 * off before this) as the encoding: a bare word such as {@code ;base32} or
	 * {@code ;gzip} names an encoding this parser cannot decode.
	 */
	private static void checkParameters(String mediaType) {
		String[] parameters = mediaType.split(";", -1);
		for (int i = 1; i < parameters.length; i++) {
			String parameter = parameters[i].strip();
			if (!parameter.isEmpty() && parameter.indexOf('=') < 0) {
				throw new IllegalArgumentException(
						"Malformed data URI: unsupported encoding or parameter without a " + "value '"
								+ abbreviate(parameter) + "'; only ';base64' or percent-encoded data can be decoded");
			}
		}
	}

	private static boolean isToken(String type, int slash) {
		for (int i = 0; i < type.length(); i++) {
			char c = type.charAt(i);
			if (i != slash && !(Character.isLetterOrDigit(c) && c < 128) && "!#$&-^_.+".indexOf(c) < 0) {
				return false;
			}
		}
		return true;
	}

	private static byte[] decodeBase64(String uri, int start) {
		if (uri.indexOf('%', start) < 0) {
			byte[] decoded = decodePlainBase64(uri, start);
			if (decoded != null) {
				return decoded;
			}
		}
		String data = uri.substring(start);
		if (data.indexOf('%') >= 0) {
			data = new String(decodePercentEncoded(uri, start), StandardCharsets.ISO_8859_1);
		}
		data = stripWhitespace(data);
		boolean urlSafe = data.indexOf('-') >= 0 || data.indexOf('_') >= 0;
		try {
			return (urlSafe ? Base64.getUrlDecoder() : Base64.getDecoder()).decode(data);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("Malformed data URI: the base64 data is not valid (" + ex.getMessage()
					+ ", " + data.length() + " characters)");
		}
	}

	/**
	 * Decodes the common case, base64 of the standard alphabet without whitespace, with
	 * one copy of the text and no scan before decoding; returns {@code null} for anything
	 * else (whitespace, the URL-safe alphabet, or malformed data), which the careful path
	 * decodes or describes.
	 */
	private static byte @Nullable [] decodePlainBase64(String uri, int start) {
		byte[] text = uri.getBytes(StandardCharsets.ISO_8859_1);
		try {
			ByteBuffer decoded = Base64.getDecoder().decode(ByteBuffer.wrap(text, start, text.length - start));
			byte[] bytes = decoded.array();
			return (decoded.arrayOffset() == 0 && decoded.remaining() == bytes.length) ? bytes : Arrays.copyOfRange(
					bytes, decoded.arrayOffset() + decoded.position(), decoded.arrayOffset() + decoded.limit());
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String stripWhitespace(String data) {
		for (int i = 0; i < data.length(); i++) {
			if (Character.isWhitespace(data.charAt(i))) {
				StringBuilder stripped = new StringBuilder(data.length());
				for (int j = 0; j < data.length(); j++) {
					char c = data.charAt(j);
					if (!Character.isWhitespace(c)) {
						stripped.append(c);
					}
				}
				return stripped.toString();
			}
		}
		return data;
	}

	private static byte[] decodePercentEncoded(String uri, int start) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(uri.length() - start);
		int i = start;
		while (i < uri.length()) {
			char c = uri.charAt(i);
			if (c == '%') {
				int high = (i + 2 < uri.length()) ? Character.digit(uri.charAt(i + 1), 16) : -1;
				int low = (high >= 0) ? Character.digit(uri.charAt(i + 2), 16) : -1;
				if (low < 0) {
					throw new IllegalArgumentException("Malformed data URI: invalid percent-encoding at data offset "
							+ (i - start) + " (expected two hex digits after '%')");
				}
				out.write((high << 4) | low);
				i += 3;
			}
			else if (c < 0x80) {
				out.write(c);
				i++;
			}
			else {
				int end = i + Character.charCount(uri.codePointAt(i));
				out.writeBytes(uri.substring(i, end).getBytes(StandardCharsets.UTF_8));
				i = end;
			}
		}
		return out.toByteArray();
	}

	private static String describeStart(String uri) {
		int colon = uri.indexOf(':');
		String start = (colon > 0 && colon <= 16) ? uri.substring(0, colon + 1)
				: uri.substring(0, Math.min(5, uri.length()));
		return abbreviate(start);
	}

	private static String abbreviate(String value) {
		StringBuilder safe = new StringBuilder();
		for (int i = 0; i < value.length() && i < 40; i++) {
			char c = value.charAt(i);
			safe.append((c >= 0x20 && c < 0x7f) ? c : '?');
		}
		return (value.length() > 40) ? safe + "..." : safe.toString();
	}

}
