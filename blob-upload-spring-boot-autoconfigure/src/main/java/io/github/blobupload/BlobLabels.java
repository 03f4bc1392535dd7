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

package io.github.blobupload;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The minimum labels that tie a blob back to the telemetry it was taken from. The keys
 * follow the OpenTelemetry blob-uploader proposal, so readers in other languages find the
 * same labels.
 */
public final class BlobLabels {

	/**
	 * Label saying what kind of telemetry the blob belongs to: {@code span},
	 * {@code event} or {@code span_event}.
	 */
	public static final String OTEL_TYPE = "otel_type";

	/** Label holding the trace id (32 lower-case hex characters in OpenTelemetry). */
	public static final String TRACE_ID = "trace_id";

	/** Label holding the span id (16 lower-case hex characters in OpenTelemetry). */
	public static final String SPAN_ID = "span_id";

	/** Label holding the event name. */
	public static final String EVENT_NAME = "event_name";

	/** Label holding the position of the event within its span. */
	public static final String EVENT_INDEX = "event_index";

	/**
	 * Label asking for the blob's object name, such as {@code 0b7c...-..._inputs.json},
	 * for a producer whose readers expect a fixed naming scheme. A naming strategy
	 * wrapped with {@link BlobNamingStrategies#requestedNameOr(BlobNamingStrategy)} (as
	 * the auto-configuration wraps every use case's) takes it; the storage refuses a name
	 * outside {@code A-Z a-z 0-9 . _ -} or starting with a dot. Ask for a
	 * content-addressed name, or a random one, so that names do not collide.
	 */
	public static final String OBJECT_NAME = "object_name";

	/**
	 * Label holding the blob's retention class, such as {@code 7d}: the number of days
	 * the store keeps the object after it was last written or refreshed. Set by the
	 * auto-configuration on every blob of a prefix that has a retention; the providers
	 * turn it into what their store's lifecycle rules match (an S3 object tag
	 * {@code blob-retention=7d}, an Azure blob index tag, a Google Cloud Storage custom
	 * time).
	 */
	public static final String RETENTION = "blob_retention";

	private BlobLabels() {
	}

	/**
	 * Labels for a blob that belongs to a span.
	 * @param traceId the trace id
	 * @param spanId the span id
	 * @return a new mutable map with {@code otel_type=span}, {@code trace_id} and
	 * {@code span_id}, which callers may extend with their own labels
	 */
	public static Map<String, String> forSpan(String traceId, String spanId) {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(OTEL_TYPE, "span");
		labels.put(TRACE_ID, Objects.requireNonNull(traceId, "traceId must not be null"));
		labels.put(SPAN_ID, Objects.requireNonNull(spanId, "spanId must not be null"));
		return labels;
	}

	/**
	 * Labels for a blob that belongs to an event (a log record) emitted inside a span.
	 * @param traceId the trace id
	 * @param spanId the span id
	 * @param eventName the event name, such as
	 * {@code gen_ai.client.inference.operation.details}
	 * @return a new mutable map with {@code otel_type=event}, the span's labels and
	 * {@code event_name}
	 */
	public static Map<String, String> forEvent(String traceId, String spanId, String eventName) {
		Map<String, String> labels = forSpan(traceId, spanId);
		labels.put(OTEL_TYPE, "event");
		labels.put(EVENT_NAME, Objects.requireNonNull(eventName, "eventName must not be null"));
		return labels;
	}

	/**
	 * Labels for a blob that belongs to one event of a span's event list.
	 * @param traceId the trace id
	 * @param spanId the span id
	 * @param eventName the event name
	 * @param eventIndex the position of the event within the span, from 0
	 * @return a new mutable map with {@code otel_type=span_event}, the span's labels,
	 * {@code event_name} and {@code event_index}
	 * @throws IllegalArgumentException if {@code eventIndex} is negative
	 */
	public static Map<String, String> forSpanEvent(String traceId, String spanId, String eventName, int eventIndex) {
		if (eventIndex < 0) {
			throw new IllegalArgumentException("eventIndex must not be negative but was " + eventIndex);
		}
		Map<String, String> labels = forEvent(traceId, spanId, eventName);
		labels.put(OTEL_TYPE, "span_event");
		labels.put(EVENT_INDEX, Integer.toString(eventIndex));
		return labels;
	}

}
