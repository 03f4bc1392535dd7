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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.github.blobupload.testsupport.InMemoryStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobViewerServlet}.
 */
class BlobViewerServletTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	private static final byte[] PNG = pngBytes();

	private final InMemoryStore chatInput = new InMemoryStore("file:///store/chat-input");

	private final InMemoryStore defaults = new InMemoryStore("file:///store");

	private final Map<String, List<IndexedBlob>> index = new LinkedHashMap<>();

	private ViewerDestinations destinations;

	private BlobViewerServlet servlet;

	private String pngUri;

	@BeforeEach
	void setUp() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("trace_id", TRACE);
		labels.put("span_id", SPAN);
		labels.put("use_case", "chat.input");
		labels.put("message_index", "0");
		labels.put("part_index", "1");
		labels.put("note", "<script>alert(1)</script>");
		this.pngUri = this.chatInput.put("a1b2.png", PNG, "image/png", labels);
		Map<String, InMemoryStore> stores = new LinkedHashMap<>();
		stores.put("default", this.defaults);
		stores.put("chat-input", this.chatInput);
		this.destinations = ViewerDestinations.of(InMemoryStore.registry(stores).destinations());
		this.servlet = new BlobViewerServlet(this.destinations, this::find, ViewerAccess.LOCAL);
	}

	private List<IndexedBlob> find(String traceId) {
		return this.index.getOrDefault(traceId, List.of());
	}

	@Test
	void servesBytesWithTypeLengthEtagAndLongCaching() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.png");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsByteArray()).isEqualTo(PNG);
		assertThat(response.getContentType()).isEqualTo("image/png");
		assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(PNG.length));
		assertThat(response.getHeader("ETag")).isEqualTo("\"a1b2.png\"");
		assertThat(response.getHeader("Cache-Control")).isEqualTo("private, max-age=31536000, immutable");
		assertThat(response.getHeader("Accept-Ranges")).isEqualTo("bytes");
		assertThat(response.getHeader("Content-Disposition")).isEqualTo("inline; filename=\"a1b2.png\"");
		assertThat(response.getHeader("Content-Security-Policy")).startsWith("sandbox");
	}

	@Test
	void matchingIfNoneMatchGives304WithoutBody() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.png",
				(request) -> request.addHeader("If-None-Match", "\"a1b2.png\""));
		assertThat(response.getStatus()).isEqualTo(304);
		assertThat(response.getContentAsByteArray()).isEmpty();
		assertThat(response.getHeader("ETag")).isEqualTo("\"a1b2.png\"");
	}

	@Test
	void rangeGives206WithContentRange() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.png",
				(request) -> request.addHeader("Range", "bytes=2-9"));
		assertThat(response.getStatus()).isEqualTo(206);
		assertThat(response.getHeader("Content-Range")).isEqualTo("bytes 2-9/" + PNG.length);
		assertThat(response.getContentAsByteArray()).isEqualTo(slice(2, 10));
	}

	@Test
	void openEndedAndSuffixRangesAreServed() throws Exception {
		MockHttpServletResponse openEnded = get("/blob-viewer/chat-input/a1b2.png",
				(request) -> request.addHeader("Range", "bytes=10-"));
		assertThat(openEnded.getStatus()).isEqualTo(206);
		assertThat(openEnded.getContentAsByteArray()).isEqualTo(slice(10, PNG.length));
		MockHttpServletResponse suffix = get("/blob-viewer/chat-input/a1b2.png",
				(request) -> request.addHeader("Range", "bytes=-5"));
		assertThat(suffix.getStatus()).isEqualTo(206);
		assertThat(suffix.getHeader("Content-Range"))
			.isEqualTo("bytes " + (PNG.length - 5) + "-" + (PNG.length - 1) + "/" + PNG.length);
		assertThat(suffix.getContentAsByteArray()).isEqualTo(slice(PNG.length - 5, PNG.length));
	}

	@Test
	void rangeBeyondTheEndGives416() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.png",
				(request) -> request.addHeader("Range", "bytes=" + PNG.length + "-"));
		assertThat(response.getStatus()).isEqualTo(416);
		assertThat(response.getContentAsString()).doesNotContain("file:");
	}

	@Test
	void headSendsHeadersWithoutReadingTheContent() throws Exception {
		MockHttpServletRequest request = request("/blob-viewer/chat-input/a1b2.png");
		request.setMethod("HEAD");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Length")).isEqualTo(String.valueOf(PNG.length));
		assertThat(response.getContentAsByteArray()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blob-viewer/chat-input/..%2f..%2fetc%2fpasswd", "/blob-viewer/chat-input/%2e%2e%2fx.png",
			"/blob-viewer/chat-input/%252e%252e%252fx.png", "/blob-viewer/chat-input/..\\..\\x.png",
			"/blob-viewer/chat-input\\a1b2.png", "/blob-viewer//etc/passwd", "/blob-viewer/chat-input/../default/x.png",
			"/blob-viewer/file:/etc/passwd", "/blob-viewer/chat-input//etc/passwd", "/blob-viewer/other/a1b2.png",
			"/blob-viewer/chat-input/.a1b2.png", "/blob-viewer/chat-input/a1b2.png/", "/blob-viewer/chat-input/",
			"/blob-viewer/chat-input", "/blob-viewer/default/chat-input/a1b2.png", "/blob-viewer/chat-input/a;b.png",
			"/blob-viewer/blobs/chat-input/..%2fa1b2.png", "/blob-viewer/traces/..%2f" + TRACE })
	void traversalAndForeignPathsGive404AndReadNothing(String path) throws Exception {
		MockHttpServletResponse response = get(path);
		assertThat(response.getStatus()).isEqualTo(404);
		assertThat(this.chatInput.opens()).isZero();
		assertThat(this.defaults.opens()).isZero();
		assertSafeHeaders(response);
	}

	@Test
	void objectMissingFromStorageGives404() throws Exception {
		assertThat(get("/blob-viewer/chat-input/ffff.png").getStatus()).isEqualTo(404);
		assertThat(this.chatInput.opens()).isOne();
	}

	@ParameterizedTest
	@ValueSource(strings = { "text/html", "image/svg+xml", "application/xhtml+xml", "application/javascript",
			"text/javascript", "application/xml", "text/xml", "application/pdf", "application/x-unknown", "not a type",
			"text/html\r\nX-Injected: 1", "" })
	void activeOrUnknownContentIsSentAsAttachment(String contentType) throws Exception {
		this.chatInput.put("doc.bin", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8), contentType,
				Map.of());
		MockHttpServletResponse response = get("/blob-viewer/chat-input/doc.bin");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"doc.bin\"");
		assertThat(response.getContentType()).doesNotContain("\n").doesNotContain("\r");
		assertThat(response.getHeader("X-Injected")).isNull();
		assertSafeHeaders(response);
	}

	@Test
	void audioIsInline() throws Exception {
		this.chatInput.put("c3.wav", new byte[] { 1, 2, 3 }, "audio/wav", Map.of());
		MockHttpServletResponse response = get("/blob-viewer/chat-input/c3.wav");
		assertThat(response.getContentType()).isEqualTo("audio/wav");
		assertThat(response.getHeader("Content-Disposition")).startsWith("inline");
	}

	@ParameterizedTest
	@ValueSource(strings = { "audio/vnd.wave", "audio/x-wav", "audio/wave" })
	void otherNamesOfWavAreServedAsAudioWav(String stored) throws Exception {
		this.chatInput.put("c4.wav", new byte[] { 1, 2, 3 }, stored, Map.of());
		MockHttpServletResponse response = get("/blob-viewer/chat-input/c4.wav");
		assertThat(response.getContentType()).isEqualTo("audio/wav");
		assertThat(response.getHeader("Content-Disposition")).startsWith("inline");
	}

	@Test
	void blobPageShowsLabelsEscapedAndTheStorageUri() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/blobs/chat-input/a1b2.png");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentType()).isEqualTo("text/html;charset=utf-8");
		String html = response.getContentAsString();
		assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script")
			.contains("file:///store/chat-input/a1b2.png")
			.contains("<img src=\"/blob-viewer/chat-input/a1b2.png\"")
			.contains("href=\"/blob-viewer/traces/" + TRACE + "\"")
			.contains(SPAN)
			.contains("<dt>Message</dt><dd>0</dd>")
			.contains("<dt>Part</dt><dd>1</dd>");
		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'")
			.contains("style-src 'sha256-")
			.doesNotContain("script-src")
			.doesNotContain("unsafe-inline");
		assertSafeHeaders(response);
	}

	@Test
	void tracePageGroupsMediaBySpanWithPreviews() throws Exception {
		String wavUri = this.chatInput.put("c3.wav", new byte[] { 1, 2, 3 }, "audio/wav", Map.of());
		String pdfUri = this.defaults.put("d4.pdf", new byte[] { 1 }, "application/pdf", Map.of());
		String otherSpan = "1111111111111111";
		this.index.put(TRACE,
				List.of(indexed(this.pngUri, "chat-input", "image/png", SPAN, Map.of("note", "<b>x</b>")),
						indexed(wavUri, "chat-input", "audio/wav", SPAN, Map.of()),
						indexed(pdfUri, "default", "application/pdf", otherSpan, Map.of()),
						indexed("s3://elsewhere/e5.png", "chat-input", "image/png", otherSpan, Map.of())));
		MockHttpServletResponse response = get("/blob-viewer/traces/" + TRACE);
		assertThat(response.getStatus()).isEqualTo(200);
		String html = response.getContentAsString();
		assertThat(html).contains("4 media files in 2 spans")
			.contains("<img src=\"/blob-viewer/chat-input/a1b2.png\"")
			.contains("<audio controls preload=\"metadata\" src=\"/blob-viewer/chat-input/c3.wav\">")
			.contains("href=\"/blob-viewer/blobs/default/d4.pdf\"")
			.contains("not readable by this viewer")
			.doesNotContain("s3://elsewhere")
			.doesNotContain("<b>");
		assertThat(html.indexOf(SPAN)).isLessThan(html.indexOf(otherSpan));
		assertThat(this.chatInput.opens()).as("the page reads the index, not the blobs").isZero();
	}

	@Test
	void traceFormRedirectsToTheTracePage() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/traces",
				(request) -> request.setParameter("id", " " + TRACE.toUpperCase() + " "));
		assertThat(response.getStatus()).isEqualTo(303);
		assertThat(response.getHeader("Location")).isEqualTo("/blob-viewer/traces/" + TRACE);
		assertThat(get("/blob-viewer/traces", (request) -> request.setParameter("id", "<x>")).getStatus())
			.isEqualTo(404);
	}

	@Test
	void startPageListsUseCasesButNoObjects() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/");
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getContentAsString()).contains("<code>chat-input</code>").doesNotContain("a1b2");
	}

	@Test
	void remoteRequestIsRefusedWhenLocalOnly() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.png",
				(request) -> request.setRemoteAddr("192.0.2.10"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(this.chatInput.opens()).isZero();
		assertSafeHeaders(response);
	}

	@Test
	void forwardedRequestFromLoopbackIsRefusedWhenLocalOnly() throws Exception {
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.png",
				(request) -> request.addHeader("X-Forwarded-For", "127.0.0.1"));
		assertThat(response.getStatus()).isEqualTo(403);
		assertThat(response.getContentAsString()).contains("came through a proxy");
		assertThat(this.chatInput.opens()).isZero();
	}

	@Test
	void remoteRequestIsServedWhenNotLocalOnly() throws Exception {
		this.servlet = new BlobViewerServlet(this.destinations, null, ViewerAccess.OPEN);
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.png",
				(request) -> request.setRemoteAddr("192.0.2.10"));
		assertThat(response.getStatus()).isEqualTo(200);
	}

	@Test
	void storageErrorShowsNoDetails() throws Exception {
		this.chatInput.failWith(new IOException("https://key:secret@store.example.com/bucket denied"));
		MockHttpServletResponse response = get("/blob-viewer/chat-input/a1b2.png");
		assertThat(response.getStatus()).isEqualTo(502);
		assertThat(response.getContentAsString()).isEqualTo("Storage could not be read.\n");
		assertSafeHeaders(response);
	}

	@Test
	void tracePageIsNotFoundWithoutAnIndex() throws Exception {
		this.servlet = new BlobViewerServlet(this.destinations, null, ViewerAccess.LOCAL);
		assertThat(get("/blob-viewer/traces/" + TRACE).getStatus()).isEqualTo(404);
	}

	@Test
	void otherMethodsAreRefused() throws Exception {
		MockHttpServletRequest request = request("/blob-viewer/chat-input/a1b2.png");
		request.setMethod("DELETE");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		assertThat(response.getStatus()).isEqualTo(405);
		assertThat(this.chatInput.opens()).isZero();
	}

	@Test
	void readsBeyondTheBoundGet503WithRetryAfterAtOnce() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		this.servlet = new BlobViewerServlet(this.destinations, (traceId) -> {
			reading.countDown();
			try {
				release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return List.of();
		}, ViewerAccess.LOCAL, ViewerReadListener.NONE, 1);
		CompletableFuture<MockHttpServletResponse> tracePage = CompletableFuture.supplyAsync(() -> {
			try {
				return get("/blob-viewer/traces/" + TRACE);
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		});
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
		// The trace page being written holds a permit of every destination.
		MockHttpServletResponse busy = get("/blob-viewer/chat-input/a1b2.png");
		assertThat(busy.getStatus()).isEqualTo(503);
		assertThat(busy.getHeader("Retry-After")).isEqualTo("1");
		assertThat(busy.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(get("/blob-viewer/blobs/chat-input/a1b2.png").getStatus()).isEqualTo(503);
		assertThat(get("/blob-viewer/traces/" + TRACE).getStatus()).isEqualTo(503);
		assertThat(this.chatInput.opens()).isZero();
		release.countDown();
		assertThat(tracePage.get(10, TimeUnit.SECONDS).getStatus()).isEqualTo(200);
		assertThat(get("/blob-viewer/chat-input/a1b2.png").getStatus()).isEqualTo(200);
	}

	@Test
	void urlMappingRefusesPathsThatAreNotPlainSegments() {
		assertThat(BlobViewerServlet.urlMapping("/blob-viewer")).isEqualTo("/blob-viewer/*");
		assertThat(BlobViewerServlet.urlMapping("/ops/media/")).isEqualTo("/ops/media/*");
		for (String bad : List.of("", "/", "blob-viewer", "/a/*", "/a b", "/../x", "/a//b")) {
			org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
				.isThrownBy(() -> BlobViewerServlet.urlMapping(bad))
				.as(bad);
		}
	}

	private static void assertSafeHeaders(MockHttpServletResponse response) {
		assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(response.getHeader("Content-Security-Policy")).contains("default-src 'none'")
			.doesNotContain("script-src");
	}

	private static IndexedBlob indexed(String uri, String useCase, String contentType, String span,
			Map<String, String> labels) {
		return new IndexedBlob(uri, useCase, contentType, 1234, TRACE, span, labels, Instant.EPOCH);
	}

	private MockHttpServletResponse get(String path) throws Exception {
		return get(path, (request) -> {
		});
	}

	private MockHttpServletResponse get(String path, Consumer<MockHttpServletRequest> customizer) throws Exception {
		MockHttpServletRequest request = request(path);
		customizer.accept(request);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		return response;
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

	private static byte[] slice(int from, int to) {
		return java.util.Arrays.copyOfRange(PNG, from, to);
	}

	private static byte[] pngBytes() {
		return java.util.Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
	}

}
