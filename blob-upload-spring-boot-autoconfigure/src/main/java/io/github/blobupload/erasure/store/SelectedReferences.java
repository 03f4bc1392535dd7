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

package io.github.blobupload.erasure.store;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;

import io.github.blobupload.BlobLabels;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceRecord;
import org.jspecify.annotations.Nullable;

/**
 * The references an erasure selects: those of one conversation, one owner, or one trace
 * recorded by this application. Knows the selector's key in the index and which labels a
 * blob still waiting to be written carries when it belongs to the selected content.
 */
final class SelectedReferences implements Predicate<ReferenceRecord> {

	/**
	 * The label holding a blob's conversation id, as the Spring AI integration writes it
	 * ({@code gen_ai.conversation.id}).
	 */
	static final String CONVERSATION_LABEL = "gen_ai_conversation_id";

	private final ErasureSelector selector;

	private final String key;

	private final @Nullable String ownerLabel;

	private final @Nullable String service;

	SelectedReferences(ErasureSelector selector, OwnerLabels ownerLabels, @Nullable String service) {
		this.selector = selector;
		this.service = service;
		this.key = switch (selector.kind()) {
			case TRACE -> selector.value();
			case CONVERSATION -> ownerLabels.keys().keyOf(selector.value());
			case OWNER -> ownerLabels.keyOfOwner(selector.value());
		};
		this.ownerLabel = (selector.kind() == ErasureSelector.Kind.OWNER) ? ownerLabels.labelValue(selector.value())
				: null;
	}

	/**
	 * Returns the key the index files the selected references under.
	 * @return the trace id, or the key of the conversation or owner
	 */
	String key() {
		return this.key;
	}

	ErasureSelector.Kind kind() {
		return this.selector.kind();
	}

	/**
	 * Returns whether a reference is selected: by trace, only the references this
	 * application recorded (a trace id can be shared with outside callers).
	 * @param record a reference
	 * @return whether the erasure removes it
	 */
	@Override
	public boolean test(ReferenceRecord record) {
		return switch (this.selector.kind()) {
			case TRACE -> this.key.equals(record.traceId()) && Objects.equals(this.service, record.service());
			case CONVERSATION -> this.key.equals(record.conversationKey());
			case OWNER -> this.key.equals(record.ownerKey());
		};
	}

	/**
	 * Returns whether a blob still waiting to be written belongs to the selected content,
	 * by its labels.
	 * @return the test of a blob's labels
	 */
	Predicate<Map<String, String>> labels() {
		return (labels) -> switch (this.selector.kind()) {
			case TRACE -> {
				String traceId = labels.get(BlobLabels.TRACE_ID);
				yield traceId != null && this.key.equals(traceId.toLowerCase(Locale.ROOT));
			}
			case CONVERSATION -> this.selector.value().equals(labels.get(CONVERSATION_LABEL));
			case OWNER -> Objects.equals(this.ownerLabel, labels.get(BlobOwnerResolver.OWNER_LABEL));
		};
	}

}
