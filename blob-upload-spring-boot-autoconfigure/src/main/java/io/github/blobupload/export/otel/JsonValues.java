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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.blobupload.internal.JsonTree;
import io.opentelemetry.api.common.Value;

/**
 * Reads JSON text into an OpenTelemetry {@link Value}: the way back of
 * {@link Value#asString()}, for a structured value the export guard rewrote. Reads with
 * {@link JsonTree}, the guard's one JSON reader; objects become key-value lists (in
 * order), arrays arrays, integral numbers longs, other numbers doubles, {@code null} the
 * empty value. Nesting is bounded ({@value #MAX_DEPTH}).
 */
final class JsonValues {

	/** The deepest nesting read. */
	static final int MAX_DEPTH = 64;

	private JsonValues() {
	}

	/**
	 * Parses one JSON value.
	 * @param text the JSON text
	 * @return the value
	 * @throws IllegalArgumentException if the text is not JSON or nests too deep; the
	 * message gives the position, never the content
	 */
	static Value<?> parse(String text) {
		Object tree;
		try {
			tree = JsonTree.parse(text, MAX_DEPTH);
		}
		catch (JsonTree.NotJsonException | JsonTree.TooDeepException ex) {
			throw new IllegalArgumentException(ex.getMessage());
		}
		return value(tree);
	}

	private static Value<?> value(Object node) {
		if (node instanceof JsonTree.Obj object) {
			Map<String, Value<?>> members = new LinkedHashMap<>();
			object.members().forEach((name, member) -> members.put(name, value(member)));
			return Value.of(members);
		}
		if (node instanceof List<?> list) {
			List<Value<?>> items = new ArrayList<>(list.size());
			for (Object item : list) {
				items.add(value(item));
			}
			return Value.of(items);
		}
		if (node instanceof JsonTree.Str string) {
			return Value.of(string.value());
		}
		return literal(((JsonTree.Literal) node).text());
	}

	private static Value<?> literal(String text) {
		switch (text) {
			case "true":
				return Value.of(true);
			case "false":
				return Value.of(false);
			case "null":
				return Value.empty();
			default:
				boolean integral = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
				if (integral) {
					try {
						return Value.of(Long.parseLong(text));
					}
					catch (NumberFormatException ex) {
						// Beyond a long: kept as a double, as JSON readers do.
					}
				}
				return Value.of(Double.parseDouble(text));
		}
	}

}
