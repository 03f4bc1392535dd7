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

package io.github.blobupload.erasure;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One reference to a stored object in the reference index: a span of a trace, in a
 * conversation, for an owner, recorded by an application, that records the object's URI.
 * Holds keys, never content: the conversation and the owner as {@link ReferenceKeys}
 * keys.
 *
 * @param storageUri the object's storage URI
 * @param useCase the use case the object was given to
 * @param traceId the trace id (32 hex digits), or {@code null}
 * @param spanId the span id (16 hex digits), or {@code null}
 * @param conversationKey the key of the conversation id, or {@code null}
 * @param ownerKey the key of the owner, or {@code null}
 * @param service the application that recorded the reference
 * ({@code spring.application.name}), or {@code null}
 * @param recordedAt when the reference was recorded
 */
public record ReferenceRecord(String storageUri, String useCase, @Nullable String traceId, @Nullable String spanId,
		@Nullable String conversationKey, @Nullable String ownerKey, @Nullable String service, Instant recordedAt) {

	/**
	 * Checks the record.
	 * @param storageUri the object's storage URI
	 * @param useCase the use case
	 * @param traceId the trace id
	 * @param spanId the span id
	 * @param conversationKey the conversation key
	 * @param ownerKey the owner key
	 * @param service the application
	 * @param recordedAt when recorded
	 */
	public ReferenceRecord {
		Objects.requireNonNull(storageUri, "storageUri must not be null");
		Objects.requireNonNull(useCase, "useCase must not be null");
		Objects.requireNonNull(recordedAt, "recordedAt must not be null");
	}

	/**
	 * Returns whether the record can be found by any selector: it names a trace, a
	 * conversation or an owner.
	 * @return whether it is worth indexing
	 */
	public boolean selectable() {
		return this.traceId != null || this.conversationKey != null || this.ownerKey != null;
	}

}
