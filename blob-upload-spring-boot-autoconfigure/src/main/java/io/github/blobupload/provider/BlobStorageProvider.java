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

package io.github.blobupload.provider;

import java.util.Collection;
import java.util.Locale;

import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.SimpleBlobUploader;
import org.jspecify.annotations.Nullable;

/**
 * Creates uploaders for the URI prefixes of one scheme, such as {@code file} or
 * {@code s3}. Declaring one as a bean is all it takes to add a kind of storage: the
 * auto-configuration picks the provider whose scheme matches each configured prefix.
 */
public interface BlobStorageProvider {

	/**
	 * Returns the URI scheme this provider serves.
	 * @return the scheme in lower case, without the colon, such as {@code s3}
	 */
	String scheme();

	/**
	 * Returns the scheme of a URI prefix: the one a provider's {@link #scheme()} must
	 * return to serve it.
	 * @param uriPrefix a prefix such as {@code s3://bucket/path} or
	 * {@code file:///var/blobs}
	 * @return the scheme in lower case, without the colon, or {@code null} if the prefix
	 * does not start with one
	 */
	static @Nullable String schemeOf(String uriPrefix) {
		// RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
		for (int i = 0; i < uriPrefix.length(); i++) {
			char c = uriPrefix.charAt(i);
			if (c == ':' && i > 0) {
				return uriPrefix.substring(0, i).toLowerCase(Locale.ROOT);
			}
			boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
			if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.'))) {
				return null;
			}
		}
		return null;
	}

	/**
	 * Creates an uploader writing under the given prefix. Must not contact storage: it
	 * runs at startup, and storage may be unreachable then.
	 * @param uriPrefix a prefix with this provider's scheme, such as
	 * {@code s3://bucket/traces}
	 * @param naming how objects under the prefix are named
	 * @return the uploader
	 * @throws IllegalArgumentException if the prefix is malformed for this provider; the
	 * message says what is wrong and what a valid prefix looks like
	 */
	SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming);

	/**
	 * Forgets what this provider remembers about the given objects once they were deleted
	 * (an erasure), such as signed URLs it reuses, so that the same content uploaded
	 * again is not taken for the one already stored. Does nothing by default.
	 * @param uris the URIs of the deleted objects
	 */
	default void forget(Collection<String> uris) {
	}

}
