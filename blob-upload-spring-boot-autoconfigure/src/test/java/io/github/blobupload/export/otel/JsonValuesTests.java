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

package io.github.blobupload.export.otel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.opentelemetry.api.common.Value;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link JsonValues}.
 */
class JsonValuesTests {

	@Test
	void readsBackWhatValueAsStringWrites() {
		Map<String, Value<?>> object = new LinkedHashMap<>();
		object.put("text", Value.of("quote \" backslash \\ newline \n tab \t control \u0001 é 😀"));
		object.put("long", Value.of(-42L));
		object.put("double", Value.of(1.5));
		object.put("exponent", Value.of(1.0E300));
		object.put("true", Value.of(true));
		object.put("false", Value.of(false));
		object.put("empty", Value.empty());
		object.put("list", Value.of(List.of(Value.of(1L), Value.of(List.of()), Value.of(Map.of()))));
		Value<?> value = Value.of(object);
		assertThat(JsonValues.parse(value.asString())).isEqualTo(value);
	}

	@Test
	void readsWhitespaceAndEscapes() {
		assertThat(JsonValues.parse(" [ \"a\\u0041\\/\" , 12345678901234567890 ] "))
			.isEqualTo(Value.of(List.of(Value.of("aA/"), Value.of(1.2345678901234567E19))));
	}

	@Test
	void refusesWhatIsNotJson() {
		assertThatIllegalArgumentException().isThrownBy(() -> JsonValues.parse("/dev/null"));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonValues.parse("{\"a\":1"));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonValues.parse("[1] x"));
		assertThatIllegalArgumentException().isThrownBy(() -> JsonValues.parse("\"\\x\""))
			.withMessageNotContaining("x\"");
	}

	@Test
	void refusesNestingDeeperThanTheBound() {
		String deep = "[".repeat(JsonValues.MAX_DEPTH + 2) + "]".repeat(JsonValues.MAX_DEPTH + 2);
		assertThatIllegalArgumentException().isThrownBy(() -> JsonValues.parse(deep)).withMessageContaining("deeper");
		String ok = "[".repeat(JsonValues.MAX_DEPTH) + "]".repeat(JsonValues.MAX_DEPTH);
		assertThat(JsonValues.parse(ok)).isNotNull();
	}

}
