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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.internal.RateLimitedLogger;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.KeyValue;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.common.ValueType;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * Passes the string values of OpenTelemetry attributes and log bodies through an
 * {@link ExportGuard}: string attributes, the elements of string-array attributes, and
 * structured {@link Value}s (a log record's body, {@code AttributeKey.valueKey}
 * attributes), which are handed to the guard as the JSON of {@link Value#asString()} and
 * read back only when the guard changed them. Returns the same instance when nothing
 * changed.
 * <p>
 * A guard that throws (which the contract forbids, but a user's own guard may) costs the
 * value it was given: it is exported as {@link #STRIPPED}, never inline. The same marker
 * replaces every long value of an item when rewriting the item failed as a whole
 * ({@link #strip(Attributes)}).
 */
final class AttributeRewriter {

	/** What a value the guard failed on is exported as. */
	static final String STRIPPED = "[removed by blob-upload: the export guard failed]";

	/**
	 * The shortest string value that may hold inline media worth a look: structured
	 * values with no string this long are not written as JSON for the guard, and when an
	 * item is stripped after a failure, shorter values are kept.
	 */
	static final int MIN_MEDIA_LENGTH = 64;

	private static final RateLimitedLogger failures = new RateLimitedLogger(
			LoggerFactory.getLogger(AttributeRewriter.class), Duration.ofMinutes(1));

	private final ExportGuard guard;

	AttributeRewriter(ExportGuard guard) {
		this.guard = guard;
	}

	/**
	 * Returns the attributes to export.
	 * @param attributes the attributes as recorded
	 * @param context the span or log record they belong to
	 * @return the same instance when the guard changed nothing
	 */
	Attributes rewrite(Attributes attributes, ExportContext context) {
		if (attributes.isEmpty()) {
			return attributes;
		}
		AttributesBuilder[] changed = new AttributesBuilder[1];
		attributes.forEach((key, value) -> {
			Object rewritten = rewrite(key, value, context);
			if (rewritten != value) {
				if (changed[0] == null) {
					changed[0] = attributes.toBuilder();
				}
				put(changed[0], key, rewritten);
			}
		});
		return (changed[0] != null) ? changed[0].build() : attributes;
	}

	/**
	 * Returns the body of a log record to export.
	 * @param body the body as recorded, or {@code null} for none
	 * @param context the log record
	 * @return the same instance when the guard changed nothing
	 */
	@Nullable Value<?> rewriteBody(@Nullable Value<?> body, ExportContext context) {
		return (body != null) ? rewriteValue("body", body, context) : null;
	}

	/**
	 * Returns the attributes with every string value of at least
	 * {@value #MIN_MEDIA_LENGTH} characters (structured values holding one included)
	 * replaced by {@link #STRIPPED}: what is exported when rewriting an item failed.
	 * @param attributes the attributes as recorded
	 * @return the attributes without long values
	 */
	static Attributes strip(Attributes attributes) {
		AttributesBuilder builder = Attributes.builder();
		attributes.forEach((key, value) -> {
			Object kept = value;
			if (value instanceof String text && text.length() >= MIN_MEDIA_LENGTH) {
				kept = STRIPPED;
			}
			else if (value instanceof List<?> list && key.getType() == AttributeType.STRING_ARRAY) {
				List<String> strings = new ArrayList<>(list.size());
				for (Object item : list) {
					strings.add((item instanceof String text && text.length() >= MIN_MEDIA_LENGTH) ? STRIPPED
							: String.valueOf(item));
				}
				kept = strings;
			}
			else if (value instanceof Value<?> structured) {
				kept = stripValue(structured);
			}
			put(builder, key, kept);
		});
		return builder.build();
	}

	/**
	 * Returns a log body without long values, as {@link #strip(Attributes)} does.
	 * @param body the body, or {@code null}
	 * @return the stripped body
	 */
	static @Nullable Value<?> stripValue(@Nullable Value<?> body) {
		return (body != null && hasLongString(body)) ? Value.of(STRIPPED) : body;
	}

	private Object rewrite(AttributeKey<?> key, Object value, ExportContext context) {
		if (key.getType() == AttributeType.STRING && value instanceof String text) {
			return guard(key.getKey(), text, context);
		}
		if (key.getType() == AttributeType.STRING_ARRAY && value instanceof List<?> list) {
			return rewriteStrings(key.getKey(), list, context);
		}
		if (key.getType() == AttributeType.VALUE && value instanceof Value<?> structured) {
			return rewriteValue(key.getKey(), structured, context);
		}
		return value;
	}

	private List<?> rewriteStrings(String key, List<?> list, ExportContext context) {
		List<Object> changed = null;
		for (int i = 0; i < list.size(); i++) {
			Object item = list.get(i);
			if (item instanceof String text) {
				String rewritten = guard(key, text, context);
				if (rewritten != text && changed == null) {
					changed = new ArrayList<>(list);
				}
				if (changed != null) {
					changed.set(i, rewritten);
				}
			}
		}
		return (changed != null) ? changed : list;
	}

	private Value<?> rewriteValue(String key, Value<?> value, ExportContext context) {
		if (value.getType() == ValueType.STRING) {
			String text = (String) value.getValue();
			String rewritten = guard(key, text, context);
			return (rewritten != text) ? Value.of(rewritten) : value;
		}
		if ((value.getType() != ValueType.KEY_VALUE_LIST && value.getType() != ValueType.ARRAY)
				|| !hasLongString(value)) {
			return value;
		}
		String json = value.asString();
		String rewritten = guard(key, json, context);
		if (rewritten == json) {
			return value;
		}
		try {
			return JsonValues.parse(rewritten);
		}
		catch (IllegalArgumentException ex) {
			// The guard returned no JSON: export what it returned, as a string.
			return Value.of(rewritten);
		}
	}

	private String guard(String key, String value, ExportContext context) {
		try {
			return this.guard.guard(key, value, context);
		}
		catch (RuntimeException ex) {
			failures.warn(() -> "The export guard failed on attribute '" + key + "' of a " + context.signal().tag()
					+ ", which is exported without its value: " + ex.getClass().getName(), ex);
			return STRIPPED;
		}
	}

	private static boolean hasLongString(Value<?> value) {
		switch (value.getType()) {
			case STRING:
				return ((String) value.getValue()).length() >= MIN_MEDIA_LENGTH;
			case ARRAY:
				for (Object item : (List<?>) value.getValue()) {
					if (hasLongString((Value<?>) item)) {
						return true;
					}
				}
				return false;
			case KEY_VALUE_LIST:
				for (Object item : (List<?>) value.getValue()) {
					if (hasLongString(((KeyValue) item).getValue())) {
						return true;
					}
				}
				return false;
			default:
				return false;
		}
	}

	@SuppressWarnings("unchecked")
	private static void put(AttributesBuilder builder, AttributeKey<?> key, Object value) {
		builder.put((AttributeKey<Object>) key, value);
	}

}
