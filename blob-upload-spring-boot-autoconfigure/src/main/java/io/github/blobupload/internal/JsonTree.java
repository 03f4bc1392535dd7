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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A bounded reader of JSON text that keeps, for each object, where it starts and ends in
 * the text, so that a rewrite replaces only the objects it changes and copies the rest as
 * it was. Objects are {@link Obj}, arrays {@link List}, strings {@link Str}; numbers,
 * {@code true}, {@code false} and {@code null} are {@link Literal}. Refuses anything that
 * is not one JSON value ({@link NotJsonException}) or nests deeper than asked
 * ({@link TooDeepException}); messages give the position, never the content. Lenient in
 * one way only: control characters inside strings without escapes are taken as they are.
 */
public final class JsonTree {

	private final String text;

	private final int maxDepth;

	private int position;

	/** Where the next backslash is, from where it was last looked for. */
	private int nextBackslash = -1;

	private JsonTree(String text, int maxDepth) {
		this.text = text;
		this.maxDepth = maxDepth;
	}

	/**
	 * Reads one JSON value.
	 * @param text the text
	 * @param maxDepth the deepest nesting of objects and arrays accepted
	 * @return the value
	 * @throws NotJsonException if the text is not one JSON value
	 * @throws TooDeepException if it nests deeper than {@code maxDepth}
	 */
	public static Object parse(String text, int maxDepth) {
		JsonTree reader = new JsonTree(text, maxDepth);
		reader.skipWhitespace();
		Object value = reader.value(0);
		reader.skipWhitespace();
		if (reader.position != text.length()) {
			throw reader.notJson("text after the value");
		}
		return value;
	}

	private Object value(int depth) {
		char c = peek();
		if (c == '{') {
			return object(depth + 1);
		}
		if (c == '[') {
			return array(depth + 1);
		}
		if (c == '"') {
			return string();
		}
		return literal();
	}

	private Obj object(int depth) {
		checkDepth(depth);
		int start = this.position;
		this.position++;
		Map<String, Object> members = new LinkedHashMap<>();
		skipWhitespace();
		if (peek() == '}') {
			this.position++;
			return new Obj(start, this.position, members);
		}
		while (true) {
			skipWhitespace();
			if (peek() != '"') {
				throw notJson("a member name expected");
			}
			String key = string().value();
			skipWhitespace();
			expect(':');
			skipWhitespace();
			members.put(key, value(depth));
			skipWhitespace();
			char next = next();
			if (next == '}') {
				return new Obj(start, this.position, members);
			}
			if (next != ',') {
				throw notJson("',' or '}' expected");
			}
		}
	}

	private List<Object> array(int depth) {
		checkDepth(depth);
		this.position++;
		List<Object> elements = new ArrayList<>();
		skipWhitespace();
		if (peek() == ']') {
			this.position++;
			return elements;
		}
		while (true) {
			skipWhitespace();
			elements.add(value(depth));
			skipWhitespace();
			char next = next();
			if (next == ']') {
				return elements;
			}
			if (next != ',') {
				throw notJson("',' or ']' expected");
			}
		}
	}

	private Str string() {
		int start = this.position;
		int from = start + 1;
		// indexOf is vectorised: long base64 strings are crossed at memory speed.
		int quote = this.text.indexOf('"', from);
		if (quote < 0) {
			this.position = this.text.length();
			throw notJson("unterminated string");
		}
		if (this.nextBackslash < from) {
			int backslash = this.text.indexOf('\\', from);
			this.nextBackslash = (backslash >= 0) ? backslash : Integer.MAX_VALUE;
		}
		if (this.nextBackslash < quote) {
			return escapedString(start, from);
		}
		this.position = quote + 1;
		return new Str(start, this.position, this.text.substring(from, quote));
	}

	private Str escapedString(int start, int from) {
		StringBuilder value = new StringBuilder();
		int i = from;
		int length = this.text.length();
		while (i < length) {
			char c = this.text.charAt(i++);
			if (c == '"') {
				this.position = i;
				return new Str(start, i, value.toString());
			}
			if (c < 0x20) {
				this.position = i - 1;
				throw notJson("control character in a string");
			}
			if (c != '\\') {
				value.append(c);
				continue;
			}
			if (i >= length) {
				break;
			}
			char escaped = this.text.charAt(i++);
			switch (escaped) {
				case '"', '\\', '/' -> value.append(escaped);
				case 'b' -> value.append('\b');
				case 'f' -> value.append('\f');
				case 'n' -> value.append('\n');
				case 'r' -> value.append('\r');
				case 't' -> value.append('\t');
				case 'u' -> {
					if (i + 4 > length) {
						this.position = i;
						throw notJson("bad unicode escape");
					}
					try {
						value.append((char) Integer.parseInt(this.text, i, i + 4, 16));
					}
					catch (NumberFormatException ex) {
						this.position = i;
						throw notJson("bad unicode escape");
					}
					i += 4;
				}
				default -> {
					this.position = i - 1;
					throw notJson("bad escape");
				}
			}
		}
		this.position = length;
		throw notJson("unterminated string");
	}

	private Literal literal() {
		int start = this.position;
		int length = this.text.length();
		while (this.position < length && isLiteralChar(this.text.charAt(this.position))) {
			this.position++;
		}
		String literal = this.text.substring(start, this.position);
		if (literal.equals("true") || literal.equals("false") || literal.equals("null") || isNumber(literal)) {
			return new Literal(literal);
		}
		this.position = start;
		throw notJson("a value expected");
	}

	private static boolean isLiteralChar(char c) {
		return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'E';
	}

	private static boolean isNumber(String literal) {
		if (literal.isEmpty()) {
			return false;
		}
		try {
			Double.parseDouble(literal);
		}
		catch (NumberFormatException ex) {
			return false;
		}
		char first = literal.charAt(0);
		return first == '-' || (first >= '0' && first <= '9');
	}

	private void checkDepth(int depth) {
		if (depth > this.maxDepth) {
			throw new TooDeepException("JSON nested deeper than " + this.maxDepth + " at position " + this.position);
		}
	}

	private void skipWhitespace() {
		int length = this.text.length();
		while (this.position < length) {
			char c = this.text.charAt(this.position);
			if (c != ' ' && c != '\n' && c != '\r' && c != '\t') {
				return;
			}
			this.position++;
		}
	}

	private char peek() {
		if (this.position >= this.text.length()) {
			throw notJson("unexpected end");
		}
		return this.text.charAt(this.position);
	}

	private char next() {
		char c = peek();
		this.position++;
		return c;
	}

	private void expect(char c) {
		if (next() != c) {
			this.position--;
			throw notJson("'" + c + "' expected");
		}
	}

	private NotJsonException notJson(String what) {
		return new NotJsonException("Not JSON at position " + this.position + ": " + what);
	}

	/**
	 * A JSON object and where it is in the text.
	 *
	 * @param start the position of its opening brace
	 * @param end the position after its closing brace
	 * @param members its members in order (the last of duplicate names wins)
	 */
	public record Obj(int start, int end, Map<String, Object> members) {

		/**
		 * Returns a member that is a string.
		 * @param name the member's name
		 * @return its value, or {@code null} when it is missing or not a string
		 */
		public @Nullable String string(String name) {
			return (this.members.get(name) instanceof Str value) ? value.value() : null;
		}

	}

	/**
	 * A JSON string and where it is in the text.
	 *
	 * @param start the position of its opening quote
	 * @param end the position after its closing quote
	 * @param value its value, unescaped
	 */
	public record Str(int start, int end, String value) {

	}

	/**
	 * A number, {@code true}, {@code false} or {@code null}, as written.
	 *
	 * @param text the literal
	 */
	public record Literal(String text) {

	}

	/** The text is not one JSON value. */
	public static final class NotJsonException extends RuntimeException {

		NotJsonException(String message) {
			super(message, null, false, false);
		}

	}

	/** The JSON nests deeper than allowed. */
	public static final class TooDeepException extends RuntimeException {

		TooDeepException(String message) {
			super(message, null, false, false);
		}

	}

}
