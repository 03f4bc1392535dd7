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

package io.github.blobupload.erasure.index;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;

import io.github.blobupload.BlobLabels;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceRecord;
import io.github.blobupload.internal.HexIds;
import org.jspecify.annotations.Nullable;

/**
 * Turns the labels of a stored blob into its {@link ReferenceRecord}: the trace and span
 * ids when they are ids ({@value BlobLabels#TRACE_ID}, {@value BlobLabels#SPAN_ID}), the
 * key of the conversation id ({@value ReferenceIndexWriter#CONVERSATION_LABEL}) and of
 * the owner ({@value BlobOwnerResolver#OWNER_LABEL}), the application and the time. Holds
 * keys only: a conversation id or an owner never reaches a record in clear.
 */
final class ReferenceRecords {

	/** The longest application name kept in a record. */
	static final int MAX_SERVICE_LENGTH = 128;

	private static final int KEY_LENGTH = 32;

	private final OwnerLabels owners;

	private final Clock clock;

	private final @Nullable String service;

	ReferenceRecords(OwnerLabels owners, Clock clock, @Nullable String service) {
		this.owners = Objects.requireNonNull(owners, "owners must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.service = service(service);
	}

	/**
	 * Returns the record of a blob, if any selector can find it.
	 * @param storageUri the blob's storage URI
	 * @param useCase the use case it was given to
	 * @param labels its labels
	 * @return the record, or {@code null} when the labels name no trace, conversation or
	 * owner
	 */
	@Nullable ReferenceRecord of(String storageUri, String useCase, Map<String, String> labels) {
		String traceId = HexIds.traceId(labels.get(BlobLabels.TRACE_ID));
		String spanId = (traceId != null) ? HexIds.spanId(labels.get(BlobLabels.SPAN_ID)) : null;
		String conversation = labels.get(ReferenceIndexWriter.CONVERSATION_LABEL);
		String conversationKey = (conversation != null && !conversation.isEmpty())
				? this.owners.keys().keyOf(conversation) : null;
		String ownerKey = ownerKey(labels.get(BlobOwnerResolver.OWNER_LABEL));
		ReferenceRecord record = new ReferenceRecord(storageUri, useCase, traceId, spanId, conversationKey, ownerKey,
				this.service, this.clock.instant());
		return record.selectable() ? record : null;
	}

	/**
	 * Returns the key of an owner label, or {@code null}: with keyed owners a label that
	 * is not a key (set by other code than the owner hook) is not filed, as no erasure by
	 * owner could find it under that name.
	 */
	private @Nullable String ownerKey(@Nullable String label) {
		if (label == null || label.isEmpty()) {
			return null;
		}
		return HexIds.hexId(this.owners.keyOfLabel(label), KEY_LENGTH);
	}

	private static @Nullable String service(@Nullable String name) {
		if (name == null || name.isBlank()) {
			return null;
		}
		String stripped = name.strip();
		if (stripped.length() <= MAX_SERVICE_LENGTH) {
			return stripped;
		}
		int end = Character.isHighSurrogate(stripped.charAt(MAX_SERVICE_LENGTH - 1)) ? MAX_SERVICE_LENGTH - 1
				: MAX_SERVICE_LENGTH;
		return stripped.substring(0, end);
	}

}
