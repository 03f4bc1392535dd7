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

import java.util.Objects;

import io.github.blobupload.internal.HexIds;

/**
 * What to erase: every stored object referenced by one conversation, one trace or one
 * owner.
 *
 * @param kind what the value names
 * @param value the conversation id (as recorded in {@code gen_ai.conversation.id}), the
 * trace id (32 lower-case hex digits), or the owner (as {@link BlobOwnerResolver} returns
 * it, before hashing)
 */
public record ErasureSelector(Kind kind, String value) {

	/** The most characters a selector's value may have. */
	public static final int MAX_VALUE_LENGTH = 1024;

	/**
	 * Checks the selector.
	 * @param kind what the value names
	 * @param value the value
	 * @throws IllegalArgumentException if the value is blank, too long, or not a trace id
	 * for {@link Kind#TRACE}
	 */
	public ErasureSelector {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(value, "value must not be null");
		if (value.isBlank() || value.length() > MAX_VALUE_LENGTH) {
			throw new IllegalArgumentException(
					"An erasure's " + kind.label() + " must be 1 to " + MAX_VALUE_LENGTH + " characters");
		}
		if (kind == Kind.TRACE) {
			String traceId = HexIds.traceId(value);
			if (traceId == null) {
				throw new IllegalArgumentException("A trace id is 32 hex digits, not all zero");
			}
			value = traceId;
		}
	}

	/**
	 * Selects a conversation.
	 * @param conversationId the conversation id
	 * @return the selector
	 */
	public static ErasureSelector conversation(String conversationId) {
		return new ErasureSelector(Kind.CONVERSATION, conversationId);
	}

	/**
	 * Selects a trace: only the references this application recorded for it (a trace id
	 * can be shared with outside callers).
	 * @param traceId the trace id
	 * @return the selector
	 */
	public static ErasureSelector trace(String traceId) {
		return new ErasureSelector(Kind.TRACE, traceId);
	}

	/**
	 * Selects an owner.
	 * @param owner the owner, as the {@link BlobOwnerResolver} returns it
	 * @return the selector
	 */
	public static ErasureSelector owner(String owner) {
		return new ErasureSelector(Kind.OWNER, owner);
	}

	/** Never shows the value, which may be a user id. */
	@Override
	public String toString() {
		return "ErasureSelector[" + this.kind.label() + "]";
	}

	/** What a selector's value names. */
	public enum Kind {

		/** A conversation id. */
		CONVERSATION("conversation"),

		/** A trace id. */
		TRACE("trace"),

		/** An owner. */
		OWNER("owner");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		/**
		 * Returns the name used in the endpoint, metrics and receipts.
		 * @return {@code conversation}, {@code trace} or {@code owner}
		 */
		public String label() {
			return this.label;
		}

	}

}
