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

package io.github.blobupload.autoconfigure.actuate;

import io.github.blobupload.actuate.ActiveStorageChecks;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link BlobUploadHealthProperties}.
 */
class BlobUploadHealthPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadHealthProperties properties = new BlobUploadHealthProperties();
		assertThat(properties.getFailureThreshold()).isPositive();
		BlobUploadHealthProperties.ActiveCheck activeCheck = properties.getActiveCheck();
		assertThat(activeCheck.isEnabled()).isFalse();
		// The defaults are settings the checks accept, and a health request waits less
		// than a result is reused.
		assertThatNoException()
			.isThrownBy(() -> new ActiveStorageChecks(activeCheck.getInterval(), activeCheck.getTimeout()));
		assertThat(activeCheck.getTimeout()).isLessThan(activeCheck.getInterval());
	}

}
