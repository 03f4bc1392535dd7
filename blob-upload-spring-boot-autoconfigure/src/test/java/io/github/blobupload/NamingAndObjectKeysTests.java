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

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;

import io.github.blobupload.provider.ObjectKeys;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobNamingStrategies} and {@link ObjectKeys}.
 */
class NamingAndObjectKeysTests {

	@Test
	void contentAddressedNamesAreTheSha256PlusTheExtension() throws Exception {
		byte[] png = SampleContent.png();
		String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(png));
		assertThat(BlobNamingStrategies.contentAddressed().objectName(new Blob(png, "image/png", null)))
			.isEqualTo(expectedHash + ".png");
	}

	@Test
	void sameBytesGiveTheSameNameWhateverTheLabels() {
		BlobNamingStrategy naming = BlobNamingStrategies.contentAddressed();
		byte[] bytes = "same".getBytes(StandardCharsets.UTF_8);
		assertThat(naming.objectName(new Blob(bytes, "text/plain", Map.of("trace_id", "a"))))
			.isEqualTo(naming.objectName(new Blob(bytes, "text/plain", Map.of("trace_id", "b"))))
			.isNotEqualTo(naming.objectName(new Blob("other".getBytes(StandardCharsets.UTF_8), "text/plain", null)));
	}

	@Test
	void uuidNamesAreRandomAndKeepTheExtension() {
		Blob blob = new Blob(SampleContent.pdf(), null, null);
		String first = BlobNamingStrategies.uuid().objectName(blob);
		assertThat(first).matches("[0-9a-f-]{36}\\.pdf");
		assertThat(BlobNamingStrategies.uuid().objectName(blob)).isNotEqualTo(first);
	}

	@Test
	void unknownContentGetsNoExtension() {
		assertThat(BlobNamingStrategies.contentAddressed().objectName(new Blob(SampleContent.unknown(), null, null)))
			.matches("[0-9a-f]{64}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "../../etc/passwd", "a/b\\c", "..", ".", ".hidden", "tab\there", "new\nline", "nul\0byte",
			"ümlaut", "spaces and %2F", "" })
	void safeSegmentsHoldOnlySafeCharactersAndNeverTraverse(String raw) {
		String safe = ObjectKeys.safeSegment(raw);
		assertThat(safe).matches("[A-Za-z0-9_][A-Za-z0-9._-]*").doesNotContain("/");
		assertThat(ObjectKeys.isSafePath(safe)).isTrue();
	}

	@Test
	void safeSegmentsKeepSafeNamesAndCutLongOnes() {
		assertThat(ObjectKeys.safeSegment("chat.input")).isEqualTo("chat.input");
		assertThat(ObjectKeys.safeSegment("../x")).isEqualTo("_._x");
		assertThat(ObjectKeys.safeSegment("x".repeat(500))).hasSize(ObjectKeys.MAX_SEGMENT_LENGTH);
	}

	@Test
	void safePathsRejectTraversalAndEmptySegments() {
		assertThat(ObjectKeys.isSafePath("genai/chat-input/abc.png")).isTrue();
		assertThat(ObjectKeys.isSafePath("")).isTrue();
		assertThat(ObjectKeys.isSafePath("a/../b")).isFalse();
		assertThat(ObjectKeys.isSafePath("/abs")).isFalse();
		assertThat(ObjectKeys.isSafePath("a//b")).isFalse();
		assertThat(ObjectKeys.isSafePath("a/b c")).isFalse();
	}

	@Test
	void safeNamesAreOneSegmentOfSafeCharactersNotStartingWithADot() {
		assertThat(BlobNamingStrategy.isSafeName("abc_inputs.json")).isTrue();
		assertThat(BlobNamingStrategy.isSafeName("a..b-C_9")).isTrue();
		assertThat(BlobNamingStrategy.isSafeName("x".repeat(255))).isTrue();
		assertThat(BlobNamingStrategy.isSafeName("x".repeat(256))).isFalse();
		assertThat(BlobNamingStrategy.isSafeName("")).isFalse();
		assertThat(BlobNamingStrategy.isSafeName(".")).isFalse();
		assertThat(BlobNamingStrategy.isSafeName("..")).isFalse();
		assertThat(BlobNamingStrategy.isSafeName(".hidden")).isFalse();
		assertThat(BlobNamingStrategy.isSafeName("a/b")).isFalse();
		assertThat(BlobNamingStrategy.isSafeName("a\\b")).isFalse();
		assertThat(BlobNamingStrategy.isSafeName("a b")).isFalse();
		assertThat(BlobNamingStrategy.isSafeName("ümlaut")).isFalse();
	}

	@Test
	void joinSkipsEmptyParts() {
		assertThat(ObjectKeys.join("", "traces", null, "abc.png")).isEqualTo("traces/abc.png");
	}

	@Test
	void requestedNameWinsWhenGivenElseTheFallbackNames() {
		BlobNamingStrategy naming = BlobNamingStrategies.requestedNameOr(BlobNamingStrategies.contentAddressed());
		Blob plain = new Blob("{}".getBytes(StandardCharsets.UTF_8), "application/json", null);

		assertThat(naming.objectName(plain.withLabels(Map.of(BlobLabels.OBJECT_NAME, "abc_inputs.json"))))
			.isEqualTo("abc_inputs.json");
		assertThat(naming.objectName(plain)).isEqualTo(BlobNamingStrategies.contentAddressed().objectName(plain));
		assertThat(naming.objectName(plain.withLabels(Map.of(BlobLabels.OBJECT_NAME, " "))))
			.isEqualTo(BlobNamingStrategies.contentAddressed().objectName(plain));
	}

}
