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
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BlobViewerServlet} with erasure on, on the {@code file:} store: the
 * bytes are cached for a bounded time, and an erased object answers 404, also to a
 * browser revalidating its copy.
 */
class BlobViewerServletErasureTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	private static final Duration FLUSH = Duration.ofSeconds(10);

	@TempDir
	Path folder;

	private final TraceIndexWriter writer = new TraceIndexWriter((name, entryUploader, maxQueuedEntries,
			maxEntryBytes) -> AsyncBlobUploader.builder(entryUploader).name(name).build());

	private DefaultBlobUploaderRegistry registry;

	private StoreTraceIndex index;

	private BlobViewerServlet servlet;

	private String uri;

	@BeforeEach
	void setUp() {
		String prefix = "file://" + this.folder + "/blobs";
		SimpleBlobUploader simple = new FileBlobStorageProvider().createUploader(prefix,
				BlobNamingStrategies.contentAddressed());
		this.writer.addDestination("default", simple);
		this.registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(AsyncBlobUploader.builder(simple).name("default").listener(this.writer).build())
			.destination("default", prefix)
			.build();
		this.uri = this.registry.getBlobUploader(null)
			.uploadAsync(new Blob(SampleContent.png(), "image/png", BlobLabels.forSpan(TRACE, SPAN)));
		assertThat(this.registry.flush(FLUSH)).isTrue();
		assertThat(this.writer.flush(FLUSH)).isTrue();
		this.index = new StoreTraceIndex(this.registry, 100);
		this.servlet = new BlobViewerServlet(ViewerDestinations.of(this.registry.destinations()), this.index,
				ViewerAccess.LOCAL, new ViewerAuditLog(), BlobViewerServlet.DEFAULT_MAX_CONCURRENT_READS, null,
				Duration.ofMinutes(5));
	}

	@AfterEach
	void close() {
		this.registry.close();
		this.writer.close();
	}

	@Test
	void bytesAreCachedForTheBoundedLifetimeOnly() throws Exception {
		MockHttpServletResponse response = get(rawPath());
		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(response.getHeader("Cache-Control")).isEqualTo("private, max-age=300");
	}

	@Test
	void anErasedObjectAnswers404AndItsTracePageForgetsIt() throws Exception {
		assertThat(get("/blob-viewer/traces/" + TRACE).getContentAsString()).contains(objectName());
		// What an erasure does: the object, its sidecar and its index entries go, and
		// the index forgets the trace.
		Path object = Path.of(URI.create(this.uri));
		Files.delete(object);
		Files.delete(object.resolveSibling(object.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX));
		try (Stream<Path> entries = Files.list(this.folder.resolve("blobs/_index/" + TRACE))) {
			for (Path entry : entries.toList()) {
				Files.delete(entry);
			}
		}
		this.index.forget(List.of(TRACE));

		assertThat(get(rawPath()).getStatus()).isEqualTo(404);
		MockHttpServletResponse revalidated = get(rawPath(),
				(request) -> request.addHeader("If-None-Match", "\"" + objectName() + "\""));
		assertThat(revalidated.getStatus()).as("a browser revalidating its copy").isEqualTo(404);
		assertThat(revalidated.getHeader("Cache-Control")).isEqualTo("no-store");
		assertThat(get("/blob-viewer/blobs/default/" + objectName()).getStatus()).isEqualTo(404);
		assertThat(get("/blob-viewer/traces/" + TRACE).getContentAsString()).doesNotContain(objectName());
	}

	@Test
	void aNegativeCacheLifetimeIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new BlobViewerServlet(ViewerDestinations.of(this.registry.destinations()), null,
					ViewerAccess.LOCAL, new ViewerAuditLog(), 1, null, Duration.ofSeconds(-1)))
			.withMessage("rawCacheLifetime must not be negative, but was PT-1S");
	}

	private String objectName() {
		return this.uri.substring(this.uri.lastIndexOf('/') + 1);
	}

	private String rawPath() {
		return "/blob-viewer/default/" + objectName();
	}

	private MockHttpServletResponse get(String path) throws IOException, jakarta.servlet.ServletException {
		return get(path, (request) -> {
		});
	}

	private MockHttpServletResponse get(String path, Consumer<MockHttpServletRequest> customizer)
			throws IOException, jakarta.servlet.ServletException {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.setServletPath("/blob-viewer");
		request.setPathInfo(URLDecoder.decode(path.substring("/blob-viewer".length()), StandardCharsets.UTF_8));
		request.setRemoteAddr("127.0.0.1");
		customizer.accept(request);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.servlet.service(request, response);
		return response;
	}

}
