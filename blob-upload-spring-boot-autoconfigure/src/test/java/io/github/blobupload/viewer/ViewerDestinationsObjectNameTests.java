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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the object names {@link ViewerDestinations} accepts, on their own: the
 * servlet's path guard refuses the same paths first
 * ({@link BlobViewerServletPathGuardTests}), so each layer is tested without the other.
 */
class ViewerDestinationsObjectNameTests {

	@ParameterizedTest
	@ValueSource(strings = { "", ".", "..", ".hidden", "../x.png", "a/b.png", "a\\b.png", "%2e%2e", "a%2fb", "a b.png",
			"a;b.png", "a:b", "é.png" })
	void namesThatAreNotOneSafeSegmentAreRefused(String name) {
		assertThat(ViewerDestinations.isObjectName(name)).isFalse();
		assertThat(destinations().target("chat-input", name)).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "a1b2.png", "9f86d0-x_y.tar.gz", "a..b" })
	void oneSafeSegmentIsAName(String name) {
		assertThat(ViewerDestinations.isObjectName(name)).isTrue();
		assertThat(destinations().target("chat-input", name)).isPresent();
	}

	@Test
	void aNameIsAtMost255Characters() {
		assertThat(ViewerDestinations.isObjectName("x".repeat(255))).isTrue();
		assertThat(ViewerDestinations.isObjectName("x".repeat(256))).isFalse();
	}

	private static ViewerDestinations destinations() {
		Map<String, InMemoryStore> stores = new LinkedHashMap<>();
		stores.put("default", new InMemoryStore("file:///store"));
		stores.put("chat-input", new InMemoryStore("file:///store/chat-input"));
		return ViewerDestinations.of(InMemoryStore.registry(stores).destinations());
	}

}
