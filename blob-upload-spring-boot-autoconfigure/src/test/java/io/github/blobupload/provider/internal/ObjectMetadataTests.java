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

package io.github.blobupload.provider.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObjectMetadata}.
 */
class ObjectMetadataTests {

	@Test
	void keysBecomeLowerCaseIdentifiers() {
		assertThat(ObjectMetadata.key("trace_id")).isEqualTo("trace_id");
		assertThat(ObjectMetadata.key("Model-Name")).isEqualTo("model_name");
		assertThat(ObjectMetadata.key("gen_ai.system")).isEqualTo("gen_ai_system");
		assertThat(ObjectMetadata.key("1st")).isEqualTo("_1st");
		assertThat(ObjectMetadata.key("")).isEqualTo("_");
		assertThat(ObjectMetadata.key("ключ")).isEqualTo("____");
		assertThat(ObjectMetadata.key("k".repeat(100))).hasSize(ObjectMetadata.MAX_KEY_LENGTH);
	}

	@Test
	void valuesBecomePrintableAsciiAndCanBeDecoded() {
		assertThat(ObjectMetadata.value("span")).isEqualTo("span");
		assertThat(ObjectMetadata.value("café")).isEqualTo("caf%C3%A9");
		assertThat(ObjectMetadata.value("100%")).isEqualTo("100%25");
		assertThat(ObjectMetadata.value("a\nb")).isEqualTo("a%0Ab");
		assertThat(ObjectMetadata.value("  padded ")).isEqualTo("padded");
		assertThat(ObjectMetadata.value("😀")).isEqualTo("%F0%9F%98%80");
		assertThat(
				java.net.URLDecoder.decode(ObjectMetadata.value("café 100%"), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("café 100%");
	}

	@Test
	void validLabelsAreKeptAsTheyAre() {
		assertThat(ObjectMetadata.fromLabels(Map.of("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"),
				ObjectMetadata.GCS_MAX_TOTAL_BYTES))
			.containsExactly(Map.entry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"));
	}

	@Test
	void noValueCanSplitAHeader() {
		assertThat(ObjectMetadata.fromLabels(Map.of("k", "a\r\nX-Injected: 1\tb"), ObjectMetadata.GCS_MAX_TOTAL_BYTES))
			.containsExactly(Map.entry("k", "a%0D%0AX-Injected: 1%09b"));
	}

	@ParameterizedTest(name = "total of {0} bytes")
	@ValueSource(ints = { ObjectMetadata.S3_MAX_TOTAL_BYTES, ObjectMetadata.AZURE_MAX_TOTAL_BYTES,
			ObjectMetadata.GCS_MAX_TOTAL_BYTES })
	void longKeysAndValuesAreCutAndTheStoresTotalIsKept(int maxTotalBytes) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("k".repeat(500), "v".repeat(5000));
		for (int i = 0; i < 20; i++) {
			labels.put("label" + i, "x".repeat(1000));
		}
		Map<String, String> metadata = ObjectMetadata.fromLabels(labels, maxTotalBytes);
		assertThat(metadata.keySet().iterator().next()).hasSize(ObjectMetadata.MAX_KEY_LENGTH);
		assertThat(metadata.values().iterator().next()).hasSize(ObjectMetadata.MAX_VALUE_LENGTH);
		int total = metadata.entrySet().stream().mapToInt((e) -> e.getKey().length() + e.getValue().length()).sum();
		assertThat(total).isLessThanOrEqualTo(maxTotalBytes);
		assertThat(metadata).as("labels left out").hasSizeBetween(2, labels.size() - 1);
	}

	@Test
	void firstLabelWinsWhenKeysCollideAndTheTotalStaysWithinTheLimit() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("Model-Name", "a");
		labels.put("model_name", "b");
		labels.put("big", "x".repeat(300));
		labels.put("small", "y");
		Map<String, String> metadata = ObjectMetadata.fromLabels(labels, 200);
		assertThat(metadata).containsExactly(Map.entry("model_name", "a"), Map.entry("small", "y"));
	}

	@Test
	void labelsReadBackDecodeWhatWasEncoded() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("model", "café-gpt 100%");
		labels.put("trace_id", "0af7651916cd43dd8448eb211c80319c");
		labels.put("emoji", "a\uD83D\uDE00b");
		Map<String, String> metadata = ObjectMetadata.fromLabels(labels, ObjectMetadata.AZURE_MAX_TOTAL_BYTES);
		assertThat(ObjectMetadata.toLabels(metadata)).isEqualTo(labels);
	}

	@Test
	void malformedEscapesInStoredMetadataAreKeptAsTheyAre() {
		assertThat(ObjectMetadata.toLabels(Map.of("Key", "50%-%zz-%4"))).containsEntry("key", "50%-%zz-%4");
	}

}
