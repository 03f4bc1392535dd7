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

package io.github.blobupload.engine;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecentUploads}.
 */
class RecentUploadsTests {

	@Test
	void aDestinationIsClaimedOnceUntilReleased() {
		RecentUploads recent = new RecentUploads(10);
		assertThat(recent.tryClaim("a")).isTrue();
		assertThat(recent.tryClaim("a")).isFalse();
		assertThat(recent.tryClaim("b")).isTrue();
		recent.release("a", false);
		assertThat(recent.tryClaim("a")).as("a failed upload is not remembered").isTrue();
	}

	@Test
	void anUploadedDestinationIsRemembered() {
		RecentUploads recent = new RecentUploads(10);
		recent.tryClaim("a");
		recent.release("a", true);
		assertThat(recent.tryClaim("a")).isFalse();
		assertThat(recent.tryClaim("a")).isFalse();
	}

	@Test
	void remembersAsManyAsItsSizeForgettingTheLeastRecentlyUsed() {
		RecentUploads recent = new RecentUploads(2);
		uploaded(recent, "a");
		uploaded(recent, "b");
		assertThat(recent.tryClaim("a")).as("two fit in a size of two").isFalse();
		assertThat(recent.tryClaim("b")).isFalse();
		// "a" was used before "b": the third upload makes room by forgetting "a".
		uploaded(recent, "c");
		assertThat(recent.tryClaim("b")).isFalse();
		assertThat(recent.tryClaim("c")).isFalse();
		assertThat(recent.tryClaim("a")).isTrue();
	}

	@Test
	void aSizeOfZeroClaimsEverythingAndRemembersNothing() {
		RecentUploads recent = new RecentUploads(0);
		assertThat(recent.tryClaim("a")).isTrue();
		assertThat(recent.tryClaim("a")).isTrue();
		recent.release("a", true);
		assertThat(recent.tryClaim("a")).isTrue();
	}

	@Test
	void anUploadOlderThanTheLifetimeIsNotTrusted() {
		AtomicLong now = new AtomicLong(1_000);
		RecentUploads recent = new RecentUploads(10, Duration.ofMinutes(5), now::get);
		uploaded(recent, "a");
		now.addAndGet(Duration.ofMinutes(5).toNanos() - 1);
		assertThat(recent.tryClaim("a")).as("a reuse does not refresh it").isFalse();
		now.addAndGet(1);
		assertThat(recent.tryClaim("a")).isTrue();
		recent.release("a", true);
		assertThat(recent.tryClaim("a")).as("uploaded again, trusted again").isFalse();
	}

	@Test
	void withoutALifetimeAnUploadIsTrustedUntilPushedOut() {
		AtomicLong now = new AtomicLong();
		RecentUploads recent = new RecentUploads(10, null, now::get);
		uploaded(recent, "a");
		now.addAndGet(Duration.ofDays(365).toNanos());
		assertThat(recent.tryClaim("a")).isFalse();
	}

	@Test
	void forgottenDestinationsAreClaimedAgain() {
		RecentUploads recent = new RecentUploads(10);
		uploaded(recent, "a");
		uploaded(recent, "b");
		assertThat(recent.tryClaim("c")).isTrue();
		recent.forget(List.of("a", "c", "unknown"));
		assertThat(recent.tryClaim("a")).isTrue();
		assertThat(recent.tryClaim("b")).isFalse();
		assertThat(recent.tryClaim("c")).as("being uploaded stays claimed").isFalse();
	}

	private static void uploaded(RecentUploads recent, String uri) {
		assertThat(recent.tryClaim(uri)).isTrue();
		recent.release(uri, true);
	}

}
