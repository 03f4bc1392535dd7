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

package io.github.blobupload.autoconfigure.erasure;

import java.util.Map;

import io.github.blobupload.autoconfigure.CallerBlobLabels;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.OwnerLabels;
import org.jspecify.annotations.Nullable;

/**
 * The owner label of the current caller: the {@link BlobOwnerResolver}'s owner as
 * {@link OwnerLabels#labelValue(String)} writes it (a keyed hash by default). No owner
 * gives no label and allocates nothing; the label of the last owner is kept, so that a
 * caller uploading several blobs pays for one hash.
 */
final class OwnerCallerLabels implements CallerBlobLabels {

	private final BlobOwnerResolver resolver;

	private final OwnerLabels labels;

	private volatile @Nullable Resolved last;

	OwnerCallerLabels(BlobOwnerResolver resolver, OwnerLabels labels) {
		this.resolver = resolver;
		this.labels = labels;
	}

	@Override
	public Map<String, String> get() {
		String owner = this.resolver.resolveOwner();
		if (owner == null || owner.isBlank()) {
			return Map.of();
		}
		Resolved resolved = this.last;
		if (resolved == null || !resolved.owner.equals(owner)) {
			resolved = new Resolved(owner, Map.of(BlobOwnerResolver.OWNER_LABEL, this.labels.labelValue(owner)));
			this.last = resolved;
		}
		return resolved.labels;
	}

	@Override
	public String toString() {
		return "OwnerCallerLabels[" + this.labels + "]";
	}

	/** An owner and its label; never shown. */
	private static final class Resolved {

		private final String owner;

		private final Map<String, String> labels;

		Resolved(String owner, Map<String, String> labels) {
			this.owner = owner;
			this.labels = labels;
		}

	}

}
