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
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import io.github.blobupload.internal.RateLimitedLogger;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

import static io.github.blobupload.viewer.ViewerResponses.commonHeaders;
import static io.github.blobupload.viewer.ViewerResponses.error;
import static io.github.blobupload.viewer.ViewerResponses.notFound;
import static io.github.blobupload.viewer.ViewerResponses.page;

/**
 * The media viewer as a servlet, mapped to {@code <path>/*}:
 * <ul>
 * <li>{@code <path>/<use-case>/<object>}: the object's bytes, streamed, with
 * {@code ETag}, long-lived (or bounded, see the constructors) {@code Cache-Control} and
 * single {@code Range} requests, or redirected to a signed URL of the store
 * ({@link RedirectDelivery});</li>
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
 * anything is read. Each read is put on record through its {@link ViewerReadListener}
 * (one per view: an answer 200, or the first range of a media element, never its seeks),
 * and every answer is counted in its {@link ViewerStats}.
 * <p>
 * Reads are bounded per destination ({@link ReadPermits}): a request that would read a
 * destination already read by {@code maxConcurrentReads} requests (a trace page reads
 * them all) is answered 503 with {@code Retry-After} at once, so readers never hold more
 * of the store's connections than that, whatever the clients do.
 */
public final class BlobViewerServlet extends HttpServlet {

	private static final long serialVersionUID = 1L;

	/** The default most reads of one destination at once. */
	public static final int DEFAULT_MAX_CONCURRENT_READS = 8;

	/** The seconds a client is asked to wait when every read permit is taken. */
	static final String RETRY_AFTER_SECONDS = "1";

	private static final Pattern VIEWER_PATH = Pattern.compile("(/[A-Za-z0-9._-]+)+");

	private final transient ViewerDestinations destinations;

	private final transient @Nullable TraceIndex traceIndex;

	private final ViewerAccess access;

	private final transient ViewerReadRecorder recorder;

	private final transient ViewerStats stats = new ViewerStats();

	private final transient ReadPermits permits;

	private final transient @Nullable RedirectDelivery redirect;

	private final transient RawBlobResponder raw;

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
		this(destinations, traceIndex, access, new ViewerAuditLog());
	}

	/**
	 * Creates the viewer.
	 * @param destinations the destinations it reads
	 * @param traceIndex the index of the media of each trace, or {@code null} when trace
	 * pages are off
	 * @param access who the viewer answers
	 * @param reads hears each read on record, such as a {@link ViewerAuditLog}
	 */
	public BlobViewerServlet(ViewerDestinations destinations, @Nullable TraceIndex traceIndex, ViewerAccess access,
			ViewerReadListener reads) {
		this(destinations, traceIndex, access, reads, DEFAULT_MAX_CONCURRENT_READS);
	}

	/**
	 * Creates the viewer.
	 * @param destinations the destinations it reads
	 * @param traceIndex the index of the media of each trace, or {@code null} when trace
	 * pages are off
	 * @param access who the viewer answers
	 * @param reads hears each read on record, such as a {@link ViewerAuditLog}
	 * @param maxConcurrentReads the most requests reading one destination at once
	 * @throws IllegalArgumentException if {@code maxConcurrentReads} is not positive
	 */
	public BlobViewerServlet(ViewerDestinations destinations, @Nullable TraceIndex traceIndex, ViewerAccess access,
			ViewerReadListener reads, int maxConcurrentReads) {
		this(destinations, traceIndex, access, reads, maxConcurrentReads, null);
	}

	/**
	 * Creates the viewer.
	 * @param destinations the destinations it reads
	 * @param traceIndex the index of the media of each trace, or {@code null} when trace
	 * pages are off
	 * @param access who the viewer answers
	 * @param reads hears each read on record, such as a {@link ViewerAuditLog}
	 * @param maxConcurrentReads the most requests reading one destination at once
	 * @param redirect how raw bytes are redirected to the store, or {@code null} to
	 * stream them
	 * @throws IllegalArgumentException if {@code maxConcurrentReads} is not positive
	 */
	public BlobViewerServlet(ViewerDestinations destinations, @Nullable TraceIndex traceIndex, ViewerAccess access,
			ViewerReadListener reads, int maxConcurrentReads, @Nullable RedirectDelivery redirect) {
		this(destinations, traceIndex, access, reads, maxConcurrentReads, redirect, null);
	}

	/**
	 * Creates the viewer.
	 * @param destinations the destinations it reads
	 * @param traceIndex the index of the media of each trace, or {@code null} when trace
	 * pages are off
	 * @param access who the viewer answers
	 * @param reads hears each read on record, such as a {@link ViewerAuditLog}
	 * @param maxConcurrentReads the most requests reading one destination at once
	 * @param redirect how raw bytes are redirected to the store, or {@code null} to
	 * stream them
	 * @param rawCacheLifetime how long browsers may keep the bytes they were sent
	 * ({@code Cache-Control: private, max-age=<seconds>}), so that an object erased since
	 * is not shown from their cache for longer; {@code null} for a year, as immutable
	 * (content-addressed objects never change)
	 * @throws IllegalArgumentException if {@code maxConcurrentReads} is not positive or
	 * {@code rawCacheLifetime} is negative
	 */
	public BlobViewerServlet(ViewerDestinations destinations, @Nullable TraceIndex traceIndex, ViewerAccess access,
			ViewerReadListener reads, int maxConcurrentReads, @Nullable RedirectDelivery redirect,
			@Nullable Duration rawCacheLifetime) {
		if (rawCacheLifetime != null && rawCacheLifetime.isNegative()) {
			throw new IllegalArgumentException("rawCacheLifetime must not be negative, but was " + rawCacheLifetime);
		}
		this.raw = new RawBlobResponder(rawCacheLifetime);
		this.destinations = Objects.requireNonNull(destinations, "destinations must not be null");
		this.traceIndex = traceIndex;
		this.access = Objects.requireNonNull(access, "access must not be null");
		this.recorder = new ViewerReadRecorder(Objects.requireNonNull(reads, "reads must not be null"));
		this.permits = new ReadPermits(destinations.useCases(), maxConcurrentReads);
		this.redirect = redirect;
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

	/**
	 * Returns what the viewer has answered since it started, for its meters.
	 * @return the viewer's counts
	 */
	public ViewerStats stats() {
		return this.stats;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String @Nullable [] segments = segments(request);
		ViewerPage page = ViewerPage.of(segments);
		this.stats.started();
		try {
			answer(request, (page == ViewerPage.RAW) ? new CountingResponse(response, this.stats) : response);
		}
		finally {
			int status = response.getStatus();
			this.stats.finished(page, status);
			if (segments != null) {
				this.recorder.answered(request, page, segments, status);
			}
		}
	}

	private void answer(HttpServletRequest request, HttpServletResponse response) throws IOException {
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
			try (ReadPermits.Permit permit = (this.traceIndex != null) ? this.permits.tryAcquireAll()
					: ReadPermits.Permit.NONE) {
				if (permit == null) {
					busy(response);
				}
				else {
					tracePage(response, base, segments[1], head);
				}
			}
		}
		else if (segments.length == 3 && segments[0].equals("blobs")) {
			Optional<ViewerDestinations.Target> target = this.destinations.target(segments[1], segments[2]);
			if (target.isPresent()) {
				try (ReadPermits.Permit permit = this.permits.tryAcquire(target.get().useCase())) {
					if (permit == null) {
						busy(response);
					}
					else {
						blobPage(response, base, target.get(), head);
					}
				}
			}
			else {
				notFound(response);
			}
		}
		else if (segments.length == 2) {
			Optional<ViewerDestinations.Target> target = this.destinations.target(segments[0], segments[1]);
			if (target.isPresent()) {
				try (ReadPermits.Permit permit = this.permits.tryAcquire(target.get().useCase())) {
					if (permit == null) {
						busy(response);
					}
					else if (head || this.redirect == null || !this.redirect.answer(response, target.get(), this.raw)) {
						this.raw.serve(request, response, target.get(), head);
					}
				}
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

	private String pageCsp() {
		return (this.redirect != null) ? this.redirect.pageCsp(this.destinations) : ViewerPages.CSP;
	}

	/** Answers a request that would read a destination read by too many already. */
	private static void busy(HttpServletResponse response) throws IOException {
		response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
		error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
				"The viewer is reading as much as it may at once; try again shortly.");
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
		page(response, TracePage.render(base, traceId, blobs, this.destinations::pathOf), head, pageCsp());
	}

	private void blobPage(HttpServletResponse response, String base, ViewerDestinations.Target target, boolean head)
			throws IOException {
		Optional<RawBlobResponder.Metadata> metadata = this.raw.metadata(response, target);
		if (metadata == null) {
			return;
		}
		if (metadata.isEmpty()) {
			notFound(response);
			return;
		}
		RawBlobResponder.Metadata found = metadata.get();
		page(response, ViewerPages.blob(base, target.path(), target.storageUri(), found.contentType(), found.size(),
				found.labels()), head, pageCsp());
	}

}
