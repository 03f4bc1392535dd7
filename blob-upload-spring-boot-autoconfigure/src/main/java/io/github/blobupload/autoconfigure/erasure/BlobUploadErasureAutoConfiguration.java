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

package io.github.blobupload.autoconfigure.erasure;

import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.erasure.BlobUploadErasureProperties.OwnerStorage;
import io.github.blobupload.autoconfigure.viewer.BlobUploadViewerAutoConfiguration;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceKeys;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * Auto-configuration of erasure ({@code blob.upload.erasure.*}), when
 * {@code blob.upload.erasure.enabled=true}: the reference index written next to the
 * blobs, the owner hook, the {@link io.github.blobupload.erasure.BlobErasure} bean and
 * the memos that forget what it erases.
 */
@AutoConfiguration(after = BlobUploadAutoConfiguration.class, before = BlobUploadViewerAutoConfiguration.class)
@EnableConfigurationProperties(BlobUploadErasureProperties.class)
@ConditionalOnBooleanProperty("blob.upload.erasure.enabled")
@Import({ OwnerLabelConfiguration.class, ReferenceIndexConfiguration.class, ErasureServiceConfiguration.class,
		ErasureMemosConfiguration.class })
public class BlobUploadErasureAutoConfiguration {

	/**
	 * The name of an optional {@link java.time.Clock} bean the erasure reads the time
	 * from, for its grace period: a test's clock, moved past the window. Without one, the
	 * system clock.
	 */
	public static final String CLOCK_BEAN_NAME = "blobErasureClock";

	/**
	 * How owners are stored and how owners and conversation ids are keyed: HMAC-SHA-256
	 * under {@code blob.upload.erasure.secret} when it is set.
	 * @param properties the erasure properties
	 * @return the owner labels
	 */
	@Bean
	@ConditionalOnMissingBean
	OwnerLabels blobOwnerLabels(BlobUploadErasureProperties properties) {
		String secret = properties.getSecret();
		ReferenceKeys keys = (secret != null && !secret.isEmpty()) ? ReferenceKeys.keyed(secret)
				: ReferenceKeys.unkeyed();
		return new OwnerLabels(keys, properties.getOwnerStorage() == OwnerStorage.PLAIN);
	}

}
