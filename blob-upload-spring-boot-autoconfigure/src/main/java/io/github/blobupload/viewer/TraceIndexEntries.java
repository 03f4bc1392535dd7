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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.blobupload.internal.HexIds;
import io.github.blobupload.internal.FlatJson;
import io.github.blobupload.internal.JsonQuoting;
import org.jspecify.annotations.Nullable;

/**
 * The trace index's storage layout and entry format, one rule for the writer and the
 * reader. Each traced blob gets one entry object, with no content:
 * {@code <uriPrefix>_index/<traceId>/<spanId>-<objectName>.json} holding a flat JSON
 * object ({@code v}, {@code uri}, {@code useCase}, {@code contentType}, {@code size},
 * {@code traceId}, {@code spanId}, {@code recordedAt}, {@code labels}, and
 * {@code service}, the recording application's name, when known). The folder starts with
 * {@code _}, so it never collides with content-addressed or UUID blob names. Members a
 * reader does not know are ignored, and {@code service} is optional, so entries written
 * before it and after it are read alike.
 */
final class TraceIndexEntries {

	/** The folder under a destination's prefix that holds the index. */
	static final String FOLDER = "_index";

	/** The span-id part of an entry's name for a blob recorded outside any span. */
	static final String NO_SPAN = "nospan";

	/** The largest entry accepted when reading; written ones are far smaller. */
	static final int MAX_ENTRY_BYTES = 16 * 1024;

	/** The most labels an entry keeps. */
	static final int MAX_LABELS = 32;

	/** The longest label key an entry keeps. */
	static final int MAX_LABEL_KEY_LENGTH = 64;

	/** The longest label value an entry keeps. */
	static final int MAX_LABEL_VALUE_LENGTH = 512;

	/** The longest service name an entry keeps. */
	static final int MAX_SERVICE_LENGTH = 128;

	/** The longest object-name part of an entry's name. */
	private static final int MAX_NAME_LENGTH = 160;

	private static final int VERSION = 1;

	private TraceIndexEntries() {
	}

	/**
	 * Returns the trace id in its canonical form, if it is one.
	 * @param traceId a trace id
	 * @return 32 lower-case hexadecimal characters, not all zero; or {@code null}
	 */
	static @Nullable String traceId(@Nullable String traceId) {
		return HexIds.traceId(traceId);
	}

	/**
	 * Returns the span id in its canonical form, if it is one.
	 * @param spanId a span id
	 * @return 16 lower-case hexadecimal characters, not all zero; or {@code null}
	 */
	static @Nullable String spanId(@Nullable String spanId) {
		return HexIds.spanId(spanId);
	}

	/**
	 * Returns the folder of a trace's entries.
	 * @param readerPrefix the canonical prefix of a destination, ending with {@code /}
	 * @param traceId a canonical trace id
	 * @return {@code <readerPrefix>_index/<traceId>/}
	 */
	static String folderUri(String readerPrefix, String traceId) {
		return readerPrefix + FOLDER + "/" + traceId + "/";
	}

	/**
	 * Returns the storage URI of the entry for a blob.
	 * @param readerPrefix the canonical prefix of the blob's destination
	 * @param traceId a canonical trace id
	 * @param spanId a canonical span id, or {@code null}
	 * @param storageUri the blob's storage URI
	 * @return the entry's URI; its last segment made only of safe characters
	 */
	static String entryUri(String readerPrefix, String traceId, @Nullable String spanId, String storageUri) {
		return folderUri(readerPrefix, traceId) + entryName(spanId, storageUri);
	}

	/**
	 * Returns the name of the entry for a blob.
	 * @param spanId a canonical span id, or {@code null}
	 * @param storageUri the blob's storage URI
	 * @return {@code <spanId>-<objectName>.json}, with unsafe characters as {@code _}
	 */
	static String entryName(@Nullable String spanId, String storageUri) {
		String objectName = storageUri.substring(storageUri.lastIndexOf('/') + 1);
		StringBuilder name = new StringBuilder(((spanId != null) ? spanId : NO_SPAN) + "-");
		for (int i = 0; i < Math.min(objectName.length(), MAX_NAME_LENGTH); i++) {
			char c = objectName.charAt(i);
			boolean safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.'
					|| c == '_' || c == '-';
			name.append(safe ? c : '_');
		}
		return name.append(".json").toString();
	}

	/**
	 * Writes an entry.
	 * @param blob what the entry records
	 * @return the entry's JSON, UTF-8
	 */
	static byte[] toJson(IndexedBlob blob) {
		StringBuilder json = new StringBuilder(512);
		json.append("{\"v\":").append(VERSION);
		json.append(",\"uri\":").append(JsonQuoting.quote(blob.storageUri()));
		json.append(",\"useCase\":").append(JsonQuoting.quote(blob.useCase()));
		json.append(",\"contentType\":").append(JsonQuoting.quote(blob.contentType()));
		json.append(",\"size\":").append(blob.size());
		json.append(",\"traceId\":").append(JsonQuoting.quote(blob.traceId()));
		if (blob.spanId() != null) {
			json.append(",\"spanId\":").append(JsonQuoting.quote(blob.spanId()));
		}
		json.append(",\"recordedAt\":").append(JsonQuoting.quote(blob.recordedAt().toString()));
		if (blob.service() != null) {
			json.append(",\"service\":").append(JsonQuoting.quote(blob.service()));
		}
		json.append(",\"labels\":{");
		boolean first = true;
		for (Map.Entry<String, String> label : blob.labels().entrySet()) {
			json.append(first ? "" : ",")
				.append(JsonQuoting.quote(label.getKey()))
				.append(':')
				.append(JsonQuoting.quote(label.getValue()));
			first = false;
		}
		return json.append("}}").toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Keeps the labels an entry may hold: at most {@value #MAX_LABELS}, keys and values
	 * cut to their longest length.
	 * @param labels a blob's labels
	 * @return the labels to index; unmodifiable
	 */
	static Map<String, String> boundedLabels(Map<String, String> labels) {
		Map<String, String> bounded = new LinkedHashMap<>();
		for (Map.Entry<String, String> label : labels.entrySet()) {
			if (bounded.size() >= MAX_LABELS) {
				break;
			}
			bounded.putIfAbsent(cut(label.getKey(), MAX_LABEL_KEY_LENGTH),
					cut(label.getValue(), MAX_LABEL_VALUE_LENGTH));
		}
		return Collections.unmodifiableMap(bounded);
	}

	/**
	 * Returns the service name an entry records: the application's name, cut to its
	 * longest length.
	 * @param name the application's name, or {@code null}
	 * @return the name, or {@code null} when it is missing or blank
	 */
	static @Nullable String service(@Nullable String name) {
		return (name == null || name.isBlank()) ? null : cut(name.strip(), MAX_SERVICE_LENGTH);
	}

	private static String cut(String value, int length) {
		if (value.length() <= length) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(length - 1)) ? length - 1 : length;
		return value.substring(0, end);
	}

	/**
	 * Reads an entry.
	 * @param json the entry's JSON
	 * @return what it records
	 * @throws IllegalArgumentException if it is not an entry of this format: malformed
	 * JSON, a member missing or of the wrong type, an unknown version, a bad trace or
	 * span id, a negative size, too many or too long labels
	 */
	static IndexedBlob parse(String json) {
		Map<String, Object> entry = FlatJson.parse(json);
		if (!Long.valueOf(VERSION).equals(entry.get("v"))) {
			throw new IllegalArgumentException("unknown index entry version");
		}
		String traceId = traceId(text(entry, "traceId"));
		if (traceId == null) {
			throw new IllegalArgumentException("invalid trace id");
		}
		String spanId = null;
		if (entry.containsKey("spanId")) {
			spanId = spanId(text(entry, "spanId"));
			if (spanId == null) {
				throw new IllegalArgumentException("invalid span id");
			}
		}
		if (!(entry.get("size") instanceof Long size) || size < 0) {
			throw new IllegalArgumentException("invalid size");
		}
		Instant recordedAt;
		try {
			recordedAt = Instant.parse(text(entry, "recordedAt"));
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("invalid recordedAt");
		}
		String service = null;
		if (entry.containsKey("service")) {
			service = text(entry, "service");
			if (service.length() > MAX_SERVICE_LENGTH) {
				throw new IllegalArgumentException("invalid service");
			}
		}
		return new IndexedBlob(text(entry, "uri"), text(entry, "useCase"), text(entry, "contentType"), size, traceId,
				spanId, labels(entry.get("labels")), recordedAt, service);
	}

	private static String text(Map<String, Object> entry, String key) {
		if (!(entry.get(key) instanceof String value) || value.isEmpty()) {
			throw new IllegalArgumentException("missing or invalid " + key);
		}
		return value;
	}

	private static Map<String, String> labels(@Nullable Object value) {
		if (value == null) {
			return Map.of();
		}
		if (!(value instanceof Map<?, ?> labels) || labels.size() > MAX_LABELS) {
			throw new IllegalArgumentException("invalid labels");
		}
		Map<String, String> result = new LinkedHashMap<>();
		for (Map.Entry<?, ?> label : labels.entrySet()) {
			if (!(label.getValue() instanceof String text) || ((String) label.getKey()).length() > MAX_LABEL_KEY_LENGTH
					|| text.length() > MAX_LABEL_VALUE_LENGTH) {
				throw new IllegalArgumentException("invalid label");
			}
			result.put((String) label.getKey(), text);
		}
		return Collections.unmodifiableMap(result);
	}

}
