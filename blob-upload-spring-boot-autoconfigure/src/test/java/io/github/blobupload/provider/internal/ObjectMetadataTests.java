package io.github.blobupload.provider.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

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
		assertThat(java.net.URLDecoder.decode(ObjectMetadata.value("café 100%"), java.nio.charset.StandardCharsets.UTF_8))
			.isEqualTo("café 100%");
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

}
