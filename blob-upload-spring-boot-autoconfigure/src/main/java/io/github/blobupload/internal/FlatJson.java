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

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small, strict reader for the flat JSON objects the core writes with {@link Json}
 * (sidecars, trace-index entries), so the core needs no JSON library: one object whose
 * values are strings, integers or objects of the same kind, nested at most
 * {@value #MAX_DEPTH} deep. Arrays, fractions, {@code true}, {@code false}, {@code null},
 * duplicate keys and anything after the object are refused.
 */
public final class FlatJson {

	/** The deepest nesting of objects accepted, the outer one included. */
	public static final int MAX_DEPTH = 2;

	private final String text;

	private int position;

	private FlatJson(String text) {
		this.text = text;
	}

	/**
	 * Parses an object.
	 * @param text the JSON text
	 * @return its members in order: {@link String}, {@link Long} or nested {@link Map}
	 * values; unmodifiable
	 * @throws IllegalArgumentException if the text is not such an object; the message
	 * gives the position, never the content
	 */
	public static Map<String, Object> parse(String text) {
		FlatJson parser = new FlatJson(text);
		parser.skipWhitespace();
		Map<String, Object> result = parser.object(1);
		parser.skipWhitespace();
		if (parser.position != text.length()) {
			throw parser.error("text after the object");
		}
		return result;
	}

	private Map<String, Object> object(int depth) {
		expect('{');
		Map<String, Object> members = new LinkedHashMap<>();
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return Collections.unmodifiableMap(members);
		}
		while (true) {
			skipWhitespace();
			String key = string();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			Object value = value(depth);
			if (members.putIfAbsent(key, value) != null) {
				throw error("duplicate key");
			}
			skipWhitespace();
			char next = next();
			if (next == '}') {
				return Collections.unmodifiableMap(members);
			}
			if (next != ',') {
				throw error("',' or '}' expected");
			}
		}
	}

	private Object value(int depth) {
		char c = peek();
		if (c == '"') {
			return string();
		}
		if (c == '{') {
			if (depth >= MAX_DEPTH) {
				throw error("objects nested too deep");
			}
			return object(depth + 1);
		}
		if (c == '-' || (c >= '0' && c <= '9')) {
			return integer();
		}
		throw error("a string, an integer or an object expected");
	}

	private String string() {
		expect('"');
		StringBuilder value = new StringBuilder();
		while (true) {
			char c = next();
			if (c == '"') {
				return value.toString();
			}
			if (c < 0x20) {
				throw error("control character in a string");
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			char escape = next();
			switch (escape) {
				case '"', '\\', '/' -> value.append(escape);
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'u' -> value.append(unicodeEscape());
				default -> throw error("invalid escape");
			}
		}
	}

	private char unicodeEscape() {
		if (this.position + 4 > this.text.length()) {
			throw error("truncated \\u escape");
		}
		int code = 0;
		for (int i = 0; i < 4; i++) {
			int digit = Character.digit(this.text.charAt(this.position++), 16);
			if (digit < 0) {
				throw error("invalid \\u escape");
			}
			code = (code << 4) | digit;
		}
		return (char) code;
	}

	private Long integer() {
		int start = this.position;
		if (peek() == '-') {
			this.position++;
		}
		int digits = this.position;
		while (this.position < this.text.length() && this.text.charAt(this.position) >= '0'
				&& this.text.charAt(this.position) <= '9') {
			this.position++;
		}
		int count = this.position - digits;
		if (count == 0 || count > 18 || (count > 1 && this.text.charAt(digits) == '0')) {
			throw error("invalid integer");
		}
		char after = peek();
		if (after == '.' || after == 'e' || after == 'E') {
			throw error("only integers are accepted");
		}
		return Long.parseLong(this.text, start, this.position, 10);
	}

	private void expect(char expected) {
		if (next() != expected) {
			throw error("'" + expected + "' expected");
		}
	}

	private char next() {
		if (this.position >= this.text.length()) {
			throw error("unexpected end");
		}
		return this.text.charAt(this.position++);
	}

	private char peek() {
		return (this.position < this.text.length()) ? this.text.charAt(this.position) : '\0';
	}

	private void skipWhitespace() {
		while (this.position < this.text.length()) {
			char c = this.text.charAt(this.position);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
				return;
			}
			this.position++;
		}
	}

	private IllegalArgumentException error(String what) {
		return new IllegalArgumentException("Malformed JSON at offset " + this.position + ": " + what);
	}

}
