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

package io.github.blobupload;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the edges of {@link DataUris}' media type rules; the common forms are in
 * {@link DataUriBlobTests}.
 */
class DataUrisTests {

	@Test
	void noMediaTypeIsNoneRatherThanEmpty() {
		DataUris.Decoded decoded = DataUris.decode("data:,abc");
		assertThat(decoded.mediaType()).isNull();
		assertThat(decoded.bytes()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
	}

	@Test
	void aTypeMustComeBeforeTheSlash() {
		assertThatIllegalArgumentException().isThrownBy(() -> DataUris.decode("data:/png;base64,AA=="))
			.withMessageContaining("the media type '/png' is not of the form type/subtype");
	}

	@Test
	void aParameterWithAnEmptyNameStillHasAValue() {
		assertThat(DataUris.decode("data:text/plain;=x,abc").mediaType()).isEqualTo("text/plain;=x");
	}

}
