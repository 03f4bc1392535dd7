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

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link Blob}.
 */
class BlobTests {

	@Test
	void copiesTheBytesItIsGivenAndHandsOutCopies() {
		byte[] bytes = "hello".getBytes(StandardCharsets.UTF_8);
		Blob blob = new Blob(bytes, "text/plain", null);
		bytes[0] = 'j';
		assertThat(blob.rawBytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
		blob.rawBytes()[0] = 'j';
		assertThat(blob.rawBytes()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
		assertThat(blob.size()).isEqualTo(5);
	}

	@Test
	void readOnlyViewsExposeTheContentWithoutAllowingWrites() throws Exception {
		Blob blob = new Blob(new byte[] { 1, 2, 3 }, null, null);
		ByteBuffer buffer = blob.asReadOnlyByteBuffer();
		assertThat(buffer.isReadOnly()).isTrue();
		assertThat(buffer.remaining()).isEqualTo(3);
		assertThat(blob.newInputStream().readAllBytes()).containsExactly(1, 2, 3);
	}

	@Test
	void labelsAreCopiedKeptInOrderAndUnmodifiable() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("b", "2");
		labels.put("a", "1");
		Blob blob = new Blob(new byte[] { 1 }, null, labels);
		labels.put("c", "3");
		assertThat(blob.labels()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
		assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> blob.labels().put("x", "y"));
		assertThat(new Blob(new byte[] { 1 }, null, null).labels()).isEmpty();
	}

	@Test
	void nullLabelValuesAreRejectedWithTheKeyNamed() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("trace_id", null);
		assertThatNullPointerException().isThrownBy(() -> new Blob(new byte[] { 1 }, null, labels))
			.withMessageContaining("trace_id");
	}

	@Test
	void declaredContentTypeWinsAndBlankMeansDetect() {
		assertThat(new Blob(SampleContent.png(), "image/x-custom", null).contentType()).isEqualTo("image/x-custom");
		Blob blank = new Blob(SampleContent.png(), "  ", null);
		assertThat(blank.contentType()).isEqualTo("image/png");
		assertThat(blank.hasDeclaredContentType()).isFalse();
	}

	@Test
	void detectsTheContentTypeWhenNoneIsGiven() {
		assertThat(new Blob(SampleContent.pdf(), null, null).contentType()).isEqualTo("application/pdf");
	}

	@Test
	void withLabelsAddsToTheExistingLabelsAndKeepsTheContent() {
		Blob blob = new Blob(new byte[] { 9 }, "application/octet-stream", Map.of("a", "1"));
		Blob labelled = blob.withLabels(Map.of("a", "2", "b", "3"));
		assertThat(labelled.labels()).containsOnly(Map.entry("a", "2"), Map.entry("b", "3"));
		assertThat(labelled.rawBytes()).containsExactly(9);
		assertThat(blob.labels()).containsOnly(Map.entry("a", "1"));
	}

	@Test
	void toStringNeverIncludesTheContent() {
		Blob blob = new Blob("secret prompt text".getBytes(StandardCharsets.UTF_8), "text/plain",
				Map.of("trace_id", "t"));
		assertThat(blob.toString()).doesNotContain("secret").contains("text/plain").contains("size=18");
	}

}
