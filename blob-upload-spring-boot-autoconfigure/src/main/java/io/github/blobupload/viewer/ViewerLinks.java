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

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

import io.github.blobupload.BlobLinks;

/**
 * The {@link BlobLinks} of the media viewer: the link of a storage URI is
 * {@code <base-url>/<use-case>/<object name>}, which the viewer serves. Computed on the
 * caller's thread with a few string comparisons, no I/O. A URI of no readable destination
 * (another store, a remote URL, {@code /dev/null}) is returned unchanged.
 */
public final class ViewerLinks implements BlobLinks {

	private final ViewerDestinations destinations;

	private final String baseUrl;

	/**
	 * Creates the links.
	 * @param destinations the destinations the viewer reads
	 * @param baseUrl the externally reachable address of the viewer, such as
	 * {@code https://ops.example.com/blob-viewer}
	 * @throws IllegalArgumentException if the base URL is not an absolute {@code http} or
	 * {@code https} URL without query or fragment
	 */
	public ViewerLinks(ViewerDestinations destinations, String baseUrl) {
		this.destinations = Objects.requireNonNull(destinations, "destinations must not be null");
		this.baseUrl = checkBaseUrl(baseUrl);
	}

	/**
	 * Checks a base URL and returns it without a trailing slash.
	 * @param baseUrl the base URL
	 * @return the base URL without a trailing slash
	 * @throws IllegalArgumentException if it is not an absolute {@code http} or
	 * {@code https} URL without query or fragment
	 */
	public static String checkBaseUrl(String baseUrl) {
		Objects.requireNonNull(baseUrl, "baseUrl must not be null");
		URI uri;
		try {
			uri = new URI(baseUrl);
		}
		catch (URISyntaxException ex) {
			throw new IllegalArgumentException("it is not a URL: " + ex.getMessage());
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getRawQuery() != null
				|| uri.getRawFragment() != null) {
			throw new IllegalArgumentException("it must be an absolute http or https URL without query or fragment, "
					+ "such as https://ops.example.com/blob-viewer");
		}
		return baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	@Override
	public String linkFor(String recordedUri) {
		return this.destinations.pathOf(recordedUri).map((path) -> this.baseUrl + "/" + path).orElse(recordedUri);
	}

	@Override
	public String toString() {
		return "ViewerLinks[" + this.baseUrl + "]";
	}

}
