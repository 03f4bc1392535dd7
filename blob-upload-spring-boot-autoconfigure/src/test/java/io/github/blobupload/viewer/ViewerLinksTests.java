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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.blobupload.testsupport.InMemoryStore;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ViewerLinks}.
 */
class ViewerLinksTests {

	private final ViewerLinks links = new ViewerLinks(destinations(), "https://ops.example.com/blob-viewer/");

	@Test
	void storageUriBecomesLinkOfItsUseCase() {
		assertThat(this.links.linkFor("s3://bucket/genai/chat-input/ab12.png"))
			.isEqualTo("https://ops.example.com/blob-viewer/chat-input/ab12.png");
		assertThat(this.links.linkFor("s3://bucket/genai/cd34.wav"))
			.isEqualTo("https://ops.example.com/blob-viewer/default/cd34.wav");
	}

	@Test
	void otherUrisAreReturnedUnchanged() {
		for (String uri : new String[] { "/dev/null", "https://example.com/cat.png", "s3://other/genai/ab12.png",
				"s3://bucket/genai/chat-input/../ab12.png", "s3://bucket/genai/chat-input/.hidden",
				"s3://bucket/genai/_index/4bf9/x.json", "s3://bucket/genai/" }) {
			assertThat(this.links.linkFor(uri)).as(uri).isEqualTo(uri);
		}
	}

	@Test
	void baseUrlMustBeAnAbsoluteHttpUrl() {
		for (String bad : new String[] { "ops.example.com/blob-viewer", "/blob-viewer", "ftp://ops/x",
				"https://ops/x?a=b", "https://ops/x#top", "https:// bad" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> ViewerLinks.checkBaseUrl(bad)).as(bad);
		}
		assertThat(ViewerLinks.checkBaseUrl("http://localhost:8080/blob-viewer"))
			.isEqualTo("http://localhost:8080/blob-viewer");
	}

	private static ViewerDestinations destinations() {
		Map<String, InMemoryStore> stores = new LinkedHashMap<>();
		stores.put("default", new InMemoryStore("s3://bucket/genai"));
		stores.put("chat-input", new InMemoryStore("s3://bucket/genai/chat-input"));
		return ViewerDestinations.of(InMemoryStore.registry(stores).destinations());
	}

}
