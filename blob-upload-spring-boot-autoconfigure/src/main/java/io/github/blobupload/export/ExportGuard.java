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

package io.github.blobupload.export;

/**
 * Looks at the string attributes of spans and log records as they are about to be
 * exported and keeps inline media off the wire: GenAI {@code blob} parts become
 * {@code uri} parts, {@code data:} URLs become the stored blob's URI, and what cannot be
 * stored becomes a {@code uri} part {@code /dev/null} with a {@code stripped_reason}.
 * <p>
 * Adapters of an export path (an OpenTelemetry {@code SpanExporter} or
 * {@code LogRecordExporter}, a Micrometer {@code SpanFilter}) call
 * {@link #itemExamined(ExportContext)} once per span or log record, then
 * {@link #guard(String, String, ExportContext)} for each string value, and build a new
 * item only when some value came back as another instance.
 * <p>
 * Implementations never throw and never block on storage, and are thread-safe.
 */
public interface ExportGuard {

	/** A guard that exports everything as it is. */
	ExportGuard NONE = (key, value, context) -> value;

	/**
	 * Returns the value to export for one string attribute (or a log record's body).
	 * @param key the attribute key, such as {@code gen_ai.input.messages}, or
	 * {@code body} for a log record's body
	 * @param value the value as recorded
	 * @param context the span or log record it belongs to
	 * @return the value to export: the same instance when nothing changed
	 */
	String guard(String key, String value, ExportContext context);

	/**
	 * Tells the guard that one span or log record goes through it (counted as examined).
	 * @param context the span or log record
	 */
	default void itemExamined(ExportContext context) {
	}

}
