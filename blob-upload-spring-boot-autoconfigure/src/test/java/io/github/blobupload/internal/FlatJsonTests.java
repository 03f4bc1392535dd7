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

package io.github.blobupload.internal;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link FlatJson}.
 */
class FlatJsonTests {

	@Test
	void readsStringsIntegersAndOneNestedObject() {
		Map<String, Object> parsed = FlatJson
			.parse(" {\"a\":\"x\\\"\\\\\\/\\n\\u00e9\",\"n\":-42,\"big\":123456789012,\"o\":{\"k\":\"v\"}} ");
		assertThat(parsed).containsEntry("a", "x\"\\/\n\u00e9")
			.containsEntry("n", -42L)
			.containsEntry("big", 123456789012L)
			.containsEntry("o", Map.of("k", "v"));
	}

	@Test
	void readsWhatJsonQuoteWrites() {
		String value = "tab\t \"quote\" back\\slash \u0001 \u2028 é";
		assertThat(FlatJson.parse("{\"k\":" + JsonQuoting.quote(value) + "}")).containsEntry("k", value);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "[]", "{", "{\"a\":1,}", "{\"a\":1}x", "{\"a\":true}", "{\"a\":null}", "{\"a\":1.5}",
			"{\"a\":1e3}", "{\"a\":01}", "{\"a\":[1]}", "{\"a\":1,\"a\":2}", "{a:1}", "{\"a\":\"\\x\"}",
			"{\"a\":\"\\u12\"}", "{\"a\":\"line\nbreak\"}", "{\"a\":{\"b\":{}}}", "{\"a\":12345678901234567890}",
			"{\"a\":\"unterminated}" })
	void refusesAnythingElse(String json) {
		assertThatIllegalArgumentException().isThrownBy(() -> FlatJson.parse(json))
			.withMessageStartingWith("Malformed JSON at offset");
	}

}
