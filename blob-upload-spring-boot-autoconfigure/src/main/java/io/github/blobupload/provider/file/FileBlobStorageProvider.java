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

package io.github.blobupload.provider.file;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;

import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.BlobStorageProvider;

/**
 * Provides {@code file:} prefixes: {@code file:///absolute/path},
 * {@code file:/absolute/path} or {@code file:relative/path} (resolved against the working
 * directory).
 */
public class FileBlobStorageProvider implements BlobStorageProvider {

	/** The scheme served. */
	public static final String SCHEME = "file";

	/**
	 * The suffix of the sidecar file written beside each blob: a JSON object with its
	 * content type and labels.
	 */
	public static final String SIDECAR_SUFFIX = ".meta.json";

	private static final String EXAMPLE = "file:///var/lib/app/blobs or file:blob-uploads";

	@Override
	public String scheme() {
		return SCHEME;
	}

	@Override
	public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
		return new FileBlobUploader(parse(uriPrefix), naming);
	}

	/**
	 * Parses a {@code file:} prefix into an absolute, normalised folder.
	 * @param uriPrefix the prefix
	 * @return the folder
	 * @throws IllegalArgumentException if the prefix is not a usable {@code file:} prefix
	 */
	static Path parse(String uriPrefix) {
		if (!uriPrefix.toLowerCase(Locale.ROOT).startsWith(SCHEME + ":")) {
			throw new IllegalArgumentException("'" + uriPrefix + "' is not a file: prefix; use for example " + EXAMPLE);
		}
		String rest = uriPrefix.substring(SCHEME.length() + 1);
		if (rest.startsWith("//")) {
			int slash = rest.indexOf('/', 2);
			String authority = (slash < 0) ? rest.substring(2) : rest.substring(2, slash);
			if (!authority.isEmpty() && !authority.equalsIgnoreCase("localhost")) {
				throw new IllegalArgumentException("'" + uriPrefix + "' names the host '" + authority
						+ "'; a file: prefix must be local, for example " + EXAMPLE);
			}
			rest = (slash < 0) ? "" : rest.substring(slash);
		}
		if (rest.isEmpty() || rest.equals("/")) {
			throw new IllegalArgumentException(
					"'" + uriPrefix + "' names no folder (the root folder is not allowed); use for example " + EXAMPLE);
		}
		try {
			String decoded = rest.contains("%") ? URLDecoder.decode(rest.replace("+", "%2B"), StandardCharsets.UTF_8)
					: rest;
			return Path.of(decoded).toAbsolutePath().normalize();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + uriPrefix + "' is not a valid path: " + ex.getMessage());
		}
	}

}
