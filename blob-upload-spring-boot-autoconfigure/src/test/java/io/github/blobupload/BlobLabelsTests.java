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

package io.github.blobupload;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link BlobLabels}.
 */
class BlobLabelsTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	@Test
	void spanLabelsTieTheBlobToItsTraceAndSpan() {
		assertThat(BlobLabels.forSpan(TRACE, SPAN)).containsExactly(Map.entry("otel_type", "span"),
				Map.entry("trace_id", TRACE), Map.entry("span_id", SPAN));
	}

	@Test
	void eventLabelsAddTheEventName() {
		assertThat(BlobLabels.forEvent(TRACE, SPAN, "gen_ai.client.inference.operation.details"))
			.containsEntry("otel_type", "event")
			.containsEntry("event_name", "gen_ai.client.inference.operation.details")
			.containsEntry("trace_id", TRACE);
	}

	@Test
	void spanEventLabelsAddTheEventNameAndIndex() {
		assertThat(BlobLabels.forSpanEvent(TRACE, SPAN, "gen_ai.content.prompt", 3)).containsExactly(
				Map.entry("otel_type", "span_event"), Map.entry("trace_id", TRACE), Map.entry("span_id", SPAN),
				Map.entry("event_name", "gen_ai.content.prompt"), Map.entry("event_index", "3"));
	}

	@Test
	void labelsCanBeExtendedAndUsedOnABlob() {
		Map<String, String> labels = BlobLabels.forSpan(TRACE, SPAN);
		labels.put("gen_ai.message.index", "0");
		assertThat(new Blob(new byte[] { 1 }, null, labels).labels()).hasSize(4);
	}

	@Test
	void rejectsANegativeEventIndex() {
		assertThatIllegalArgumentException().isThrownBy(() -> BlobLabels.forSpanEvent(TRACE, SPAN, "e", -1))
			.withMessage("eventIndex must not be negative but was -1");
	}

}
