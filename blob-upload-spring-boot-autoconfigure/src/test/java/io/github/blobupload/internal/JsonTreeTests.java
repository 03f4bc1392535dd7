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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link JsonTree}.
 */
class JsonTreeTests {

	@Test
	void objectsKnowWhereTheyAreInTheText() {
		String text = " [ {\"type\":\"blob\",\"n\":-1.5e3,\"ok\":true} , {\"x\":null} ] ";
		List<?> array = (List<?>) JsonTree.parse(text, 8);
		JsonTree.Obj first = (JsonTree.Obj) array.get(0);
		assertThat(text.substring(first.start(), first.end()))
			.isEqualTo("{\"type\":\"blob\",\"n\":-1.5e3,\"ok\":true}");
		assertThat(first.string("type")).isEqualTo("blob");
		assertThat(first.members().get("n")).isEqualTo(new JsonTree.Literal("-1.5e3"));
		assertThat(first.string("n")).isNull();
	}

	@Test
	void escapesAreReadAfterAnUnescapedString() {
		JsonTree.Obj object = (JsonTree.Obj) JsonTree
			.parse("{\"a\":\"plain\",\"b\":\"q\\\"u\\\\o\\/te \\u00e9\\n\",\"c\":\"after\"}", 4);
		assertThat(object.string("a")).isEqualTo("plain");
		assertThat(object.string("b")).isEqualTo("q\"u\\o/te \u00e9\n");
		assertThat(object.string("c")).isEqualTo("after");
	}

	@Test
	void whatIsNotOneJsonValueIsRefused() {
		for (String text : List.of("[", "{\"a\":1,}", "{\"a\" 1}", "[1] x", "\"open", "[tru]", "{'a':1}", "")) {
			assertThatExceptionOfType(JsonTree.NotJsonException.class).as(text)
				.isThrownBy(() -> JsonTree.parse(text, 8));
		}
	}

	@Test
	void nestingDeeperThanAllowedIsRefused() {
		assertThat(JsonTree.parse("[[[1]]]", 3)).isInstanceOf(List.class);
		assertThatExceptionOfType(JsonTree.TooDeepException.class).isThrownBy(() -> JsonTree.parse("[[[[1]]]]", 3));
	}

}
