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

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.github.blobupload.BlobUploader;
import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.internal.RateLimitedLogger;
import io.micrometer.tracing.exporter.FinishedSpan;
import io.micrometer.tracing.exporter.SpanFilter;
import io.micrometer.tracing.otel.bridge.OtelFinishedSpan;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.AttributeType;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.trace.data.DelegatingSpanData;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.slf4j.LoggerFactory;

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
 * Never costs a span: should guarding fail, the span is exported with its long string
 * values that may hold media replaced by {@code /dev/null}.
 */
public final class GuardingSpanFilter implements SpanFilter {

	private static final int STRIP_FROM = 1024;

	private static final RateLimitedLogger failures = new RateLimitedLogger(
			LoggerFactory.getLogger(GuardingSpanFilter.class), Duration.ofMinutes(1));

	private final ExportGuard guard;

	/**
	 * Creates the filter.
	 * @param guard the guard
	 */
	public GuardingSpanFilter(ExportGuard guard) {
		this.guard = Objects.requireNonNull(guard, "guard must not be null");
	}

	@Override
	public FinishedSpan map(FinishedSpan span) {
		if (!(span instanceof OtelFinishedSpan)) {
			return span;
		}
		SpanData data = OtelFinishedSpan.toOtel(span);
		SpanContext spanContext = data.getSpanContext();
		ExportContext context = ExportContext.span(spanContext.getTraceId(), spanContext.getSpanId());
		SpanData guarded;
		try {
			this.guard.itemExamined(context);
			guarded = guard(data, context, false);
		}
		catch (RuntimeException ex) {
			failures.warn(() -> "Could not guard a span for export; exported with its long values that may hold "
					+ "media removed: " + ex.getClass().getName(), ex);
			guarded = guard(data, context, true);
		}
		return (guarded != data) ? OtelFinishedSpan.fromOtel(guarded) : span;
	}

	private SpanData guard(SpanData data, ExportContext context, boolean strip) {
		Attributes attributes = data.getAttributes();
		Attributes guardedAttributes = guard(attributes, context, strip);
		List<EventData> events = data.getEvents();
		List<EventData> guardedEvents = null;
		for (int i = 0; i < events.size(); i++) {
			EventData event = events.get(i);
			Attributes eventAttributes = guard(event.getAttributes(), context, strip);
			if (eventAttributes != event.getAttributes()) {
				if (guardedEvents == null) {
					guardedEvents = new ArrayList<>(events);
				}
				guardedEvents.set(i, EventData.create(event.getEpochNanos(), event.getName(), eventAttributes,
						event.getTotalAttributeCount()));
			}
		}
		if (guardedAttributes == attributes && guardedEvents == null) {
			return data;
		}
		return new GuardedSpan(data, guardedAttributes, (guardedEvents != null) ? guardedEvents : events);
	}

	@SuppressWarnings("unchecked")
	private Attributes guard(Attributes attributes, ExportContext context, boolean strip) {
		AttributesBuilder[] changed = new AttributesBuilder[1];
		attributes.forEach((key, value) -> {
			if (key.getType() == AttributeType.STRING && value instanceof String text) {
				String exported = strip ? stripped(text) : this.guard.guard(key.getKey(), text, context);
				if (exported != text) {
					builder(changed, attributes).put((AttributeKey<String>) key, exported);
				}
			}
			else if (key.getType() == AttributeType.STRING_ARRAY && value instanceof List<?> list) {
				List<String> exported = null;
				for (int i = 0; i < list.size(); i++) {
					String text = (String) list.get(i);
					String guarded = strip ? stripped(text) : this.guard.guard(key.getKey(), text, context);
					if (guarded != text) {
						if (exported == null) {
							exported = new ArrayList<>((List<String>) list);
						}
						exported.set(i, guarded);
					}
				}
				if (exported != null) {
					builder(changed, attributes).put((AttributeKey<List<String>>) key, exported);
				}
			}
		});
		return (changed[0] != null) ? changed[0].build() : attributes;
	}

	private static AttributesBuilder builder(AttributesBuilder[] changed, Attributes attributes) {
		if (changed[0] == null) {
			changed[0] = attributes.toBuilder();
		}
		return changed[0];
	}

	private static String stripped(String text) {
		boolean mayHoldMedia = text.length() >= STRIP_FROM && (text.contains("\"blob\"") || text.contains("data:"));
		return mayHoldMedia ? BlobUploader.NOT_UPLOADED : text;
	}

	@Override
	public String toString() {
		return "GuardingSpanFilter{guard=" + this.guard + "}";
	}

	/**
	 * A span with the guarded attributes and events; everything else is the recorded
	 * span's.
	 */
	private static final class GuardedSpan extends DelegatingSpanData {

		private final Attributes attributes;

		private final List<EventData> events;

		GuardedSpan(SpanData span, Attributes attributes, List<EventData> events) {
			super(span);
			this.attributes = attributes;
			this.events = events;
		}

		@Override
		public Attributes getAttributes() {
			return this.attributes;
		}

		@Override
		public List<EventData> getEvents() {
			return this.events;
		}

	}

}
