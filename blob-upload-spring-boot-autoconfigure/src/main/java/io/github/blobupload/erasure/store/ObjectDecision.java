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

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

import io.github.blobupload.erasure.ReferenceRecord;

/**
 * What an erasure does with one object referenced by the selected content.
 */
enum ObjectDecision {

	/** Every reference is selected: the object goes, with its references. */
	DELETE,

	/** Other references remain: only the selected references go. */
	KEEP_SHARED,

	/** Written or referenced within the grace window: nothing of it is removed. */
	KEEP_RECENT;

	/**
	 * Decides for one object.
	 * @param selected the selected references to it
	 * @param others its other references: their times (an unreadable one counts as
	 * another reference, recorded long ago)
	 * @param othersBeyondListing whether it may have more references than were listed
	 * @param lastModified when the object was last written, or empty when it is gone
	 * @param cutoff the start of the grace window: anything later is recent
	 * @return the decision
	 */
	static ObjectDecision of(Collection<ReferenceRecord> selected, Collection<Instant> others,
			boolean othersBeyondListing, Optional<Instant> lastModified, Instant cutoff) {
		boolean recent = lastModified.filter((time) -> time.isAfter(cutoff)).isPresent()
				|| selected.stream().anyMatch((record) -> record.recordedAt().isAfter(cutoff))
				|| others.stream().anyMatch((time) -> time.isAfter(cutoff));
		if (recent) {
			return KEEP_RECENT;
		}
		return (others.isEmpty() && !othersBeyondListing) ? DELETE : KEEP_SHARED;
	}

}
