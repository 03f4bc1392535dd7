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

package io.github.blobupload.ai.offload;

import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.SpanInfoResolver;
import io.micrometer.observation.Observation;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.handler.TracingObservationHandler;

/**
 * Resolves spans through Micrometer Tracing.
 */
public final class TracingSpanInfoResolver implements SpanInfoResolver {

	private final Tracer tracer;

	/**
	 * Creates a resolver.
	 * @param tracer the tracer
	 */
	public TracingSpanInfoResolver(Tracer tracer) {
		this.tracer = tracer;
	}

	@Override
	public SpanInfo current() {
		return info(this.tracer.currentSpan());
	}

	@Override
	public SpanInfo of(Observation.Context context) {
		TracingObservationHandler.TracingContext tracing = context.get(TracingObservationHandler.TracingContext.class);
		Span span = (tracing != null) ? tracing.getSpan() : null;
		return (span != null) ? info(span) : current();
	}

	private static SpanInfo info(Span span) {
		if (span == null || span.isNoop()) {
			return new SpanInfo(null, null, false);
		}
		TraceContext context = span.context();
		Boolean sampled = context.sampled();
		return new SpanInfo(context.traceId(), context.spanId(), sampled == null || sampled);
	}

}
