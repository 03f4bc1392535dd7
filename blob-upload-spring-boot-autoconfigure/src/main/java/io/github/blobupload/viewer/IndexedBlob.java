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

package io.github.blobupload.viewer;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * One blob of a {@link TraceIndex}: where it is stored and what it was labelled with.
 *
 * @param storageUri the object's storage URI
 * @param useCase the use case whose destination holds it
 * @param contentType its content type
 * @param size its size in bytes
 * @param traceId the trace it was recorded in
 * @param spanId the span that recorded it, or {@code null}
 * @param labels all its labels (message and part index, event name...)
 * @param recordedAt when it was accepted for upload
 * @param service the application that recorded it ({@code spring.application.name}), or
 * {@code null} when unknown: an entry written before origins were recorded, or by an
 * application without a name
 */
public record IndexedBlob(String storageUri, String useCase, String contentType, long size, String traceId,
		@Nullable String spanId, Map<String, String> labels, Instant recordedAt, @Nullable String service) {

	/**
	 * Creates an entry whose origin is unknown.
	 * @param storageUri the object's storage URI
	 * @param useCase the use case whose destination holds it
	 * @param contentType its content type
	 * @param size its size in bytes
	 * @param traceId the trace it was recorded in
	 * @param spanId the span that recorded it, or {@code null}
	 * @param labels all its labels
	 * @param recordedAt when it was accepted for upload
	 */
	public IndexedBlob(String storageUri, String useCase, String contentType, long size, String traceId,
			@Nullable String spanId, Map<String, String> labels, Instant recordedAt) {
		this(storageUri, useCase, contentType, size, traceId, spanId, labels, recordedAt, null);
	}

}
