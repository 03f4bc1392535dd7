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

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Micrometer observations of uploads
 * ({@code blob.upload.observations.*}).
 */
@ConfigurationProperties("blob.upload.observations")
public class BlobUploadObservationsProperties {

	/**
	 * Whether to wrap each upload attempt in a Micrometer observation named
	 * blob.upload.attempt (a span per attempt when tracing is on, and a timer when
	 * metrics are). Off by default: it adds a span per blob. Needs an ObservationRegistry
	 * bean.
	 */
	private boolean enabled = false;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
