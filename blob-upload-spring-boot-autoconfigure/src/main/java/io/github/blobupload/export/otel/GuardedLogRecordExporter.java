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
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.github.blobupload.export.ExportContext;
import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.internal.RateLimitedLogger;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.Value;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * A {@link LogRecordExporter} that passes each log record through an {@link ExportGuard}
 * before the exporter it wraps sees it: its attributes (strings, string arrays and
 * structured values such as the GenAI events' {@code gen_ai.input.messages}) and its body
 * (a string, or a structured value handed to the guard as JSON under the key
 * {@code body}). A record the guard changed is exported as a copy with the new values; a
 * record it left alone is exported as the same instance. {@link #flush()} and
 * {@link #shutdown()} pass through.
 * <p>
 * It never costs a record: should rewriting a record fail, the record is exported with
 * every long string value replaced by a marker.
 */
public final class GuardedLogRecordExporter implements LogRecordExporter {

	private static final RateLimitedLogger failures = new RateLimitedLogger(
			LoggerFactory.getLogger(GuardedLogRecordExporter.class), Duration.ofMinutes(1));

	private final LogRecordExporter delegate;

	private final ExportGuard guard;

	private final AttributeRewriter rewriter;

	private GuardedLogRecordExporter(LogRecordExporter delegate, ExportGuard guard) {
		this.delegate = delegate;
		this.guard = guard;
		this.rewriter = new AttributeRewriter(guard);
	}

	/**
	 * Wraps an exporter; an exporter this class already wraps is returned as it is.
	 * @param delegate the exporter that receives the guarded log records
	 * @param guard the guard
	 * @return the guarding exporter
	 */
	public static LogRecordExporter wrap(LogRecordExporter delegate, ExportGuard guard) {
		Objects.requireNonNull(delegate, "delegate must not be null");
		Objects.requireNonNull(guard, "guard must not be null");
		if (delegate instanceof GuardedLogRecordExporter) {
			return delegate;
		}
		return new GuardedLogRecordExporter(delegate, guard);
	}

	@Override
	public CompletableResultCode export(Collection<LogRecordData> records) {
		List<LogRecordData> guarded = new ArrayList<>(records.size());
		boolean changed = false;
		for (LogRecordData record : records) {
			LogRecordData exported = guard(record);
			changed |= (exported != record);
			guarded.add(exported);
		}
		return this.delegate.export(changed ? guarded : records);
	}

	/**
	 * Returns the log record to export.
	 * @param record the record as emitted
	 * @return the same instance when the guard changed nothing, else a copy with the
	 * guarded values
	 */
	LogRecordData guard(LogRecordData record) {
		SpanContext spanContext = record.getSpanContext();
		ExportContext context = ExportContext.log(spanContext.getTraceId(), spanContext.getSpanId());
		try {
			this.guard.itemExamined(context);
			Attributes attributes = this.rewriter.rewrite(record.getAttributes(), context);
			Value<?> body = record.getBodyValue();
			@Nullable Value<?> guardedBody = this.rewriter.rewriteBody(body, context);
			if (attributes == record.getAttributes() && guardedBody == body) {
				return record;
			}
			return new GuardedLogRecordData(record, attributes, guardedBody);
		}
		catch (RuntimeException ex) {
			failures.warn(() -> "Could not guard a log record for export; it is exported with its long values removed: "
					+ ex.getClass().getName(), ex);
			return new GuardedLogRecordData(record, AttributeRewriter.strip(record.getAttributes()),
					AttributeRewriter.stripValue(record.getBodyValue()));
		}
	}

	@Override
	public CompletableResultCode flush() {
		return this.delegate.flush();
	}

	@Override
	public CompletableResultCode shutdown() {
		return this.delegate.shutdown();
	}

	@Override
	public String toString() {
		return "GuardedLogRecordExporter{delegate=" + this.delegate + ", guard=" + this.guard + "}";
	}

}
