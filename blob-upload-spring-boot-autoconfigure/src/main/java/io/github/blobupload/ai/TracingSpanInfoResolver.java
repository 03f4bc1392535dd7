package io.github.blobupload.ai;

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
