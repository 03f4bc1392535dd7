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

import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The span or log record an exported value belongs to: its signal and, when known, the
 * trace and span it is part of (the labels of the blobs stored for it).
 *
 * @param signal the kind of telemetry
 * @param traceId the trace id in lower-case hex, or {@code null} when none is known
 * @param spanId the span id in lower-case hex, or {@code null} when none is known
 */
public record ExportContext(ExportSignal signal, @Nullable String traceId, @Nullable String spanId) {

	/**
	 * Creates a context; blank or all-zero (invalid) ids are taken as unknown.
	 * @param signal the kind of telemetry
	 * @param traceId the trace id, or {@code null}
	 * @param spanId the span id, or {@code null}
	 */
	public ExportContext {
		Objects.requireNonNull(signal, "signal must not be null");
		traceId = validOrNull(traceId);
		spanId = validOrNull(spanId);
	}

	/**
	 * Returns the context of a span.
	 * @param traceId the trace id, or {@code null}
	 * @param spanId the span id, or {@code null}
	 * @return a new context
	 */
	public static ExportContext span(@Nullable String traceId, @Nullable String spanId) {
		return new ExportContext(ExportSignal.SPAN, traceId, spanId);
	}

	/**
	 * Returns the context of a log record.
	 * @param traceId the trace id of the span the record was made in, or {@code null}
	 * @param spanId the span id, or {@code null}
	 * @return a new context
	 */
	public static ExportContext log(@Nullable String traceId, @Nullable String spanId) {
		return new ExportContext(ExportSignal.LOG, traceId, spanId);
	}

	private static @Nullable String validOrNull(@Nullable String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		for (int i = 0; i < id.length(); i++) {
			if (id.charAt(i) != '0') {
				return id;
			}
		}
		return null;
	}

}
