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

import io.opentelemetry.api.common.Value;

/**
 * Reads JSON text into an OpenTelemetry {@link Value}: the way back of
 * {@link Value#asString()}, for a structured value the export guard rewrote. Objects
 * become key-value lists (in order), arrays arrays, integral numbers longs, other numbers
 * doubles, {@code null} the empty value. Nesting is bounded ({@value #MAX_DEPTH}).
 */
final class JsonValues {

	/** The deepest nesting read. */
	static final int MAX_DEPTH = 64;

	private final String text;

	private int position;

	private JsonValues(String text) {
		this.text = text;
	}

	/**
	 * Parses one JSON value.
	 * @param text the JSON text
	 * @return the value
	 * @throws IllegalArgumentException if the text is not JSON or nests too deep; the
	 * message gives the position, never the content
	 */
	static Value<?> parse(String text) {
		JsonValues parser = new JsonValues(text);
		Value<?> value = parser.value(0);
		parser.skipWhitespace();
		if (parser.position != text.length()) {
			throw parser.error("text after the value");
		}
		return value;
	}

	private Value<?> value(int depth) {
		if (depth > MAX_DEPTH) {
			throw error("nested deeper than " + MAX_DEPTH);
		}
		skipWhitespace();
		char next = peek();
		switch (next) {
			case '{':
				return object(depth);
			case '[':
				return array(depth);
			case '"':
				return Value.of(string());
			case 't':
				literal("true");
				return Value.of(true);
			case 'f':
				literal("false");
				return Value.of(false);
			case 'n':
				literal("null");
				return Value.empty();
			default:
				return number();
		}
	}

	private Value<?> object(int depth) {
		this.position++;
		Map<String, Value<?>> members = new LinkedHashMap<>();
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return Value.of(members);
		}
		while (true) {
			skipWhitespace();
			String key = string();
			skipWhitespace();
			expect(':');
			members.put(key, value(depth + 1));
			skipWhitespace();
			if (peek() == ',') {
				this.position++;
				continue;
			}
			expect('}');
			return Value.of(members);
		}
	}

	private Value<?> array(int depth) {
		this.position++;
		List<Value<?>> items = new ArrayList<>();
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return Value.of(items);
		}
		while (true) {
			items.add(value(depth + 1));
			skipWhitespace();
			if (peek() == ',') {
				this.position++;
				continue;
			}
			expect(']');
			return Value.of(items);
		}
	}

	private String string() {
		expect('"');
		StringBuilder result = null;
		int start = this.position;
		while (true) {
			if (this.position >= this.text.length()) {
				throw error("unterminated string");
			}
			char c = this.text.charAt(this.position);
			if (c == '"') {
				String tail = this.text.substring(start, this.position++);
				return (result != null) ? result.append(tail).toString() : tail;
			}
			if (c == '\\') {
				if (result == null) {
					result = new StringBuilder();
				}
				result.append(this.text, start, this.position);
				this.position++;
				result.append(escape());
				start = this.position;
				continue;
			}
			if (c < 0x20) {
				throw error("control character in a string");
			}
			this.position++;
		}
	}

	private char escape() {
		char c = peek();
		this.position++;
		switch (c) {
			case '"':
			case '\\':
			case '/':
				return c;
			case 'b':
				return '\b';
			case 'f':
				return '\f';
			case 'n':
				return '\n';
			case 'r':
				return '\r';
			case 't':
				return '\t';
			case 'u':
				if (this.position + 4 > this.text.length()) {
					throw error("short unicode escape");
				}
				try {
					char unicode = (char) Integer.parseInt(this.text.substring(this.position, this.position + 4), 16);
					this.position += 4;
					return unicode;
				}
				catch (NumberFormatException ex) {
					throw error("bad unicode escape");
				}
			default:
				throw error("bad escape");
		}
	}

	private Value<?> number() {
		int start = this.position;
		boolean integral = true;
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c == '.' || c == 'e' || c == 'E') {
				integral = false;
			}
			else if (!(c == '-' || c == '+' || (c >= '0' && c <= '9'))) {
				break;
			}
			this.position++;
		}
		String number = this.text.substring(start, this.position);
		try {
			if (integral) {
				try {
					return Value.of(Long.parseLong(number));
				}
				catch (NumberFormatException ex) {
					// Beyond a long: kept as a double, as JSON readers do.
				}
			}
			return Value.of(Double.parseDouble(number));
		}
		catch (NumberFormatException ex) {
			throw error("not a JSON value");
		}
	}

	private void literal(String literal) {
		if (!this.text.startsWith(literal, this.position)) {
			throw error("not a JSON value");
		}
		this.position += literal.length();
	}

	private void expect(char c) {
		if (peek() != c) {
			throw error("'" + c + "' expected");
		}
		this.position++;
	}

	private char peek() {
		if (this.position >= this.text.length()) {
			throw error("unexpected end");
		}
		return this.text.charAt(this.position);
	}

	private void skipWhitespace() {
		while (this.position < this.text.length() && Character.isWhitespace(this.text.charAt(this.position))) {
			this.position++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("Not JSON at position " + this.position + ": " + what);
	}

}
