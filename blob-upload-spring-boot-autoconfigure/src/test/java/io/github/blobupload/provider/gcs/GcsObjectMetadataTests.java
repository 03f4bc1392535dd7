package io.github.blobupload.provider.gcs;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

class GcsObjectMetadataTests {

	@Test
	void keepsValidLabelsAsTheyAre() {
		assertThat(GcsObjectMetadata.fromLabels(Map.of("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")))
			.containsExactly(entry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736"));
	}

	@Test
	void lowerCasesKeysAndReplacesCharactersHeadersCannotCarry() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("Event Name", "gen_ai.choice");
		labels.put("x/../y:ü", "v");
		labels.put("", "empty key");
		assertThat(GcsObjectMetadata.fromLabels(labels)).containsExactly(entry("event_name", "gen_ai.choice"),
				entry("x____y__", "v"), entry("_", "empty key"));
	}

	@Test
	void firstLabelWinsWhenTwoKeysCollideAfterSanitising() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("Trace_Id", "first");
		labels.put("trace_id", "second");
		assertThat(GcsObjectMetadata.fromLabels(labels)).containsExactly(entry("trace_id", "first"));
	}

	@Test
	void replacesControlCharactersInValuesSoNoHeaderCanBeSplit() {
		assertThat(GcsObjectMetadata.fromLabels(Map.of("k", "a\r\nX-Injected: 1\tb"))).containsExactly(
				entry("k", "a  X-Injected: 1 b"));
	}

	@Test
	void cutsLongKeysAndValuesAndKeepsTheTotalUnderTheStoreLimit() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("k".repeat(500), "v".repeat(5000));
		for (int i = 0; i < 20; i++) {
			labels.put("label" + i, "x".repeat(1000));
		}
		Map<String, String> metadata = GcsObjectMetadata.fromLabels(labels);
		assertThat(metadata.keySet().iterator().next()).hasSize(GcsObjectMetadata.MAX_KEY_LENGTH);
		assertThat(metadata.values().iterator().next()).hasSize(GcsObjectMetadata.MAX_VALUE_LENGTH);
		int total = metadata.entrySet().stream().mapToInt((e) -> e.getKey().length() + e.getValue().length()).sum();
		assertThat(total).isLessThanOrEqualTo(GcsObjectMetadata.MAX_TOTAL_BYTES);
		assertThat(metadata).hasSizeBetween(2, 8);
	}

}
