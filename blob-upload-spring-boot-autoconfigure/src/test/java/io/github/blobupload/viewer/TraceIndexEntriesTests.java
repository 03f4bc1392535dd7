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

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.blobupload.provider.ObjectKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TraceIndexEntries}.
 */
class TraceIndexEntriesTests {

	private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";

	private static final String SPAN = "b7ad6b7169203331";

	@Test
	void anEntryReadsBackAsWritten() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("trace_id", TRACE);
		labels.put("note", "<script>alert(\"1\")</script>\n");
		IndexedBlob blob = new IndexedBlob("s3://b/p/abc.png", "chat-input", "image/png", 2048, TRACE, SPAN, labels,
				Instant.parse("2026-01-02T03:04:05.678Z"));
		String json = new String(TraceIndexEntries.toJson(blob), StandardCharsets.UTF_8);
		assertThat(TraceIndexEntries.parse(json)).isEqualTo(blob);
	}

	@Test
	void anEntryWithoutSpanReadsBackWithoutSpan() {
		IndexedBlob blob = new IndexedBlob("s3://b/p/abc.png", "default", "image/png", 1, TRACE, null, Map.of(),
				Instant.EPOCH);
		assertThat(TraceIndexEntries.parse(new String(TraceIndexEntries.toJson(blob), StandardCharsets.UTF_8)))
			.isEqualTo(blob);
	}

	@Test
	void anEntryKeepsTheServiceThatRecordedIt() {
		IndexedBlob blob = new IndexedBlob("s3://b/p/abc.png", "default", "image/png", 1, TRACE, SPAN, Map.of(),
				Instant.EPOCH, "chat-api");
		String json = new String(TraceIndexEntries.toJson(blob), StandardCharsets.UTF_8);
		assertThat(json).contains("\"service\":\"chat-api\"");
		assertThat(TraceIndexEntries.parse(json)).isEqualTo(blob);
	}

	@Test
	void anEntryWrittenBeforeOriginsReadsWithUnknownService() {
		// As the writer of the previous release wrote it, byte for byte.
		String json = "{\"v\":1,\"uri\":\"s3://b/p/abc.png\",\"useCase\":\"default\",\"contentType\":\"image/png\","
				+ "\"size\":1,\"traceId\":\"" + TRACE + "\",\"spanId\":\"" + SPAN + "\","
				+ "\"recordedAt\":\"1970-01-01T00:00:00Z\",\"labels\":{}}";
		IndexedBlob blob = TraceIndexEntries.parse(json);
		assertThat(blob.service()).isNull();
		assertThat(blob.spanId()).isEqualTo(SPAN);
	}

	@Test
	void serviceIsCutAndBlankIsNone() {
		assertThat(TraceIndexEntries.service(" chat-api ")).isEqualTo("chat-api");
		assertThat(TraceIndexEntries.service("  ")).isNull();
		assertThat(TraceIndexEntries.service(null)).isNull();
		assertThat(TraceIndexEntries.service("s".repeat(500))).hasSize(TraceIndexEntries.MAX_SERVICE_LENGTH);
	}

	@Test
	void idsAreHexOfTheRightLengthAndNotAllZero() {
		assertThat(TraceIndexEntries.traceId(TRACE.toUpperCase())).isEqualTo(TRACE);
		assertThat(TraceIndexEntries.traceId("0".repeat(32))).isNull();
		assertThat(TraceIndexEntries.traceId(TRACE + "0")).isNull();
		assertThat(TraceIndexEntries.traceId("../" + TRACE.substring(3))).isNull();
		assertThat(TraceIndexEntries.traceId(null)).isNull();
		assertThat(TraceIndexEntries.spanId(SPAN)).isEqualTo(SPAN);
		assertThat(TraceIndexEntries.spanId("g7ad6b7169203331")).isNull();
	}

	@Test
	void entryNamesAreSafeWhateverTheObjectName() {
		String uri = TraceIndexEntries.entryUri("s3://b/p/", TRACE, SPAN, "s3://b/p/ab c/../" + "x".repeat(300));
		assertThat(uri).startsWith("s3://b/p/_index/" + TRACE + "/" + SPAN + "-").endsWith(".json");
		assertThat(ObjectKeys.isSafePath(uri.substring("s3://b/p/".length()))).isTrue();
		assertThat(TraceIndexEntries.entryName(null, "s3://b/p/abc.png")).isEqualTo("nospan-abc.png.json");
	}

	@Test
	void labelsAreBoundedInNumberAndLength() {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < 100; i++) {
			labels.put("k" + i + "x".repeat(100), "v".repeat(10_000));
		}
		Map<String, String> bounded = TraceIndexEntries.boundedLabels(labels);
		assertThat(bounded).hasSize(TraceIndexEntries.MAX_LABELS);
		assertThat(bounded.keySet()).allMatch((key) -> key.length() <= TraceIndexEntries.MAX_LABEL_KEY_LENGTH);
		assertThat(bounded.values()).allMatch((value) -> value.length() <= TraceIndexEntries.MAX_LABEL_VALUE_LENGTH);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{}",
			"{\"v\":2,\"uri\":\"u\",\"useCase\":\"d\",\"contentType\":\"t\",\"size\":1,"
					+ "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"recordedAt\":\"1970-01-01T00:00:00Z\"}",
			"{\"v\":1,\"uri\":\"u\",\"useCase\":\"d\",\"contentType\":\"t\",\"size\":-1,"
					+ "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"recordedAt\":\"1970-01-01T00:00:00Z\"}",
			"{\"v\":1,\"uri\":\"u\",\"useCase\":\"d\",\"contentType\":\"t\",\"size\":1,"
					+ "\"traceId\":\"../etc\",\"recordedAt\":\"1970-01-01T00:00:00Z\"}",
			"{\"v\":1,\"uri\":\"u\",\"useCase\":\"d\",\"contentType\":\"t\",\"size\":1,"
					+ "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"recordedAt\":\"yesterday\"}",
			"{\"v\":1,\"uri\":\"u\",\"useCase\":\"d\",\"contentType\":\"t\",\"size\":1,\"spanId\":\"x\","
					+ "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"recordedAt\":\"1970-01-01T00:00:00Z\"}",
			"{\"v\":1,\"uri\":\"u\",\"useCase\":\"d\",\"contentType\":\"t\",\"size\":1,\"labels\":{\"a\":{}},"
					+ "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"recordedAt\":\"1970-01-01T00:00:00Z\"}",
			"{\"v\":1,\"uri\":\"u\",\"useCase\":\"d\",\"contentType\":\"t\",\"size\":1,\"service\":7,"
					+ "\"traceId\":\"0af7651916cd43dd8448eb211c80319c\",\"recordedAt\":\"1970-01-01T00:00:00Z\"}",
			"not json" })
	void malformedEntriesAreRefused(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> TraceIndexEntries.parse(json));
	}

}
