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

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.github.blobupload.BlobUrlSigner;
import io.github.blobupload.internal.RateLimitedLogger;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import static io.github.blobupload.viewer.ViewerResponses.notFound;

/**
 * Delivery of raw bytes by redirect: after the viewer's access checks, a request for an
 * object's bytes is answered {@code 307 Temporary Redirect} to a short-lived signed GET
 * URL of the store ({@link BlobUrlSigner}), so the bytes go from the store to the browser
 * directly.
 * <ul>
 * <li>The redirect is never cached ({@code Cache-Control: no-store}): each visit passes
 * the access checks again and gets a fresh URL.</li>
 * <li>The URL carries response overrides: the store answers with the content type and
 * disposition the streamed answer would have ({@link ServedType}), so active content
 * (HTML, SVG, XML) is an attachment there too.</li>
 * <li>The object's content type is read from the store on its first redirect and
 * remembered (a few thousand objects), so later visits cost a local signature only; an
 * object missing then is answered 404 without a URL.</li>
 * <li>{@code HEAD} requests, and objects of a store that cannot sign ({@code file:}) or
 * whose signing fails, are streamed as before.</li>
 * <li>The pages' Content-Security-Policy lists the stores' origins in {@code img-src} and
 * {@code media-src}, so images and audio load from there.</li>
 * </ul>
 * A signed URL is a secret: it is never logged, and a signing failure is logged by its
 * exception type only.
 */
public final class RedirectDelivery {

	/** The longest validity of an S3 or GCS V4 signed URL. */
	public static final Duration MAX_EXPIRY = Duration.ofDays(7);

	private static final int MAX_REMEMBERED_TYPES = 4096;

	private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-\\[\\]:]+");

	private final Duration expiry;

	private final RateLimitedLogger errors = new RateLimitedLogger(LoggerFactory.getLogger(BlobViewerServlet.class),
			Duration.ofMinutes(1));

	private volatile @Nullable String pageCsp;

	/**
	 * How recently redirected objects are served, so that a second visit costs a local
	 * signature only. Objects are written once under their name; a type is one of a few
	 * {@link ServedType} values, and the store is told it, so a stale entry (an object
	 * replaced under the same name) cannot make anything run.
	 */
	private final Map<String, ServedType> servedTypes = Collections
		.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, ServedType> eldest) {
				return size() > MAX_REMEMBERED_TYPES;
			}

		});

	/**
	 * Creates a redirect delivery.
	 * @param expiry how long each signed URL is valid, positive and at most
	 * {@link #MAX_EXPIRY}
	 * @throws IllegalArgumentException if the expiry is out of range
	 */
	public RedirectDelivery(Duration expiry) {
		Objects.requireNonNull(expiry, "expiry must not be null");
		if (expiry.isNegative() || expiry.isZero() || expiry.compareTo(MAX_EXPIRY) > 0) {
			throw new IllegalArgumentException("it must be positive and at most 7 days (the longest an S3 or Google "
					+ "Cloud Storage signed URL is valid), such as 5m");
		}
		this.expiry = expiry;
	}

	/**
	 * Returns how long each signed URL is valid.
	 * @return the expiry
	 */
	public Duration expiry() {
		return this.expiry;
	}

	/**
	 * Answers a {@code GET} of an object's bytes with a redirect, when its store signs.
	 * @param response the response
	 * @param target the object, access already checked
	 * @param raw the responder that reads the object's metadata
	 * @return whether the request was answered (a redirect, a 404 or a storage error);
	 * {@code false} when the bytes are to be streamed
	 * @throws IOException if the answer cannot be written
	 */
	boolean answer(HttpServletResponse response, ViewerDestinations.Target target, RawBlobResponder raw)
			throws IOException {
		Optional<BlobUrlSigner> signer = target.reader().urlSigner();
		if (signer.isEmpty()) {
			return false;
		}
		ServedType type = this.servedTypes.get(target.storageUri());
		if (type == null) {
			Optional<RawBlobResponder.Metadata> metadata = raw.metadata(response, target);
			if (metadata == null) {
				return true;
			}
			if (metadata.isEmpty()) {
				notFound(response);
				return true;
			}
			type = ServedType.of(metadata.get().contentType());
			this.servedTypes.put(target.storageUri(), type);
		}
		Optional<URI> signed;
		try {
			signed = signer.get()
				.signedGet(target.storageUri(), this.expiry, type.contentType(),
						RawBlobResponder.disposition(type, target.name()));
		}
		catch (IOException | RuntimeException ex) {
			this.errors.warn(() -> "The blob viewer could not sign a URL, so it streams: " + ex.getClass().getName());
			return false;
		}
		if (signed.isEmpty()) {
			notFound(response);
			return true;
		}
		response.setStatus(307);
		response.setHeader("Location", signed.get().toASCIIString());
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(0);
		return true;
	}

	/**
	 * Returns the Content-Security-Policy of the pages: {@link ViewerPages#CSP} with the
	 * origins of the stores that sign in {@code img-src} and {@code media-src}. Learned
	 * on first use (the store's client may be built then), and again until every store
	 * told its origin.
	 * @param destinations the destinations the viewer reads
	 * @return the policy
	 */
	String pageCsp(ViewerDestinations destinations) {
		String known = this.pageCsp;
		if (known != null) {
			return known;
		}
		Set<String> origins = new LinkedHashSet<>();
		boolean complete = true;
		for (BlobUrlSigner signer : destinations.urlSigners()) {
			try {
				String origin = signer.origin();
				if (ORIGIN.matcher(origin).matches()) {
					origins.add(origin);
				}
			}
			catch (IOException | RuntimeException ex) {
				complete = false;
			}
		}
		String csp = ViewerPages.csp(origins);
		if (complete) {
			this.pageCsp = csp;
		}
		return csp;
	}

}
