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

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TracePage}.
 */
class TracePageTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	@Test
	void eachSpanShowsTheServiceThatRecordedIt() {
		String page = render(blob("a.png", "00f067aa0ba902b7", "chat-api"), blob("b.png", "10f067aa0ba902b7", "ingest"),
				blob("c.png", "20f067aa0ba902b7", null));
		assertThat(page).contains("chat-api · 1 media file", "ingest · 1 media file", "unknown service · 1 media file",
				"from chat-api, ingest, unknown service", "Recorded by 3 services");
	}

	@Test
	void oneServiceNeedsNoWarning() {
		String page = render(blob("a.png", "00f067aa0ba902b7", "chat-api"),
				blob("b.png", "10f067aa0ba902b7", "chat-api"));
		assertThat(page).contains("2 media files in 2 spans from chat-api").doesNotContain("Recorded by");
	}

	@Test
	void serviceNamesAreEscaped() {
		assertThat(render(blob("a.png", "00f067aa0ba902b7", "<b>x</b>"))).doesNotContain("<b>x</b>")
			.contains("&lt;b&gt;x&lt;/b&gt;");
	}

	private static String render(IndexedBlob... blobs) {
		return TracePage.render("/blob-viewer", TRACE, List.of(blobs), (uri) -> Optional.empty());
	}

	private static IndexedBlob blob(String name, String span, String service) {
		return new IndexedBlob("s3://b/p/" + name, "default", "image/png", 10, TRACE, span, Map.of(), Instant.EPOCH,
				service);
	}

}
