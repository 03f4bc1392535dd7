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
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An immutable piece of content to be uploaded: raw bytes, a content type and labels.
 * <p>
 * The bytes are copied when the blob is created and never exposed for writing:
 * {@link #rawBytes()} returns a copy, while {@link #asReadOnlyByteBuffer()} and
 * {@link #newInputStream()} give storage providers read access without copying.
 * <p>
 * When no content type is given, {@link #contentType()} reports the one detected from the
 * leading bytes (see {@link ContentTypes#detectContentType(byte[])}); detection runs
 * once, on first use.
 * <p>
 * {@link #toString()} never includes the content.
 *
 * @see #fromDataUri(String)
 */
public final class Blob {

	private final byte[] rawBytes;

	private final @Nullable String declaredContentType;

	private volatile @Nullable String detectedContentType;

	private final Map<String, String> labels;

	/**
	 * Creates a blob.
	 * @param rawBytes the content; copied, so the caller may reuse the array
	 * @param contentType the content type such as {@code image/png}, or {@code null} (or
	 * blank) to detect it from the content
	 * @param labels metadata tying the blob to its origin (see {@link BlobLabels}), or
	 * {@code null} for none; copied, keeping its iteration order
	 */
	public Blob(byte[] rawBytes, @Nullable String contentType, @Nullable Map<String, String> labels) {
		this(copyOf(labels), Objects.requireNonNull(rawBytes, "rawBytes must not be null").clone(), contentType);
	}

	private Blob(Map<String, String> ownedLabels, byte[] ownedBytes, @Nullable String contentType) {
		this.rawBytes = ownedBytes;
		this.declaredContentType = (contentType == null || contentType.isBlank()) ? null : contentType.trim();
		this.labels = ownedLabels;
	}

	/**
	 * Creates a blob from a {@code data:} URI
	 * ({@code data:[<mediatype>][;base64],<data>}, RFC 2397), with no labels.
	 * @param uri the data URI; the data may be base64 (standard or URL-safe alphabet,
	 * padding optional) or percent-encoded
	 * @return the decoded blob; its content type is the URI's media type (parameters such
	 * as {@code ;rate=24000} kept), or the detected one when the URI has none
	 * @throws IllegalArgumentException if the URI is not a {@code data:} URI or is
	 * malformed; the message says what is wrong and never contains the data
	 */
	public static Blob fromDataUri(String uri) {
		return fromDataUri(uri, null);
	}

	/**
	 * Creates a blob from a {@code data:} URI with the given labels.
	 * @param uri the data URI
	 * @param labels the labels, or {@code null} for none
	 * @return the decoded blob
	 * @throws IllegalArgumentException if the URI is not a {@code data:} URI or is
	 * malformed; the message says what is wrong and never contains the data
	 * @see #fromDataUri(String)
	 */
	public static Blob fromDataUri(String uri, @Nullable Map<String, String> labels) {
		DataUris.Decoded decoded = DataUris.decode(uri);
		return new Blob(copyOf(labels), decoded.bytes(), decoded.mediaType());
	}

	/**
	 * Returns a copy of the content.
	 * @return a new array holding the content
	 */
	public byte[] rawBytes() {
		return this.rawBytes.clone();
	}

	/**
	 * Returns a read-only view of the content, without copying it.
	 * @return a read-only buffer positioned at the start of the content
	 */
	public ByteBuffer asReadOnlyByteBuffer() {
		return ByteBuffer.wrap(this.rawBytes).asReadOnlyBuffer();
	}

	/**
	 * Returns a new stream over the content, without copying it.
	 * @return a stream positioned at the start of the content
	 */
	public InputStream newInputStream() {
		return new ByteArrayInputStream(this.rawBytes);
	}

	/**
	 * Returns the size of the content.
	 * @return the number of bytes
	 */
	public int size() {
		return this.rawBytes.length;
	}

	/**
	 * Returns the content type: the declared one, or the one detected from the content
	 * when none was declared ({@value ContentTypes#OCTET_STREAM} when unknown).
	 * @return the content type, never {@code null}
	 */
	public String contentType() {
		if (this.declaredContentType != null) {
			return this.declaredContentType;
		}
		String detected = this.detectedContentType;
		if (detected == null) {
			detected = ContentTypes.detectContentType(this.rawBytes);
			this.detectedContentType = detected;
		}
		return detected;
	}

	/**
	 * Returns whether a content type was given when the blob was created (rather than
	 * detected).
	 * @return whether the content type was declared
	 */
	public boolean hasDeclaredContentType() {
		return this.declaredContentType != null;
	}

	/**
	 * Returns the labels.
	 * @return an unmodifiable map, in the order given, empty when there are none
	 */
	public Map<String, String> labels() {
		return this.labels;
	}

	/**
	 * Returns a blob with the same content and content type and these labels added to (or
	 * replacing) the existing ones. The content is shared, not copied.
	 * @param additionalLabels the labels to add
	 * @return a new blob
	 */
	public Blob withLabels(Map<String, String> additionalLabels) {
		Objects.requireNonNull(additionalLabels, "additionalLabels must not be null");
		Map<String, String> merged = new LinkedHashMap<>(this.labels);
		merged.putAll(additionalLabels);
		return new Blob(copyOf(merged), this.rawBytes, this.declaredContentType);
	}

	/**
	 * Gives code in this package read access to the content without a copy.
	 * @return the content array; must not be modified
	 */
	byte[] unsafeBytes() {
		return this.rawBytes;
	}

	/**
	 * Creates a blob that takes ownership of the given array (no copy).
	 * @param ownedBytes the content, not to be modified afterwards by anyone
	 * @param contentType the content type or {@code null}
	 * @param labels the labels or {@code null}
	 * @return a new blob
	 */
	static Blob ofOwnedBytes(byte[] ownedBytes, @Nullable String contentType, @Nullable Map<String, String> labels) {
		return new Blob(copyOf(labels), ownedBytes, contentType);
	}

	private static Map<String, String> copyOf(@Nullable Map<String, String> labels) {
		if (labels == null || labels.isEmpty()) {
			return Collections.emptyMap();
		}
		Map<String, String> copy = new LinkedHashMap<>(labels.size() * 2);
		labels.forEach((key, value) -> copy.put(Objects.requireNonNull(key, "label keys must not be null"),
				Objects.requireNonNull(value, () -> "label '" + key + "' must not have a null value")));
		return Collections.unmodifiableMap(copy);
	}

	@Override
	public String toString() {
		return "Blob[contentType=" + contentType() + ", size=" + this.rawBytes.length + ", labels="
				+ this.labels.keySet() + "]";
	}

}
