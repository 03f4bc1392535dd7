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

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import io.github.blobupload.export.ExportGuard;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;

/**
 * A {@link SpanExporter} that passes each span through an {@link ExportGuard} before the
 * exporter it wraps sees it: the span's attributes and its events' attributes. A span the
 * guard changed is exported as a copy with the new values; a span it left alone is
 * exported as the same instance. {@link #flush()} and {@link #shutdown()} pass through.
 * <p>
 * It never costs a span: should rewriting a span fail, the span is exported with every
 * long string value replaced by a marker, so that nothing inline leaves and nothing is
 * lost. Runs on the exporting thread (the batch processor's); the guard never blocks on
 * storage.
 */
public final class GuardedSpanExporter implements SpanExporter {

	private final SpanExporter delegate;

	private final ExportGuard guard;

	private final SpanGuard spans;

	private GuardedSpanExporter(SpanExporter delegate, ExportGuard guard) {
		this.delegate = delegate;
		this.guard = guard;
		this.spans = new SpanGuard(guard);
	}

	/**
	 * Wraps an exporter; an exporter this class already wraps is returned as it is.
	 * @param delegate the exporter that receives the guarded spans
	 * @param guard the guard
	 * @return the guarding exporter
	 */
	public static SpanExporter wrap(SpanExporter delegate, ExportGuard guard) {
		Objects.requireNonNull(delegate, "delegate must not be null");
		Objects.requireNonNull(guard, "guard must not be null");
		if (delegate instanceof GuardedSpanExporter) {
			return delegate;
		}
		return new GuardedSpanExporter(delegate, guard);
	}

	@Override
	public CompletableResultCode export(Collection<SpanData> spans) {
		List<SpanData> guarded = new ArrayList<>(spans.size());
		boolean changed = false;
		for (SpanData span : spans) {
			SpanData exported = this.spans.guard(span);
			changed |= (exported != span);
			guarded.add(exported);
		}
		return this.delegate.export(changed ? guarded : spans);
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
		return "GuardedSpanExporter{delegate=" + this.delegate + ", guard=" + this.guard + "}";
	}

}
