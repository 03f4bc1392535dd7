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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.blobupload.ByteRange;
import io.github.blobupload.RangeNotSatisfiableException;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.internal.RateLimitedLogger;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The media viewer as a servlet, mapped to {@code <path>/*}:
 * <ul>
 * <li>{@code <path>/<use-case>/<object>}: the object's bytes, streamed, with
 * {@code ETag}, long-lived {@code Cache-Control} and single {@code Range} requests;</li>
 * <li>{@code <path>/blobs/<use-case>/<object>}: a page about the object;</li>
 * <li>{@code <path>/traces/<trace-id>}: the media of a trace, from the
 * {@link TraceIndex};</li>
 * <li>{@code <path>/}: a form to open a trace.</li>
 * </ul>
 * Only objects of a configured destination are read, named by one safe segment: anything
 * else ({@code ..}, encoded characters, backslashes, absolute paths, unknown use cases)
 * is answered 404 without touching storage. Content that could run script is sent as an
 * attachment; every answer carries {@code X-Content-Type-Options: nosniff} and a
 * Content-Security-Policy without script. Errors never show more than a short sentence.
 * <p>
 * Who it answers is its {@link ViewerAccess}; a refused request is answered 403 before
 * anything is read.
 */
public final class BlobViewerServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	/** Content-addressed objects never change: let browsers and proxies keep them. */
	static final String IMMUTABLE = "private, max-age=31536000, immutable";

	/** The Content-Security-Policy of raw bytes. */
	static final String RAW_CSP = "sandbox; default-src 'none'";

	private static final Pattern VIEWER_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

	private static final int BUFFER_SIZE = 64 * 1024;

	private final transient ViewerDestinations destinations;

	private final transient @Nullable TraceIndex traceIndex;

	private final ViewerAccess access;

	private final transient RateLimitedLogger errors = new RateLimitedLogger(
			LoggerFactory.getLogger(BlobViewerServlet.class), Duration.ofMinutes(1));

	/**
	 * Creates the viewer.
	 * @param destinations the destinations it reads
	 * @param traceIndex the index of the media of each trace, or {@code null} when trace
	 * pages are off
	 * @param access who the viewer answers
	 */
	public BlobViewerServlet(ViewerDestinations destinations, @Nullable TraceIndex traceIndex, ViewerAccess access) {
		this.destinations = Objects.requireNonNull(destinations, "destinations must not be null");
		this.traceIndex = traceIndex;
		this.access = Objects.requireNonNull(access, "access must not be null");
	}

	/**
	 * Checks the path of the viewer and returns the servlet mapping that serves it.
	 * @param path the path, such as {@code /blob-viewer}
	 * @return the mapping, such as {@code /blob-viewer/*}
	 * @throws IllegalArgumentException if the path is not one or more segments of
	 * letters, digits, {@code -}, {@code _} and {@code .} starting with {@code /}
	 */
	public static String urlMapping(String path) {
		String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		if (!VIEWER_PATH.matcher(trimmed).matches() || trimmed.contains("/.")) {
			throw new IllegalArgumentException("it must start with '/' and be one or more segments of letters, digits, "
					+ "'-', '_' and '.', such as /blob-viewer");
		}
		return trimmed + "/*";
	}

	/**
	 * Returns who the viewer answers.
	 * @return the access rule
	 */
	public ViewerAccess getAccess() {
		return this.access;
	}

	/**
	 * Returns whether trace pages are available.
	 * @return whether a trace index is set
	 */
	public boolean hasTraceIndex() {
		return this.traceIndex != null;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		commonHeaders(response);
		boolean head = "HEAD".equals(request.getMethod());
		if (!head && !"GET".equals(request.getMethod())) {
			response.setHeader("Allow", "GET, HEAD");
			error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, "Only GET and HEAD are allowed.");
			return;
		}
		String refusal = this.access.refusal(request);
		if (refusal != null) {
			error(response, HttpServletResponse.SC_FORBIDDEN, refusal);
			return;
		}
		String base = request.getContextPath() + request.getServletPath();
		String[] segments = segments(request);
		if (segments == null) {
			notFound(response);
		}
		else if (segments.length == 0) {
			page(response, ViewerPages.index(base, this.destinations.useCases(), this.traceIndex != null), head);
		}
		else if (segments.length == 1 && segments[0].equals("traces")) {
			openTrace(request, response, base);
		}
		else if (segments.length == 2 && segments[0].equals("traces") && TraceIds.isValid(segments[1])) {
			tracePage(response, base, segments[1], head);
		}
		else if (segments.length == 3 && segments[0].equals("blobs")) {
			Optional<ViewerDestinations.Target> target = this.destinations.target(segments[1], segments[2]);
			if (target.isPresent()) {
				blobPage(response, base, target.get(), head);
			}
			else {
				notFound(response);
			}
		}
		else if (segments.length == 2) {
			Optional<ViewerDestinations.Target> target = this.destinations.target(segments[0], segments[1]);
			if (target.isPresent()) {
				raw(request, response, target.get(), head);
			}
			else {
				notFound(response);
			}
		}
		else {
			notFound(response);
		}
	}

	/**
	 * Splits the path below the viewer into segments, or returns {@code null} for a path
	 * no link of the viewer can have: encoded characters, backslashes, path parameters,
	 * empty, {@code .} or {@code ..} segments.
	 */
	static String @Nullable [] segments(HttpServletRequest request) {
		String uri = request.getRequestURI();
		if (uri == null || uri.indexOf('%') >= 0 || uri.indexOf('\\') >= 0 || uri.indexOf(';') >= 0
				|| uri.contains("/.") || uri.contains("//")) {
			return null;
		}
		String pathInfo = request.getPathInfo();
		if (pathInfo == null || pathInfo.equals("/")) {
			return new String[0];
		}
		if (!pathInfo.startsWith("/") || !uri.endsWith(pathInfo)) {
			return null;
		}
		String[] segments = pathInfo.substring(1).split("/", -1);
		for (String segment : segments) {
			if (segment.isEmpty() || segment.charAt(0) == '.') {
				return null;
			}
		}
		return segments;
	}

	private void openTrace(HttpServletRequest request, HttpServletResponse response, String base) throws IOException {
		String traceId = TraceIds.normalize(request.getParameter("id"));
		if (traceId == null) {
			error(response, HttpServletResponse.SC_NOT_FOUND,
					"Not a trace id: a trace id is 32 hexadecimal characters, not all zero.");
			return;
		}
		response.setStatus(HttpServletResponse.SC_SEE_OTHER);
		response.setHeader("Location", base + "/traces/" + traceId);
		response.setHeader("Cache-Control", "no-store");
	}

	private void tracePage(HttpServletResponse response, String base, String traceId, boolean head) throws IOException {
		if (this.traceIndex == null) {
			error(response, HttpServletResponse.SC_NOT_FOUND, "The trace index is off: trace pages are not available.");
			return;
		}
		List<IndexedBlob> blobs;
		try {
			blobs = this.traceIndex.find(traceId);
		}
		catch (IOException | RuntimeException ex) {
			this.errors.warn(() -> "The blob viewer could not read the trace index: " + ex.getClass().getName(), ex);
			error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "The trace index could not be read.");
			return;
		}
		page(response, ViewerPages.trace(base, traceId, blobs, this.destinations::pathOf), head);
	}

	private void blobPage(HttpServletResponse response, String base, ViewerDestinations.Target target, boolean head)
			throws IOException {
		Optional<Metadata> metadata = metadata(response, target);
		if (metadata == null) {
			return;
		}
		if (metadata.isEmpty()) {
			notFound(response);
			return;
		}
		Metadata found = metadata.get();
		page(response, ViewerPages.blob(base, target.path(), target.storageUri(), found.contentType(), found.size(),
				found.labels()), head);
	}

	private void raw(HttpServletRequest request, HttpServletResponse response, ViewerDestinations.Target target,
			boolean head) throws IOException {
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
		response.setHeader("Cache-Control", IMMUTABLE);
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
		response.setHeader("Content-Disposition",
				(type.inline() ? "inline" : "attachment") + "; filename=\"" + target.name() + "\"");
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
	private @Nullable Optional<Metadata> metadata(HttpServletResponse response, ViewerDestinations.Target target)
			throws IOException {
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

	private static void unsatisfiable(HttpServletResponse response, long size) throws IOException {
		if (size >= 0) {
			response.setHeader("Content-Range", "bytes */" + size);
		}
		response.setHeader("Cache-Control", "no-store");
		error(response, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE, "The range cannot be satisfied.");
	}

	private static void page(HttpServletResponse response, String html, boolean head) throws IOException {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/html;charset=utf-8");
		response.setHeader("Content-Security-Policy", ViewerPages.CSP);
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

	private static void notFound(HttpServletResponse response) throws IOException {
		error(response, HttpServletResponse.SC_NOT_FOUND, "Not found.");
	}

	private static void error(HttpServletResponse response, int status, String message) throws IOException {
		byte[] body = (message + "\n").getBytes(StandardCharsets.UTF_8);
		response.setStatus(status);
		response.setContentType("text/plain;charset=utf-8");
		response.setHeader("Content-Security-Policy", ViewerPages.CSP);
		if (response.getHeader("Cache-Control") == null || status >= 400) {
			response.setHeader("Cache-Control", "no-store");
		}
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	private static void commonHeaders(HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Content-Security-Policy", ViewerPages.CSP);
	}

	/** What storage says of an object. */
	private record Metadata(String contentType, long size, Map<String, String> labels) {
	}

}
