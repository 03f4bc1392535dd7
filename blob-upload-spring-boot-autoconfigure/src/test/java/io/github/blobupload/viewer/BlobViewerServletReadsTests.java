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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.github.blobupload.testsupport.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the reads on record and the counts of {@link BlobViewerServlet}.
 */
class BlobViewerServletReadsTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final byte[] CONTENT = new byte[1000];

	private final InMemoryStore store = new InMemoryStore("file:///store/chat-input");

	private final List<ViewerRead> reads = new ArrayList<>();

	private BlobViewerServlet servlet;

	@BeforeEach
	void setUp() {
		this.store.put("a1b2.wav", CONTENT, "audio/wav", Map.of());
		ViewerDestinations destinations = ViewerDestinations
			.of(InMemoryStore.registry(Map.of("chat-input", this.store)).destinations());
		this.servlet = new BlobViewerServlet(destinations, (traceId) -> List.of(), ViewerAccess.LOCAL, this.reads::add);
	}

	@Test
	void wholeObjectPageAndTracePageAreEachOneRead() throws Exception {
		assertThat(get("/blob-viewer/chat-input/a1b2.wav").getStatus()).isEqualTo(200);
		assertThat(get("/blob-viewer/blobs/chat-input/a1b2.wav").getStatus()).isEqualTo(200);
		assertThat(get("/blob-viewer/traces/" + TRACE).getStatus()).isEqualTo(200);
		assertThat(this.reads).containsExactly(
				new ViewerRead(null, "127.0.0.1", ViewerPage.RAW, "chat-input", "a1b2.wav", 200),
				new ViewerRead(null, "127.0.0.1", ViewerPage.BLOB, "chat-input", "a1b2.wav", 200),
				new ViewerRead(null, "127.0.0.1", ViewerPage.TRACE, null, TRACE, 200));
	}

	@Test
	void mediaElementIsOneReadForItsFirstRangeNotItsSeeks() throws Exception {
		assertThat(range("bytes=0-").getStatus()).isEqualTo(206);
		assertThat(range("bytes=400-").getStatus()).isEqualTo(206);
		assertThat(range("bytes=900-999").getStatus()).isEqualTo(206);
		assertThat(range("bytes=-10").getStatus()).isEqualTo(206);
		assertThat(this.reads).singleElement().satisfies((read) -> assertThat(read.status()).isEqualTo(206));
	}

	@Test
	void headNotModifiedRefusedAndMissingAreNoReads() throws Exception {
		MockHttpServletResponse head = get("/blob-viewer/chat-input/a1b2.wav", (request) -> request.setMethod("HEAD"));
		assertThat(head.getStatus()).isEqualTo(200);
		assertThat(
				get("/blob-viewer/chat-input/a1b2.wav", (request) -> request.addHeader("If-None-Match", "\"a1b2.wav\""))
					.getStatus())
			.isEqualTo(304);
		assertThat(
				get("/blob-viewer/chat-input/a1b2.wav", (request) -> request.setRemoteAddr("192.0.2.10")).getStatus())
			.isEqualTo(403);
		assertThat(get("/blob-viewer/chat-input/none.wav").getStatus()).isEqualTo(404);
		assertThat(get("/blob-viewer/").getStatus()).isEqualTo(200);
		assertThat(this.reads).isEmpty();
	}

	@Test
	void principalIsRecordedWhenTheRequestHasOne() throws Exception {
		get("/blob-viewer/chat-input/a1b2.wav", (request) -> request.setUserPrincipal(() -> "ops"));
		assertThat(this.reads).singleElement().satisfies((read) -> assertThat(read.principal()).isEqualTo("ops"));
	}

	@Test
	void failingListenerDoesNotChangeTheAnswer() throws Exception {
		ViewerDestinations destinations = ViewerDestinations
			.of(InMemoryStore.registry(Map.of("chat-input", this.store)).destinations());
		this.servlet = new BlobViewerServlet(destinations, null, ViewerAccess.LOCAL, (read) -> {
			throw new IllegalStateException("audit store down");
		});
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.wav");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(CONTENT);
	}

	@Test
	void statsCountRequestsByPageAndStatusClassAndBytesSent() throws Exception {
		get("/blob-viewer/chat-input/a1b2.wav");
		range("bytes=400-");
		get("/blob-viewer/chat-input/none.wav");
		get("/blob-viewer/blobs/chat-input/a1b2.wav");
		get("/blob-viewer/nowhere/at/all/x");
		ViewerStats stats = this.servlet.stats();
		assertThat(stats.requests(ViewerPage.RAW, "2xx")).isEqualTo(2);
		assertThat(stats.requests(ViewerPage.RAW, "4xx")).isEqualTo(1);
		assertThat(stats.requests(ViewerPage.BLOB, "2xx")).isEqualTo(1);
		assertThat(stats.requests(ViewerPage.OTHER, "4xx")).isEqualTo(1);
		assertThat(stats.requests(ViewerPage.TRACE, "2xx")).isZero();
		assertThat(stats.bytesServed()).as("the object's bytes, not the pages' or errors'").isEqualTo(1000 + 600);
		assertThat(stats.activeRequests()).isZero();
	}

	@Test
	void requestInFlightIsCountedUntilItsAnswerIsWritten() throws Exception {
		ViewerDestinations destinations = ViewerDestinations
			.of(InMemoryStore.registry(Map.of("chat-input", this.store)).destinations());
		int[] during = new int[1];
		BlobViewerServlet[] servlet = new BlobViewerServlet[1];
		servlet[0] = new BlobViewerServlet(destinations, (traceId) -> {
			during[0] = servlet[0].stats().activeRequests();
			return List.of();
		}, ViewerAccess.LOCAL, ViewerReadListener.NONE);
		this.servlet = servlet[0];
		get("/blob-viewer/traces/" + TRACE);
		assertThat(during[0]).isEqualTo(1);
		assertThat(this.servlet.stats().activeRequests()).isZero();
	}

	private MockHttpServletResponse range(String range) throws Exception {
		return get("/blob-viewer/chat-input/a1b2.wav", (request) -> request.addHeader("Range", range));
	}

	private MockHttpServletResponse get(String path) throws Exception {
		return get(path, (request) -> {
		});
	}

	private MockHttpServletResponse get(String path, Consumer<MockHttpServletRequest> customizer) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath("/blob-viewer");
		String rest = path.substring("/blob-viewer".length());
		request.setPathInfo(rest.isEmpty() ? null : URLDecoder.decode(rest, StandardCharsets.UTF_8));
		customizer.accept(request);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		return response;
	}

}
