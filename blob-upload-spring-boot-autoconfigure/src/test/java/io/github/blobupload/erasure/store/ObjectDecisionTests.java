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
import java.util.List;
import java.util.Optional;

import io.github.blobupload.erasure.ReferenceRecord;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ObjectDecision}.
 */
class ObjectDecisionTests {

	private static final Instant CUTOFF = Instant.parse("2026-01-01T00:00:00Z");

	private static final Instant BEFORE = CUTOFF.minusSeconds(1);

	private static final Instant AFTER = CUTOFF.plusSeconds(1);

	@Test
	void onlySelectedReferencesAndOldObjectIsDeleted() {
		assertThat(ObjectDecision.of(List.of(selected(BEFORE)), List.of(), false, Optional.of(BEFORE), CUTOFF))
			.isEqualTo(ObjectDecision.DELETE);
	}

	@Test
	void goneObjectWithOldReferencesIsDeleted() {
		assertThat(ObjectDecision.of(List.of(selected(BEFORE)), List.of(), false, Optional.empty(), CUTOFF))
			.isEqualTo(ObjectDecision.DELETE);
	}

	@Test
	void anotherReferenceKeepsItShared() {
		assertThat(ObjectDecision.of(List.of(selected(BEFORE)), List.of(BEFORE), false, Optional.of(BEFORE), CUTOFF))
			.isEqualTo(ObjectDecision.KEEP_SHARED);
		assertThat(ObjectDecision.of(List.of(selected(BEFORE)), List.of(), true, Optional.of(BEFORE), CUTOFF))
			.isEqualTo(ObjectDecision.KEEP_SHARED);
	}

	@Test
	void anythingAfterTheCutoffKeepsItRecent() {
		assertThat(ObjectDecision.of(List.of(selected(AFTER)), List.of(), false, Optional.of(BEFORE), CUTOFF))
			.isEqualTo(ObjectDecision.KEEP_RECENT);
		assertThat(ObjectDecision.of(List.of(selected(BEFORE)), List.of(AFTER), false, Optional.of(BEFORE), CUTOFF))
			.isEqualTo(ObjectDecision.KEEP_RECENT);
		assertThat(ObjectDecision.of(List.of(selected(BEFORE)), List.of(), false, Optional.of(AFTER), CUTOFF))
			.isEqualTo(ObjectDecision.KEEP_RECENT);
	}

	@Test
	void exactlyAtTheCutoffIsNotRecent() {
		assertThat(ObjectDecision.of(List.of(selected(CUTOFF)), List.of(CUTOFF), false, Optional.of(CUTOFF), CUTOFF))
			.isEqualTo(ObjectDecision.KEEP_SHARED);
	}

	private static ReferenceRecord selected(Instant recordedAt) {
		return new ReferenceRecord("file:///blobs/a.png", "chat-input", null, null, "c0ffee", null, null, recordedAt);
	}

}
