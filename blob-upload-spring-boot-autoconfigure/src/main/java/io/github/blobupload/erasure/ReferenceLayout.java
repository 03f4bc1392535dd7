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

package io.github.blobupload.erasure;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import io.github.blobupload.internal.FlatJson;
import io.github.blobupload.internal.JsonQuoting;
import org.jspecify.annotations.Nullable;

/**
 * Where the reference index keeps its records, next to the blobs of each destination, and
 * how a record is written. Each reference is one small JSON object, written under the
 * object it references and under each selector that can find it: <pre>
 * &lt;prefix&gt;_refs/o/&lt;object key&gt;/&lt;reference key&gt;.json       every reference of one object
 * &lt;prefix&gt;_refs/t/&lt;trace id&gt;/&lt;reference key&gt;.json          by trace
 * &lt;prefix&gt;_refs/c/&lt;conversation key&gt;/&lt;reference key&gt;.json  by conversation
 * &lt;prefix&gt;_refs/u/&lt;owner key&gt;/&lt;reference key&gt;.json         by owner
 * </pre> The object key is the SHA-256 of the object's storage URI, the reference key the
 * SHA-256 of the whole reference (32 hex digits each), so that writing the same reference
 * twice, from any instance, writes the same objects: no read-modify-write, nothing to
 * lock.
 */
public final class ReferenceLayout {

	/** The folder under a destination's prefix holding the index. */
	public static final String FOLDER = "_refs";

	/** The largest record, in bytes. */
	public static final int MAX_RECORD_BYTES = 4096;

	private static final int VERSION = 1;

	private static final HexFormat HEX = HexFormat.of();

	private ReferenceLayout() {
	}

	/**
	 * Returns the folder holding every reference of one object.
	 * @param readerPrefix the destination's canonical prefix, ending with {@code /}
	 * @param storageUri the object's storage URI
	 * @return {@code <prefix>_refs/o/<object key>/}
	 */
	public static String objectFolder(String readerPrefix, String storageUri) {
		return readerPrefix + FOLDER + "/o/" + sha256(storageUri) + "/";
	}

	/**
	 * Returns the folder holding the references a selector finds.
	 * @param readerPrefix the destination's canonical prefix, ending with {@code /}
	 * @param kind the selector's kind
	 * @param key the trace id, or the {@link ReferenceKeys} key of the conversation or
	 * owner
	 * @return {@code <prefix>_refs/<t|c|u>/<key>/}
	 */
	public static String selectorFolder(String readerPrefix, ErasureSelector.Kind kind, String key) {
		return readerPrefix + FOLDER + "/" + letter(kind) + "/" + key + "/";
	}

	/**
	 * Returns every URI a record is written to: under its object, then under each
	 * selector it names.
	 * @param readerPrefix the destination's canonical prefix, ending with {@code /}
	 * @param record the record
	 * @return the URIs, the object's first
	 */
	public static List<String> recordUris(String readerPrefix, ReferenceRecord record) {
		String name = referenceKey(record) + ".json";
		List<String> uris = new java.util.ArrayList<>(4);
		uris.add(objectFolder(readerPrefix, record.storageUri()) + name);
		if (record.traceId() != null) {
			uris.add(selectorFolder(readerPrefix, ErasureSelector.Kind.TRACE, record.traceId()) + name);
		}
		if (record.conversationKey() != null) {
			uris.add(selectorFolder(readerPrefix, ErasureSelector.Kind.CONVERSATION, record.conversationKey()) + name);
		}
		if (record.ownerKey() != null) {
			uris.add(selectorFolder(readerPrefix, ErasureSelector.Kind.OWNER, record.ownerKey()) + name);
		}
		return uris;
	}

	/**
	 * Returns the key naming a record: the same for the same reference, whenever and
	 * wherever it is recorded.
	 * @param record the record
	 * @return 32 hex digits
	 */
	public static String referenceKey(ReferenceRecord record) {
		return sha256(record.storageUri() + '\n' + record.useCase() + '\n' + nullToEmpty(record.traceId()) + '\n'
				+ nullToEmpty(record.spanId()) + '\n' + nullToEmpty(record.conversationKey()) + '\n'
				+ nullToEmpty(record.ownerKey()) + '\n' + nullToEmpty(record.service()));
	}

	/**
	 * Writes a record.
	 * @param record the record
	 * @return its JSON, UTF-8
	 */
	public static byte[] toJson(ReferenceRecord record) {
		StringBuilder json = new StringBuilder(384);
		json.append("{\"v\":").append(VERSION);
		json.append(",\"uri\":").append(JsonQuoting.quote(record.storageUri()));
		json.append(",\"useCase\":").append(JsonQuoting.quote(record.useCase()));
		member(json, "traceId", record.traceId());
		member(json, "spanId", record.spanId());
		member(json, "conversation", record.conversationKey());
		member(json, "owner", record.ownerKey());
		member(json, "service", record.service());
		json.append(",\"recordedAt\":").append(JsonQuoting.quote(record.recordedAt().toString()));
		return json.append('}').toString().getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * Reads a record.
	 * @param json the record's JSON
	 * @return the record
	 * @throws IllegalArgumentException if it is not a record of this layout (the message
	 * never shows the text)
	 */
	public static ReferenceRecord parse(String json) {
		Map<String, Object> members = FlatJson.parse(json);
		try {
			return new ReferenceRecord(text(members, "uri"), text(members, "useCase"), optional(members, "traceId"),
					optional(members, "spanId"), optional(members, "conversation"), optional(members, "owner"),
					optional(members, "service"), Instant.parse(text(members, "recordedAt")));
		}
		catch (DateTimeParseException | NullPointerException ex) {
			throw new IllegalArgumentException("not a reference record");
		}
	}

	private static void member(StringBuilder json, String name, @Nullable String value) {
		if (value != null) {
			json.append(",\"").append(name).append("\":").append(JsonQuoting.quote(value));
		}
	}

	private static String text(Map<String, Object> members, String name) {
		if (!(members.get(name) instanceof String value)) {
			throw new IllegalArgumentException("not a reference record: no " + name);
		}
		return value;
	}

	private static @Nullable String optional(Map<String, Object> members, String name) {
		return (members.get(name) instanceof String value) ? value : null;
	}

	private static String letter(ErasureSelector.Kind kind) {
		return switch (kind) {
			case TRACE -> "t";
			case CONVERSATION -> "c";
			case OWNER -> "u";
		};
	}

	private static String nullToEmpty(@Nullable String value) {
		return (value != null) ? value : "";
	}

	static String sha256(String value) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
			return HEX.formatHex(digest, 0, 16);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is required of every JDK", ex);
		}
	}

}
