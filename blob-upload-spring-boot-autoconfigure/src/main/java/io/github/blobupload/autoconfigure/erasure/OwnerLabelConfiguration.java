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

import io.github.blobupload.autoconfigure.CallerBlobLabels;
import io.github.blobupload.autoconfigure.ConfigurationCheck;
import io.github.blobupload.autoconfigure.ConfigurationChecksRegistrar;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.OwnerLabels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The owner hook: with a {@link BlobOwnerResolver} bean, every blob gets the
 * {@value BlobOwnerResolver#OWNER_LABEL} label on the caller's thread, through the upload
 * engines and the Spring AI offloader ({@link CallerBlobLabels}); and the checks of
 * {@code blob.upload.erasure.secret}, which never show its value.
 */
@Configuration(proxyBeanMethods = false)
@Import(ConfigurationChecksRegistrar.class)
class OwnerLabelConfiguration {

	@Bean
	static ConfigurationCheck blobUploadErasureSecretCheck() {
		return new ErasureSecretCheck(false);
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(BlobOwnerResolver.class)
	static class OwnerHookConfiguration {

		private static final Logger logger = LoggerFactory.getLogger(OwnerLabelConfiguration.class);

		@Bean
		static ConfigurationCheck blobUploadOwnerSecretCheck() {
			return new ErasureSecretCheck(true);
		}

		@Bean
		@ConditionalOnMissingBean
		CallerBlobLabels blobOwnerCallerLabels(BlobOwnerResolver resolver, OwnerLabels labels) {
			logger.info(
					"Erasure: the owner of each blob, from {} on the caller's thread, is recorded in its '{}' "
							+ "label and in the reference index {}.",
					resolver.getClass().getName(), BlobOwnerResolver.OWNER_LABEL,
					labels.isPlain()
							? "as given (blob.upload.erasure.owner-storage=plain): object metadata holds owners in clear"
							: "as a keyed hash (HMAC-SHA-256 under blob.upload.erasure.secret)");
			return new OwnerCallerLabels(resolver, labels);
		}

	}

}
