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

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link ErasureSelector}.
 */
class ErasureSelectorTests {

	@Test
	void aTraceIdIsTakenInLowerCase() {
		assertThat(ErasureSelector.trace("4BF92F3577B34DA6A3CE929D0E0E4736").value())
			.isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
	}

	@Test
	void whatIsNotATraceIdIsRefusedWithoutShowingIt() {
		for (String bad : new String[] { "00000000000000000000000000000000", "4bf92f3577b34da6a3ce929d0e0e473",
				"../../../etc/passwd-0000000000000", "4bf92f3577b34da6a3ce929d0e0e473g" }) {
			assertThatIllegalArgumentException().isThrownBy(() -> ErasureSelector.trace(bad))
				.withMessageNotContaining(bad);
		}
	}

	@Test
	void aBlankOrLongValueIsRefusedWithoutShowingIt() {
		assertThatIllegalArgumentException().isThrownBy(() -> ErasureSelector.owner(" "));
		String tooLong = "alice".repeat(300);
		assertThatIllegalArgumentException().isThrownBy(() -> ErasureSelector.conversation(tooLong))
			.withMessageNotContaining("alice");
	}

	@Test
	void toStringNeverShowsTheValue() {
		assertThat(ErasureSelector.owner("alice@example.com")).hasToString("ErasureSelector[owner]");
	}

}
