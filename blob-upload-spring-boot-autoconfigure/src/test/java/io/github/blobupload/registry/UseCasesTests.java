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

package io.github.blobupload.registry;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link UseCases}.
 */
class UseCasesTests {

	@ParameterizedTest
	@CsvSource({ "chat.input, chat-input", "CHAT_INPUT, chat-input", "[chat.input], chat-input", "a, a", "z, z", "0, 0",
			"9, 9", "'x`y{z/w:v', x-y-z-w-v", "'  --Image..Output--  ', image-output", "AZaz09, azaz09" })
	void namesAreLowerCaseLettersAndDigitsJoinedByOneDash(String name, String normalized) {
		assertThat(UseCases.normalize(name)).isEqualTo(normalized);
	}

	@Test
	void nothingNormalizesToTheEmptyName() {
		assertThat(UseCases.normalize(null)).isEmpty();
		assertThat(UseCases.normalize("  ")).isEmpty();
		assertThat(UseCases.normalize("._-")).isEmpty();
	}

	@Test
	void compactNamesDropTheSeparators() {
		assertThat(UseCases.compact("chat.input")).isEqualTo("chatinput");
		assertThat(UseCases.compact("CHATINPUT")).isEqualTo("chatinput");
		assertThat(UseCases.compact(null)).isEmpty();
	}

}
