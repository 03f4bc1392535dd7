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
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import io.github.blobupload.ByteRange;
import io.github.blobupload.RangeNotSatisfiableException;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.internal.RateLimitedLogger;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import static io.github.blobupload.viewer.ViewerResponses.error;
import static io.github.blobupload.viewer.ViewerResponses.notFound;
import static io.github.blobupload.viewer.ViewerResponses.unsatisfiable;

/**
 * Answers a request for an object's bytes: {@code ETag} and {@code If-None-Match},
 * long-lived (or, with erasure on, bounded) {@code Cache-Control}, single {@code Range}
 * requests, and the content type and disposition that keep active content from running
 * ({@link ServedType}).
 */
final class RawBlobResponder {

	/** Content-addressed objects never change: let browsers and proxies keep them. */
	static final String IMMUTABLE = "private, max-age=31536000, immutable";

	/** The Content-Security-Policy of raw bytes. */
	static final String RAW_CSP = "sandbox; default-src 'none'";

	private static final int BUFFER_SIZE = 64 * 1024;

	private final RateLimitedLogger errors = new RateLimitedLogger(LoggerFactory.getLogger(BlobViewerServlet.class),
			Duration.ofMinutes(1));

	private final String cacheControl;

	/**
	 * Creates a responder whose answers may be kept for a year.
	 */
	RawBlobResponder() {
		this(null);
	}

	/**
	 * Creates a responder.
	 * @param cacheLifetime how long browsers may keep an answer, or {@code null} for a
	 * year, as immutable (objects never change, but an erased object must not be shown
	 * from a cache for long)
	 */
	RawBlobResponder(@Nullable Duration cacheLifetime) {
		this.cacheControl = (cacheLifetime != null) ? cacheControl(cacheLifetime) : IMMUTABLE;
	}

	/**
	 * Returns the {@code Cache-Control} of answers that may be kept for a while: private,
	 * and revalidated once the lifetime is over (an erased object then answers 404).
	 * @param cacheLifetime the lifetime
	 * @return the header's value
	 */
	static String cacheControl(Duration cacheLifetime) {
		return "private, max-age=" + cacheLifetime.toSeconds();
	}

	/**
	 * Answers a {@code GET} or {@code HEAD} of an object's bytes.
	 * @param request the request
	 * @param response the response
	 * @param target the object
	 * @param head whether the request is a {@code HEAD}
	 * @throws IOException if the answer cannot be written
	 */
	void serve(HttpServletRequest request, HttpServletResponse response, ViewerDestinations.Target target, boolean head)
			throws IOException {
		RequestedRange requested = RequestedRange.parse(request.getHeader("Range"));
		String etag = "\"" + target.name() + "\"";
		boolean notModified = matches(request.getHeader("If-None-Match"), etag);
		Metadata known = null;
		if (head || notModified || (requested != null && requested.isSuffix())) {
			Optional<Metadata> metadata = metadata(response, target);
			if (metadata == null) {
				return;
			}
			if (metadata.isEmpty()) {
				notFound(response);
				return;
			}
			known = metadata.get();
		}
		response.setHeader("ETag", etag);
		response.setHeader("Cache-Control", this.cacheControl);
		response.setHeader("Accept-Ranges", "bytes");
		if (notModified) {
			response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
			return;
		}
		ByteRange wanted = (requested != null) ? requested.toByteRange((known != null) ? known.size() : -1) : null;
		if (requested != null && (wanted == null || (known != null && wanted.first() >= known.size()))) {
			unsatisfiable(response, (known != null) ? known.size() : -1);
			return;
		}
		if (head) {
			ByteRange served = (wanted != null) ? clip(wanted, known.size()) : null;
			rawHeaders(response, target, known.contentType(), known.size(), served);
			return;
		}
		StoredBlob blob;
		try {
			Optional<StoredBlob> opened = target.reader().open(target.storageUri(), wanted);
			if (opened.isEmpty()) {
				notFound(response);
				return;
			}
			blob = opened.get();
		}
		catch (RangeNotSatisfiableException ex) {
			unsatisfiable(response, ex.size());
			return;
		}
		catch (IOException | RuntimeException ex) {
			storageError(response, ex);
			return;
		}
		try (blob) {
			if (wanted != null && wanted.first() >= blob.size()) {
				unsatisfiable(response, blob.size());
				return;
			}
			ByteRange served = (wanted != null) ? clip(wanted, blob.size()) : null;
			long skip = (served != null && blob.range() == null) ? served.first() : 0;
			long length = (served != null) ? served.last() - served.first() + 1 : blob.size();
			rawHeaders(response, target, blob.contentType(), blob.size(), served);
			response.setBufferSize(BUFFER_SIZE);
			copy(blob.content(), skip, length, response.getOutputStream());
		}
	}

	private static ByteRange clip(ByteRange range, long size) {
		return new ByteRange(range.first(), Math.min(range.last(), size - 1));
	}

	private static void rawHeaders(HttpServletResponse response, ViewerDestinations.Target target, String contentType,
			long size, @Nullable ByteRange served) {
		ServedType type = ServedType.of(contentType);
		response.setHeader("Content-Security-Policy", RAW_CSP);
		response.setContentType(type.contentType());
		response.setHeader("Content-Disposition", disposition(type, target.name()));
		if (served != null) {
			response.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
			response.setHeader("Content-Range", "bytes " + served.first() + "-" + served.last() + "/" + size);
			response.setContentLengthLong(served.last() - served.first() + 1);
		}
		else {
			response.setStatus(HttpServletResponse.SC_OK);
			response.setContentLengthLong(size);
		}
	}

	/**
	 * Returns the {@code Content-Disposition} an object is served with.
	 * @param type how its content type is served
	 * @param name its object name (safe characters only)
	 * @return {@code inline} or {@code attachment}, with the file name
	 */
	static String disposition(ServedType type, String name) {
		return (type.inline() ? "inline" : "attachment") + "; filename=\"" + name + "\"";
	}

	private static void copy(InputStream content, long skip, long length, OutputStream out) throws IOException {
		if (skip > 0) {
			content.skipNBytes(skip);
		}
		byte[] buffer = new byte[BUFFER_SIZE];
		long remaining = length;
		while (remaining > 0) {
			int read = content.read(buffer, 0, (int) Math.min(buffer.length, remaining));
			if (read < 0) {
				break;
			}
			out.write(buffer, 0, read);
			remaining -= read;
		}
		out.flush();
	}

	/**
	 * Reads what storage says of an object (its first byte only), or answers an error and
	 * returns {@code null} when storage fails.
	 */
	@Nullable Optional<Metadata> metadata(HttpServletResponse response, ViewerDestinations.Target target) throws IOException {
		try {
			Optional<StoredBlob> opened = target.reader().open(target.storageUri(), new ByteRange(0, 0));
			if (opened.isEmpty()) {
				return Optional.empty();
			}
			try (StoredBlob blob = opened.get()) {
				return Optional.of(new Metadata(blob.contentType(), blob.size(), blob.labels()));
			}
		}
		catch (IOException | RuntimeException ex) {
			storageError(response, ex);
			return null;
		}
	}

	private void storageError(HttpServletResponse response, Exception ex) throws IOException {
		this.errors.warn(() -> "The blob viewer could not read storage: " + ex.getClass().getName(), ex);
		error(response, HttpServletResponse.SC_BAD_GATEWAY, "Storage could not be read.");
	}

	private static boolean matches(@Nullable String ifNoneMatch, String etag) {
		if (ifNoneMatch == null) {
			return false;
		}
		for (String candidate : ifNoneMatch.split(",")) {
			String tag = candidate.strip();
			if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
				return true;
			}
		}
		return false;
	}

	/** What storage says of an object. */
	record Metadata(String contentType, long size, Map<String, String> labels) {
	}

}
