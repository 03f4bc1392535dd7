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

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the path guard of {@link BlobViewerServlet} on its own,
 * {@link BlobViewerServlet#segments}: the names of the destinations guard the same paths
 * again ({@link ViewerDestinationsObjectNameTests}), so each layer is tested without the
 * other.
 */
class BlobViewerServletPathGuardTests {

	@ParameterizedTest
	@ValueSource(strings = { "/blob-viewer/chat-input/..%2f..%2fetc%2fpasswd", "/blob-viewer/chat-input/%2e%2e%2fx.png",
			"/blob-viewer/chat-input/%252e%252e%252fx.png", "/blob-viewer/chat-input/..\\..\\x.png",
			"/blob-viewer/chat-input\\a1b2.png", "/blob-viewer//etc/passwd", "/blob-viewer/chat-input/../x.png",
			"/blob-viewer/chat-input/./x.png", "/blob-viewer/chat-input//etc/passwd",
			"/blob-viewer/chat-input/.a1b2.png", "/blob-viewer/chat-input/a1b2.png/", "/blob-viewer/chat-input/",
			"/blob-viewer/chat-input/a;b.png", "/blob-viewer/blobs/chat-input/..%2fa1b2.png",
			"/blob-viewer/traces/..%2fx" })
	void pathsNoLinkCanHaveAreRefused(String rawPath) {
		assertThat(BlobViewerServlet.segments(request(rawPath))).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "/blob-viewer/x.png, /../x.png", "/blob-viewer/x.png, x.png", "/blob-viewer/a/x.png, /b/x.png" })
	void aPathInfoThatIsNotTheEndOfTheRawPathIsRefused(String rawPath, String pathInfo) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", rawPath);
		request.setPathInfo(pathInfo);
		assertThat(BlobViewerServlet.segments(request)).isNull();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/blob-viewer/blobs/chat-input/a1b2.png|blobs,chat-input,a1b2.png",
			"/blob-viewer/traces|traces", "/blob-viewer/chat-input/a-b_c.1.png|chat-input,a-b_c.1.png" })
	void linksOfTheViewerAreSplitIntoSegments(String rawPath, String segments) {
		assertThat(BlobViewerServlet.segments(request(rawPath))).containsExactly(segments.split(","));
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blob-viewer", "/blob-viewer/" })
	void theViewersRootHasNoSegments(String rawPath) {
		assertThat(BlobViewerServlet.segments(request(rawPath))).isEmpty();
	}

	/**
	 * A request as a servlet container maps it: the raw URI, and the decoded path info.
	 */
	private static MockHttpServletRequest request(String rawPath) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", rawPath);
		request.setServletPath("/blob-viewer");
		String rest = rawPath.substring("/blob-viewer".length());
		request.setPathInfo(rest.isEmpty() ? null : URLDecoder.decode(rest, StandardCharsets.UTF_8));
		return request;
	}

}
