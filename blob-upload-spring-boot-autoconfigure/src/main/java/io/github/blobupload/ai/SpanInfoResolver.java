package io.github.blobupload.ai;

import io.micrometer.observation.Observation;

/**
 * Tells which span media belongs to and whether it is sampled.
 */
public interface SpanInfoResolver {

	/** A resolver for applications without tracing: no span, never skipped. */
	SpanInfoResolver NONE = () -> SpanInfo.NONE;

	/**
	 * Returns the span current on this thread.
	 * @return the span, or {@link SpanInfo#NONE}
	 */
	SpanInfo current();

	/**
	 * Returns the span of an observation (its own span, not the one current on the
	 * thread, which may be its parent's when the observation is being stopped).
	 * @param context the observation's context
	 * @return the span, or {@link #current()} when the observation has none
	 */
	default SpanInfo of(Observation.Context context) {
		return current();
	}

}
