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

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ReadPermits}.
 */
class ReadPermitsTests {

	private final ReadPermits permits = new ReadPermits(List.of("default", "chat-input"), 2);

	@Test
	void eachDestinationHasItsOwnBound() {
		assertThat(this.permits.tryAcquire("default")).isNotNull();
		assertThat(this.permits.tryAcquire("default")).isNotNull();
		assertThat(this.permits.tryAcquire("default")).isNull();
		assertThat(this.permits.tryAcquire("chat-input")).isNotNull();
	}

	@Test
	void aClosedPermitIsGivenBackOnce() {
		ReadPermits.Permit first = this.permits.tryAcquire("default");
		ReadPermits.Permit second = this.permits.tryAcquire("default");
		first.close();
		first.close();
		assertThat(this.permits.tryAcquire("default")).isNotNull();
		assertThat(this.permits.tryAcquire("default")).isNull();
		second.close();
		assertThat(this.permits.tryAcquire("default")).isNotNull();
	}

	@Test
	void allTakesOneOfEachAndNothingWhenOneIsFull() {
		this.permits.tryAcquire("chat-input");
		this.permits.tryAcquire("chat-input");
		assertThat(this.permits.tryAcquireAll()).isNull();
		// What it took of the other destination was given back.
		assertThat(this.permits.tryAcquire("default")).isNotNull();
		assertThat(this.permits.tryAcquire("default")).isNotNull();
		assertThat(this.permits.tryAcquire("default")).isNull();
	}

	@Test
	void allCountsAgainstEveryDestination() {
		ReadPermits.Permit all = this.permits.tryAcquireAll();
		assertThat(all).isNotNull();
		assertThat(this.permits.tryAcquire("default")).isNotNull();
		assertThat(this.permits.tryAcquire("default")).isNull();
		assertThat(this.permits.tryAcquire("chat-input")).isNotNull();
		assertThat(this.permits.tryAcquire("chat-input")).isNull();
		all.close();
		assertThat(this.permits.tryAcquire("default")).isNotNull();
	}

	@Test
	void aBoundBelowOneIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new ReadPermits(List.of("default"), 0))
			.withMessage("maxConcurrentReads must be at least 1, but was 0");
	}

}
