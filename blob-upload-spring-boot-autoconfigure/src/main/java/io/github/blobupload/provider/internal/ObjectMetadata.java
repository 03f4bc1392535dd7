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

package io.github.blobupload.provider.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns blob labels into object metadata that every store accepts. S3 sends metadata as
 * {@code x-amz-meta-*} headers (US-ASCII, keys lower-cased by the store, 2 KB in total),
 * Azure requires keys that are C# identifiers (case-insensitive, 8 KB in total), and
 * Google Cloud Storage accepts any UTF-8 but reads it back through its XML API as
 * {@code x-goog-meta-*} headers (8 KiB in total). One rule serves all, so that a reader
 * finds the same keys and values whatever the store; only the total differs:
 * <ul>
 * <li>keys are lower-cased; every character outside {@code a-z 0-9 _} becomes {@code _};
 * a key starting with a digit gets a leading {@code _}; keys are cut to 64
 * characters;</li>
 * <li>values are stripped of leading and trailing white space and cut to 512 characters;
 * characters outside printable ASCII, and {@code %} itself, are percent-encoded as UTF-8
 * (so the original can be recovered with a URL decoder);</li>
 * <li>when two labels map to the same key the first wins, and labels that would push the
 * total past the store's limit are left out.</li>
 * </ul>
 */
public final class ObjectMetadata {

	/** Total size S3 allows for user metadata (keys and values, in bytes). */
	public static final int S3_MAX_TOTAL_BYTES = 2 * 1024;

	/** Total size Azure Blob Storage allows for metadata (keys and values, in bytes). */
	public static final int AZURE_MAX_TOTAL_BYTES = 8 * 1024;

	/**
	 * Total size kept for Google Cloud Storage custom metadata (keys and values, in
	 * bytes), below the 8 KiB it allows.
	 */
	public static final int GCS_MAX_TOTAL_BYTES = 8000;

	/** The longest key produced. */
	public static final int MAX_KEY_LENGTH = 64;

	/** The longest value produced, before percent-encoding. */
	public static final int MAX_VALUE_LENGTH = 512;

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private ObjectMetadata() {
	}

	/**
	 * Makes labels valid object metadata.
	 * @param labels the blob's labels
	 * @param maxTotalBytes the store's limit on the total size of keys and values
	 * @return the metadata, in the labels' order; unmodifiable
	 */
	public static Map<String, String> fromLabels(Map<String, String> labels, int maxTotalBytes) {
		if (labels.isEmpty()) {
			return Collections.emptyMap();
		}
		Map<String, String> metadata = new LinkedHashMap<>();
		int total = 0;
		for (Map.Entry<String, String> label : labels.entrySet()) {
			String key = key(label.getKey());
			if (metadata.containsKey(key)) {
				continue;
			}
			String value = value(label.getValue());
			int size = key.length() + value.length();
			if (total + size > maxTotalBytes) {
				continue;
			}
			metadata.put(key, value);
			total += size;
		}
		return Collections.unmodifiableMap(metadata);
	}

	/**
	 * Makes a label key a valid metadata key.
	 * @param raw the label key
	 * @return a non-empty key of {@code a-z 0-9 _} not starting with a digit
	 */
	public static String key(String raw) {
		String lower = raw.toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder(Math.min(lower.length() + 1, MAX_KEY_LENGTH));
		for (int i = 0; i < lower.length() && key.length() < MAX_KEY_LENGTH; i++) {
			char c = lower.charAt(i);
			boolean valid = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
			if (key.length() == 0 && c >= '0' && c <= '9') {
				key.append('_');
			}
			key.append(valid ? c : '_');
		}
		if (key.length() == 0) {
			return "_";
		}
		return (key.length() > MAX_KEY_LENGTH) ? key.substring(0, MAX_KEY_LENGTH) : key.toString();
	}

	/**
	 * Makes a label value a valid metadata value (printable US-ASCII).
	 * @param raw the label value
	 * @return the value, percent-encoded where needed
	 */
	public static String value(String raw) {
		String stripped = raw.strip();
		if (stripped.length() > MAX_VALUE_LENGTH) {
			int end = MAX_VALUE_LENGTH;
			if (Character.isHighSurrogate(stripped.charAt(end - 1))) {
				end--;
			}
			stripped = stripped.substring(0, end);
		}
		StringBuilder value = null;
		for (int i = 0; i < stripped.length(); i++) {
			char c = stripped.charAt(i);
			boolean plain = c >= 0x20 && c < 0x7F && c != '%';
			if (plain) {
				if (value != null) {
					value.append(c);
				}
				continue;
			}
			if (value == null) {
				value = new StringBuilder(stripped.length() + 16).append(stripped, 0, i);
			}
			int end = (Character.isHighSurrogate(c) && i + 1 < stripped.length()) ? i + 2 : i + 1;
			for (byte b : stripped.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
				value.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
			}
			i = end - 1;
		}
		return (value != null) ? value.toString() : stripped;
	}

	/**
	 * Reads labels back from stored metadata: the inverse of {@link #fromLabels} for
	 * values ({@code %XX} sequences decoded as UTF-8; a malformed sequence is kept as it
	 * is). Keys stay as stored (lower case, {@code a-z 0-9 _}).
	 * @param metadata the object's metadata
	 * @return the labels, in the metadata's order; unmodifiable
	 */
	public static Map<String, String> toLabels(Map<String, String> metadata) {
		if (metadata.isEmpty()) {
			return Collections.emptyMap();
		}
		Map<String, String> labels = new LinkedHashMap<>();
		metadata.forEach((key, value) -> labels.put(key.toLowerCase(Locale.ROOT), decode(value)));
		return Collections.unmodifiableMap(labels);
	}

	private static String decode(String value) {
		if (value.indexOf('%') < 0) {
			return value;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			int high = (c == '%' && i + 2 < value.length()) ? Character.digit(value.charAt(i + 1), 16) : -1;
			int low = (high >= 0) ? Character.digit(value.charAt(i + 2), 16) : -1;
			if (low >= 0) {
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				byte[] plain = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(plain, 0, plain.length);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
