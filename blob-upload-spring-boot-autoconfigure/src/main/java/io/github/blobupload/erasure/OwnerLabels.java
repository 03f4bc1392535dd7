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

/**
 * How an owner is written in the {@value BlobOwnerResolver#OWNER_LABEL} label and found
 * again in the reference index. With keyed hashes (the default) the label holds the
 * owner's {@link ReferenceKeys} key, so no user id is stored in clear; with plain owners
 * it holds the owner as given. Either way the index files it under the owner's key.
 */
public final class OwnerLabels {

	private final ReferenceKeys keys;

	private final boolean plain;

	/**
	 * Creates the labels.
	 * @param keys the keys of owners and conversations
	 * @param plain {@code true} to store owners as given, {@code false} to store their
	 * keys
	 */
	public OwnerLabels(ReferenceKeys keys, boolean plain) {
		this.keys = Objects.requireNonNull(keys, "keys must not be null");
		this.plain = plain;
	}

	/**
	 * Returns the keys of owners and conversations.
	 * @return the keys
	 */
	public ReferenceKeys keys() {
		return this.keys;
	}

	/**
	 * Returns whether owners are stored as given.
	 * @return whether owners are stored in clear
	 */
	public boolean isPlain() {
		return this.plain;
	}

	/**
	 * Returns the label value of an owner.
	 * @param owner the owner, as the {@link BlobOwnerResolver} returned it
	 * @return the owner as given, or its key
	 */
	public String labelValue(String owner) {
		return this.plain ? owner : this.keys.keyOf(owner);
	}

	/**
	 * Returns the index key of an owner label's value.
	 * @param labelValue the value of a blob's {@value BlobOwnerResolver#OWNER_LABEL}
	 * label
	 * @return the key the index files it under
	 */
	public String keyOfLabel(String labelValue) {
		return this.plain ? this.keys.keyOf(labelValue) : labelValue;
	}

	/**
	 * Returns the index key of an owner, for erasing by owner.
	 * @param owner the owner, as the {@link BlobOwnerResolver} returns it
	 * @return the key the index files its references under
	 */
	public String keyOfOwner(String owner) {
		return this.keys.keyOf(owner);
	}

	@Override
	public String toString() {
		return "OwnerLabels[" + (this.plain ? "plain" : "keyed") + "]";
	}

}
