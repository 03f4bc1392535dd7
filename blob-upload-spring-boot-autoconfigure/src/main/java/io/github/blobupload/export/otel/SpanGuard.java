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
import java.util.Objects;

import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.internal.RateLimitedLogger;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.slf4j.LoggerFactory;

/**
 * Passes one OpenTelemetry span through an {@link ExportGuard}: its attributes and its
 * events' attributes. The one rewriting of a span, used by every export path that holds
 * {@link SpanData}: the {@link GuardedSpanExporter} and Spring Boot's span filter. A span
 * the guard left alone is returned as the same instance; should rewriting fail, the span
 * is returned with every long string value replaced by a marker, so that nothing inline
 * leaves and nothing is lost.
 */
public final class SpanGuard {

	private static final RateLimitedLogger failures = new RateLimitedLogger(LoggerFactory.getLogger(SpanGuard.class),
			Duration.ofMinutes(1));

	private final ExportGuard guard;

	private final AttributeRewriter rewriter;

	/**
	 * Creates a span guard.
	 * @param guard the guard each value goes through
	 */
	public SpanGuard(ExportGuard guard) {
		this.guard = Objects.requireNonNull(guard, "guard must not be null");
		this.rewriter = new AttributeRewriter(guard);
	}

	/**
	 * Returns the span to export.
	 * @param span the span as recorded
	 * @return the same instance when the guard changed nothing, else a copy with the
	 * guarded values
	 */
	public SpanData guard(SpanData span) {
		SpanContext spanContext = span.getSpanContext();
		ExportContext context = ExportContext.span(spanContext.getTraceId(), spanContext.getSpanId());
		try {
			this.guard.itemExamined(context);
			Attributes attributes = this.rewriter.rewrite(span.getAttributes(), context);
			List<EventData> events = rewriteEvents(span.getEvents(), context);
			if (attributes == span.getAttributes() && events == span.getEvents()) {
				return span;
			}
			return new GuardedSpanData(span, attributes, events);
		}
		catch (RuntimeException ex) {
			failures.warn(() -> "Could not guard a span for export; it is exported with its long values removed: "
					+ ex.getClass().getName(), ex);
			return new GuardedSpanData(span, AttributeRewriter.strip(span.getAttributes()),
					stripEvents(span.getEvents()));
		}
	}

	private List<EventData> rewriteEvents(List<EventData> events, ExportContext context) {
		List<EventData> changed = null;
		for (int i = 0; i < events.size(); i++) {
			EventData event = events.get(i);
			Attributes attributes = this.rewriter.rewrite(event.getAttributes(), context);
			if (attributes != event.getAttributes() && changed == null) {
				changed = new ArrayList<>(events);
			}
			if (changed != null && attributes != event.getAttributes()) {
				changed.set(i, EventData.create(event.getEpochNanos(), event.getName(), attributes,
						event.getTotalAttributeCount()));
			}
		}
		return (changed != null) ? changed : events;
	}

	private static List<EventData> stripEvents(List<EventData> events) {
		List<EventData> stripped = new ArrayList<>(events.size());
		for (EventData event : events) {
			stripped.add(EventData.create(event.getEpochNanos(), event.getName(),
					AttributeRewriter.strip(event.getAttributes()), event.getTotalAttributeCount()));
		}
		return stripped;
	}

	@Override
	public String toString() {
		return "SpanGuard{guard=" + this.guard + "}";
	}

}
