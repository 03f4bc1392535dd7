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

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * The built-in {@link BlobNamingStrategy naming strategies}.
 */
public final class BlobNamingStrategies {

	private static final BlobNamingStrategy CONTENT_ADDRESSED = (blob) -> sha256Hex(blob)
			+ ContentTypes.extensionFor(blob.contentType());

	private static final BlobNamingStrategy UUID_NAMING = (blob) -> UUID.randomUUID()
			+ ContentTypes.extensionFor(blob.contentType());

	private BlobNamingStrategies() {
	}

	/**
	 * Names a blob by the SHA-256 of its content plus the extension of its content type,
	 * such as {@code 9f86d0...0f00a08.png}. The same bytes always get the same name, so a
	 * blob sent again (an image re-sent with every chat turn) is uploaded once.
	 * @return the content-addressed strategy
	 */
	public static BlobNamingStrategy contentAddressed() {
		return CONTENT_ADDRESSED;
	}

	/**
	 * Names a blob by a random UUID plus the extension of its content type. No hashing,
	 * so the caller's cost does not grow with the blob's size, but the same content is
	 * uploaded every time it is seen.
	 * @return the UUID strategy
	 */
	public static BlobNamingStrategy uuid() {
		return UUID_NAMING;
	}

	/**
	 * Names a blob by its {@link BlobLabels#OBJECT_NAME} label when it has one (not
	 * blank), else by the given strategy. The name is not checked here: the storage
	 * refuses an unsafe one, as it refuses any strategy's.
	 * @param fallback the strategy for blobs without the label
	 * @return a strategy honouring the requested name
	 */
	public static BlobNamingStrategy requestedNameOr(BlobNamingStrategy fallback) {
		Objects.requireNonNull(fallback, "fallback must not be null");
		return (blob) -> {
			String requested = blob.labels().get(BlobLabels.OBJECT_NAME);
			return (requested != null && !requested.isBlank()) ? requested : fallback.objectName(blob);
		};
	}

	/**
	 * Returns the SHA-256 of a blob's content in lower-case hex. This is the one hashing
	 * path of the project.
	 * @param blob the blob
	 * @return 64 hex characters
	 */
	public static String sha256Hex(Blob blob) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(blob.unsafeBytes()));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available in this JVM", ex);
		}
	}

}
