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

package io.github.blobupload.export.tracing;

import java.util.Objects;

import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.export.otel.SpanGuard;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.opentelemetry.sdk.trace.data.SpanData;

/**
 * The export guard on Spring Boot's OpenTelemetry path: a Micrometer {@link SpanFilter},
 * which Spring Boot hands to the {@code CompositeSpanExporter} of its batch span
 * processor, so that each finished span is guarded once, before it fans out to every
 * exporter. {@link FinishedSpan} shows only its events' names, so the filter reads the
 * OpenTelemetry span behind it ({@link OtelFinishedSpan#toOtel(FinishedSpan)}): the
 * string attributes of the span and of its events go through the guard, and a span the
 * guard changed is handed on as a new {@link OtelFinishedSpan} over a copy with the
 * guarded values (attribute types, event times and every other field kept). A span the
 * guard left alone is handed on as the same instance. Spans of another bridge (Brave)
 * pass unchanged.
 * <p>
 * The rewriting is the {@link SpanGuard}'s, the same as on the OpenTelemetry SDK's own
 * exporters: never costs a span (should guarding fail, the span is exported with its long
 * string values replaced by a marker).
 */
public final class GuardingSpanFilter implements SpanFilter {

	private final ExportGuard guard;

	private final SpanGuard spans;

	/**
	 * Creates the filter.
	 * @param guard the guard
	 */
	public GuardingSpanFilter(ExportGuard guard) {
		this.guard = Objects.requireNonNull(guard, "guard must not be null");
		this.spans = new SpanGuard(guard);
	}

	@Override
	public FinishedSpan map(FinishedSpan span) {
		if (!(span instanceof OtelFinishedSpan)) {
			return span;
		}
		SpanData data = OtelFinishedSpan.toOtel(span);
		SpanData guarded = this.spans.guard(data);
		return (guarded != data) ? OtelFinishedSpan.fromOtel(guarded) : span;
	}

	@Override
	public String toString() {
		return "GuardingSpanFilter{guard=" + this.guard + "}";
	}

}
