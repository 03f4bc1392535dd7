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

import java.security.Principal;
import java.time.Duration;
import java.util.Objects;

import io.github.blobupload.internal.RateLimitedLogger;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.LoggerFactory;

/**
 * Puts the viewer's reads on record: after each answer, tells the
 * {@link ViewerReadListener} of each page view (never of a seek), with who asked, from
 * where, for what, and the status. A listener that fails is logged and ignored.
 */
final class ViewerReadRecorder {

	private final ViewerReadListener reads;

	private final RateLimitedLogger errors = new RateLimitedLogger(LoggerFactory.getLogger(BlobViewerServlet.class),
			Duration.ofMinutes(1));

	ViewerReadRecorder(ViewerReadListener reads) {
		this.reads = reads;
	}

	/**
	 * Records an answer when it is a read.
	 * @param request the request
	 * @param page the page it asked for
	 * @param segments the path's segments
	 * @param status the status answered
	 */
	void answered(HttpServletRequest request, ViewerPage page, String[] segments, int status) {
		if (isRead(request, page, status)) {
			record(request, page, segments, status);
		}
	}

	/**
	 * Returns whether an answer puts a read on record: a {@code GET} of an object's
	 * bytes, page or trace page answered 200; for an object's bytes also a 206 (or a
	 * redirect to the bytes) when the request asked for the whole object or a range
	 * starting at byte 0, as the first request of a media element does, but not a range
	 * starting further on, as its seeks do.
	 */
	static boolean isRead(HttpServletRequest request, ViewerPage page, int status) {
		if (page == ViewerPage.OTHER || !"GET".equals(request.getMethod())) {
			return false;
		}
		if (status == HttpServletResponse.SC_OK) {
			return true;
		}
		if (page != ViewerPage.RAW || (status != HttpServletResponse.SC_PARTIAL_CONTENT
				&& status != HttpServletResponse.SC_FOUND && status != HttpServletResponse.SC_SEE_OTHER
				&& status != HttpServletResponse.SC_TEMPORARY_REDIRECT)) {
			return false;
		}
		RequestedRange range = RequestedRange.parse(request.getHeader("Range"));
		return (range == null) ? status != HttpServletResponse.SC_PARTIAL_CONTENT : range.first() == 0;
	}

	private void record(HttpServletRequest request, ViewerPage page, String[] segments, int status) {
		Principal user = request.getUserPrincipal();
		String principal = (user != null) ? user.getName() : null;
		String peer = Objects.requireNonNullElse(request.getRemoteAddr(), "");
		ViewerRead read = switch (page) {
			case TRACE -> new ViewerRead(principal, peer, page, null,
					Objects.requireNonNullElse(TraceIds.normalize(segments[1]), segments[1]), status);
			case BLOB -> new ViewerRead(principal, peer, page, segments[1], segments[2], status);
			default -> new ViewerRead(principal, peer, page, segments[0], segments[1], status);
		};
		try {
			this.reads.onRead(read);
		}
		catch (RuntimeException ex) {
			this.errors.warn(() -> "A listener of the blob viewer's reads failed: " + ex.getClass().getName(), ex);
		}
	}

}
