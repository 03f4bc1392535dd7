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

package io.github.blobupload.autoconfigure;

import java.util.Locale;
import java.util.Map;

import io.github.blobupload.provider.BlobStorageProvider;
import org.jspecify.annotations.Nullable;

/**
 * What the auto-configuration knows of the schemes this project provides for ({@code s3},
 * {@code gs}, {@code azblob}) when their provider is not on the class path: the
 * dependency to add and the shape of a valid prefix, for the startup failure's message.
 */
final class WellKnownSchemes {

	private static final Map<String, String> KNOWN_PROVIDERS = Map.of("s3",
			"software.amazon.awssdk:s3 (the AWS SDK v2 S3 client)", "gs", "com.google.cloud:google-cloud-storage",
			"azblob", "com.azure:azure-storage-blob (and com.azure:azure-identity for Microsoft Entra ID credentials)");

	private static final Map<String, String> KNOWN_SHAPES = Map.of("s3", "s3://BUCKET[/prefix]", "gs",
			"gs://BUCKET[/prefix]", "azblob", "azblob://ACCOUNT/CONTAINER[/prefix]");

	private WellKnownSchemes() {
	}

	/**
	 * Checks the shape of a prefix of a well-known scheme without its provider, so that a
	 * malformed prefix is reported before a missing dependency.
	 * @param uriPrefix a prefix such as {@code s3:/bucket}
	 * @return what is wrong and the shape to use, or {@code null} if the shape is right
	 * or the scheme is not a well-known one
	 */
	static @Nullable String shapeProblem(String uriPrefix) {
		String scheme = BlobStorageProvider.schemeOf(uriPrefix);
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
	 * Returns the dependency that brings the provider for a well-known scheme.
	 * @param scheme the scheme
	 * @return the Maven coordinates to add, or {@code null} if the scheme is not one this
	 * project provides for
	 */
	static @Nullable String dependencyFor(String scheme) {
		return KNOWN_PROVIDERS.get(scheme);
	}

}
