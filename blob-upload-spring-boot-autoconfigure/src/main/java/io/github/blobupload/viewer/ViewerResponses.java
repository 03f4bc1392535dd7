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
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The viewer's answers other than raw bytes: pages, short plain-text errors and the
 * headers every answer carries.
 */
final class ViewerResponses {

	private ViewerResponses() {
	}

	static void page(HttpServletResponse response, String html, boolean head) throws IOException {
		page(response, html, head, ViewerPages.CSP);
	}

	static void page(HttpServletResponse response, String html, boolean head, String csp) throws IOException {
		byte[] body = html.getBytes(StandardCharsets.UTF_8);
		response.setStatus(HttpServletResponse.SC_OK);
		response.setContentType("text/html;charset=utf-8");
		response.setHeader("Content-Security-Policy", csp);
		response.setHeader("Cache-Control", "no-store");
		response.setContentLength(body.length);
		if (!head) {
			response.getOutputStream().write(body);
		}
	}

	static void notFound(HttpServletResponse response) throws IOException {
		error(response, HttpServletResponse.SC_NOT_FOUND, "Not found.");
	}

	static void error(HttpServletResponse response, int status, String message) throws IOException {
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

	/** Sets the headers every answer of the viewer carries. */
	static void commonHeaders(HttpServletResponse response) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("Referrer-Policy", "no-referrer");
		response.setHeader("Content-Security-Policy", ViewerPages.CSP);
	}

	static void unsatisfiable(HttpServletResponse response, long size) throws IOException {
		if (size >= 0) {
			response.setHeader("Content-Range", "bytes */" + size);
		}
		response.setHeader("Cache-Control", "no-store");
		error(response, HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE, "The range cannot be satisfied.");
	}

}
