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

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.blobupload.provider.ObjectKeys;
import org.jspecify.annotations.Nullable;

/**
 * Helpers for the URI prefixes that select a storage provider.
 */
public final class UriPrefixes {

	private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.-]*):");

	private static final Map<String, String> KNOWN_PROVIDERS = Map.of("s3",
			"software.amazon.awssdk:s3 (the AWS SDK v2 S3 client)", "gs", "com.google.cloud:google-cloud-storage",
			"azblob", "com.azure:azure-storage-blob (and com.azure:azure-identity for Microsoft Entra ID credentials)");

	private static final Map<String, String> KNOWN_SHAPES = Map.of("s3", "s3://BUCKET[/prefix]", "gs",
			"gs://BUCKET[/prefix]", "azblob", "azblob://ACCOUNT/CONTAINER[/prefix]");

	private UriPrefixes() {
	}

	/**
	 * Checks the shape of a prefix of a well-known scheme without its provider, so that a
	 * malformed prefix is reported before a missing dependency.
	 * @param uriPrefix a prefix such as {@code s3:/bucket}
	 * @return what is wrong and the shape to use, or {@code null} if the shape is right
	 * or the scheme is not a well-known one
	 */
	public static @Nullable String shapeProblem(String uriPrefix) {
		String scheme = scheme(uriPrefix);
		String shape = (scheme != null) ? KNOWN_SHAPES.get(scheme) : null;
		if (shape == null) {
			return null;
		}
		String authority = scheme + "://";
		if (!uriPrefix.toLowerCase(Locale.ROOT).startsWith(authority) || uriPrefix.length() == authority.length()
				|| uriPrefix.charAt(authority.length()) == '/') {
			return "'" + uriPrefix + "' is not a " + authority + " prefix; use " + shape;
		}
		return null;
	}

	/**
	 * Returns the scheme of a prefix.
	 * @param uriPrefix a prefix such as {@code s3://bucket/path}
	 * @return the scheme in lower case, or {@code null} if the prefix has none
	 */
	public static @Nullable String scheme(String uriPrefix) {
		Matcher matcher = SCHEME.matcher(uriPrefix);
		return matcher.find() ? matcher.group(1).toLowerCase(Locale.ROOT) : null;
	}

	/**
	 * Returns the key prefix the path of a prefix stands for, such as
	 * {@code genai/blobs/} for the path of {@code s3://bucket/genai/blobs}.
	 * @param path what follows the bucket (or container) and its slash; trailing slashes
	 * are ignored
	 * @param uriPrefix the whole prefix, for the message
	 * @param example a valid prefix, for the message
	 * @return the key prefix, empty or ending with {@code /}
	 * @throws IllegalArgumentException if a segment of the path is empty, starts with a
	 * dot or holds a character outside {@code A-Z a-z 0-9 . _ -}
	 */
	public static String keyPrefix(String path, String uriPrefix, String example) {
		String trimmed = path;
		while (trimmed.endsWith("/")) {
			trimmed = trimmed.substring(0, trimmed.length() - 1);
		}
		if (!ObjectKeys.isSafePath(trimmed)) {
			throw new IllegalArgumentException("The path '" + trimmed + "' in '" + uriPrefix
					+ "' must be made of segments of the characters A-Z a-z 0-9 . _ - (not starting with a dot), "
					+ "separated by single slashes; for example " + example);
		}
		return trimmed.isEmpty() ? "" : trimmed + "/";
	}

	/**
	 * Returns the dependency that brings the provider for a well-known scheme.
	 * @param scheme the scheme
	 * @return the Maven coordinates to add, or {@code null} if the scheme is not one this
	 * project provides for
	 */
	public static @Nullable String dependencyFor(String scheme) {
		return KNOWN_PROVIDERS.get(scheme);
	}

}
