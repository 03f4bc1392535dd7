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

import org.jspecify.annotations.Nullable;

/**
 * The span a piece of media belongs to.
 *
 * @param traceId the trace id, or {@code null} when there is no span
 * @param spanId the span id, or {@code null} when there is no span
 * @param sampled whether the span is recorded and exported
 */
public record SpanInfo(@Nullable String traceId, @Nullable String spanId, boolean sampled) {

	/** No span is known: uploads are not tied to a trace and not skipped for sampling. */
	public static final SpanInfo NONE = new SpanInfo(null, null, true);

	/**
	 * Returns whether a trace id and span id are known.
	 * @return whether this names a span
	 */
	public boolean isKnown() {
		return this.traceId != null && this.spanId != null;
	}

}
