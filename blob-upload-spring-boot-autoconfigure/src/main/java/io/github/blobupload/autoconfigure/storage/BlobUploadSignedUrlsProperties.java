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

package io.github.blobupload.autoconfigure.storage;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of viewable links ({@code blob.upload.signed-urls.*}), shared by the
 * cloud storage providers: record a time-limited HTTPS URL (S3 presigned GET, GCS V4
 * signed URL, Azure SAS) instead of the storage URI. The {@code file:} provider ignores
 * it.
 */
@ConfigurationProperties(BlobUploadSignedUrlsProperties.PREFIX)
public class BlobUploadSignedUrlsProperties {

	/** The prefix of these properties. */
	static final String PREFIX = "blob.upload.signed-urls";

	/**
	 * Whether the cloud storage providers record time-limited signed HTTPS URLs instead
	 * of storage URIs. Anyone holding such a URL can read the object until it expires, so
	 * it is off by default.
	 */
	private boolean enabled = false;

	/** How long a signed URL stays valid; at most 7 days for S3 and GCS. */
	private Duration expiry = Duration.ofHours(1);

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public Duration getExpiry() {
		return this.expiry;
	}

	public void setExpiry(Duration expiry) {
		this.expiry = expiry;
	}

}
