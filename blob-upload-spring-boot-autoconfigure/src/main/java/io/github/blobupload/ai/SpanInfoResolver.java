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
