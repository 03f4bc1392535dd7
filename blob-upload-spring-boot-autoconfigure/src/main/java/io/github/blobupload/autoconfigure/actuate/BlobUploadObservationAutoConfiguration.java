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

import io.github.blobupload.observation.BlobUploadObservationConvention;
import io.github.blobupload.observation.BlobUploadObservations;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration of the per-attempt upload observation ({@code blob.upload.attempt}),
 * present only when {@code blob.upload.observations.enabled=true} and the application has
 * an {@link ObservationRegistry}. Without it no observation, span or timer is made per
 * blob. A {@link BlobUploadObservationConvention} bean replaces the default names.
 */
@AutoConfiguration(
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ObservationRegistry.class)
@ConditionalOnBooleanProperty("blob.upload.observations.enabled")
@ConditionalOnBean(ObservationRegistry.class)
@EnableConfigurationProperties(BlobUploadObservationsProperties.class)
public final class BlobUploadObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BlobUploadObservations blobUploadObservations(ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<BlobUploadObservationConvention> convention) {
		// Resolved on the first upload: the registry's filters may need the uploaders.
		return new BlobUploadObservations(SingletonSupplier.of(observationRegistry::getObject),
				convention.getIfAvailable());
	}

}
