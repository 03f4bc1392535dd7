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

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.logs.Severity;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.Body;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.resources.Resource;
import org.jspecify.annotations.Nullable;

/**
 * A log record as emitted with the attributes and body the export guard gave back;
 * everything else (times, severity, event name, context) is the emitted record's.
 */
final class GuardedLogRecordData implements LogRecordData {

	private final LogRecordData record;

	private final Attributes attributes;

	private final @Nullable Value<?> body;

	GuardedLogRecordData(LogRecordData record, Attributes attributes, @Nullable Value<?> body) {
		this.record = record;
		this.attributes = attributes;
		this.body = body;
	}

	@Override
	public Resource getResource() {
		return this.record.getResource();
	}

	@Override
	public InstrumentationScopeInfo getInstrumentationScopeInfo() {
		return this.record.getInstrumentationScopeInfo();
	}

	@Override
	public long getTimestampEpochNanos() {
		return this.record.getTimestampEpochNanos();
	}

	@Override
	public long getObservedTimestampEpochNanos() {
		return this.record.getObservedTimestampEpochNanos();
	}

	@Override
	public SpanContext getSpanContext() {
		return this.record.getSpanContext();
	}

	@Override
	public Severity getSeverity() {
		return this.record.getSeverity();
	}

	@Override
	public @Nullable String getSeverityText() {
		return this.record.getSeverityText();
	}

	@Override
	@Deprecated
	@SuppressWarnings("deprecation") // implements the SDK's older accessor for old
										// readers
	public Body getBody() {
		return (this.body != null) ? Body.string(this.body.asString()) : Body.empty();
	}

	@Override
	public @Nullable Value<?> getBodyValue() {
		return this.body;
	}

	@Override
	public Attributes getAttributes() {
		return this.attributes;
	}

	@Override
	public int getTotalAttributeCount() {
		return this.record.getTotalAttributeCount();
	}

	@Override
	public @Nullable String getEventName() {
		return this.record.getEventName();
	}

	@Override
	public String toString() {
		return "GuardedLogRecordData{record=" + this.record + "}";
	}

}
