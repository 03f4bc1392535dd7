package io.github.blobupload.provider.gcs;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Turns blob labels into custom object metadata that Google Cloud Storage accepts and that
 * reads back the same through the JSON and XML APIs (where each entry becomes an
 * {@code x-goog-meta-<key>} header).
 * <ul>
 * <li>Keys are lower-cased (headers are case-insensitive, so {@code Trace_Id} and
 * {@code trace_id} would collide) and every character outside {@code a-z 0-9 _ -}
 * becomes {@code _}; they are cut to {@value #MAX_KEY_LENGTH} characters. When two labels
 * end up with the same key, the first one wins.</li>
 * <li>Values lose control characters (each becomes a space, so no header can be split)
 * and are cut to {@value #MAX_VALUE_LENGTH} characters.</li>
 * <li>Google Cloud Storage refuses an object whose custom metadata exceeds 8 KiB; labels
 * that would pass {@value #MAX_TOTAL_BYTES} bytes (keys and values, UTF-8) are left out
 * rather than losing the whole upload.</li>
 * </ul>
 */
final class GcsObjectMetadata {

	/** Longest key kept. */
	public static final int MAX_KEY_LENGTH = 128;

	/** Longest value kept, in characters. */
	public static final int MAX_VALUE_LENGTH = 1024;

	/** Most bytes of keys and values kept, below the 8 KiB Google Cloud Storage allows. */
	public static final int MAX_TOTAL_BYTES = 8000;

	private GcsObjectMetadata() {
	}

	/**
	 * Returns the metadata for the given labels.
	 * @param labels the blob's labels
	 * @return a new map, in the labels' order, with valid keys and values
	 */
	public static Map<String, String> fromLabels(Map<String, String> labels) {
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
			int bytes = key.length() + value.getBytes(StandardCharsets.UTF_8).length;
			if (total + bytes > MAX_TOTAL_BYTES) {
				continue;
			}
			total += bytes;
			metadata.put(key, value);
		}
		return metadata;
	}

	static String key(String raw) {
		if (raw.isEmpty()) {
			return "_";
		}
		int length = Math.min(raw.length(), MAX_KEY_LENGTH);
		StringBuilder key = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char c = Character.toLowerCase(raw.charAt(i));
			key.append(((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-') ? c : '_');
		}
		return key.toString();
	}

	static String value(String raw) {
		int length = Math.min(raw.length(), MAX_VALUE_LENGTH);
		if (length > 0 && Character.isHighSurrogate(raw.charAt(length - 1))) {
			length--;
		}
		StringBuilder value = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			char c = raw.charAt(i);
			value.append(Character.isISOControl(c) ? ' ' : c);
		}
		return value.toString();
	}

}
