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

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.actuate.BlobErasureEndpoint;
import io.github.blobupload.actuate.BlobErasureHealthIndicator;
import io.github.blobupload.actuate.BlobErasureMetrics;
import io.github.blobupload.actuate.BlobErasureTally;
import io.github.blobupload.autoconfigure.ConfigurationCheck;
import io.github.blobupload.autoconfigure.ConfigurationChecksRegistrar;
import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.ErasureListener;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceCompanions;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.github.blobupload.erasure.store.StoreBlobErasure;
import io.github.blobupload.erasure.store.StoreBlobErasureBuilder;
import io.github.blobupload.viewer.TraceIndexWriter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The erasure: the {@link BlobErasure} bean over every destination whose uploader can be
 * deleted from and read back (through the deleter's own reader when it has one, so that
 * an erasure-only client lists and reads the reference index), its {@code blobErasure}
 * actuator endpoint, metrics and health. {@code grace-period} and {@code max-references}
 * are checked before any bean is created.
 */
@Configuration(proxyBeanMethods = false)
@Import(ConfigurationChecksRegistrar.class)
class ErasureServiceConfiguration {

	private static final String PREFIX = "blob.upload.erasure.";

	private static final Logger logger = LoggerFactory.getLogger(ErasureServiceConfiguration.class);

	@Bean
	static ConfigurationCheck blobUploadErasureConfigurationCheck() {
		return (report) -> {
			BlobUploadErasureProperties erasure = report.bind("blob.upload.erasure", BlobUploadErasureProperties.class);
			if (erasure.isEnabled()) {
				StoreBlobErasureBuilder builder = StoreBlobErasure.builder();
				report.set(PREFIX + "grace-period", erasure.getGracePeriod(), builder::gracePeriod);
				report.set(PREFIX + "max-references", erasure.getMaxReferences(), builder::maxReferences);
			}
		};
	}

	@Bean
	@ConditionalOnMissingBean
	BlobErasureTally blobErasureTally() {
		return new BlobErasureTally();
	}

	/**
	 * Names the viewer's trace-index entry of a removed reference, so that the trace page
	 * no longer lists it.
	 */
	@Bean
	@ConditionalOnMissingBean(name = "blobViewerIndexCompanions")
	ReferenceCompanions blobViewerIndexCompanions() {
		return (readerPrefix, reference) -> {
			String traceId = reference.traceId();
			String entry = (traceId != null)
					? TraceIndexWriter.entryUriOf(readerPrefix, traceId, reference.spanId(), reference.storageUri())
					: null;
			return (entry != null) ? List.of(entry) : List.of();
		};
	}

	// grace-period and max-references were checked before any bean was created
	// (blobUploadErasureConfigurationCheck).
	@Bean
	@ConditionalOnBean(BlobUploaderRegistry.class)
	@ConditionalOnMissingBean(BlobErasure.class)
	StoreBlobErasure blobErasure(BlobUploaderRegistry blobUploaderRegistry, BlobUploadErasureProperties properties,
			OwnerLabels ownerLabels, Environment environment, ObjectProvider<ErasureListener> listeners,
			ObjectProvider<ReferenceCompanions> companions, BlobErasureTally tally,
			ObjectProvider<ReferenceIndexWriter> referenceIndex,
			@Qualifier(BlobUploadErasureAutoConfiguration.CLOCK_BEAN_NAME) ObjectProvider<Clock> clock) {
		StoreBlobErasureBuilder builder = StoreBlobErasure.builder()
			.ownerLabels(ownerLabels)
			.service(environment.getProperty("spring.application.name"))
			.gracePeriod(properties.getGracePeriod())
			.maxReferences(properties.getMaxReferences())
			.clock(clock.getIfAvailable(Clock::systemUTC))
			.listeners(listeners.orderedStream().toList())
			.companions(companions.orderedStream().toList())
			.receipts(tally);
		// References accepted before the erasure are written before it lists them.
		referenceIndex.ifAvailable((writer) -> builder.indexFlush(writer::flush));
		List<String> notDeletable = new ArrayList<>();
		for (BlobDestination destination : blobUploaderRegistry.destinations()) {
			Optional<BlobReader> reader = Optional.empty();
			Optional<BlobDeleter> deleter = Optional.empty();
			if (destination.uploader() instanceof ManagedBlobUploader managed) {
				deleter = managed.blobDeleter();
				// The index is listed and read with the rights erasure deletes with (an
				// erasure-only client), else through the uploader's reader.
				reader = deleter.flatMap(BlobDeleter::blobReader).or(managed::blobReader);
			}
			if (reader.isPresent() && deleter.isPresent()) {
				builder.destination(List.of(destination.useCase()), reader.get(), deleter.get());
			}
			else if (!"disabled".equals(destination.uriPrefix())) {
				notDeletable.add(destination.useCase());
			}
		}
		if (!notDeletable.isEmpty()) {
			logger.warn("Erasure is on, but the blobs of use cases {} cannot be erased: their store offers no reader "
					+ "and deleter. An erasure leaves them in place.", notDeletable);
		}
		return builder.build();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class ErasureMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BlobErasureMetrics blobErasureMetrics(BlobErasureTally blobErasureTally) {
			return new BlobErasureMetrics(blobErasureTally);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(AbstractHealthIndicator.class)
	@ConditionalOnEnabledHealthIndicator("bloberasure")
	static class ErasureHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "blobErasureHealthIndicator")
		BlobErasureHealthIndicator blobErasureHealthIndicator(BlobErasureTally blobErasureTally) {
			return new BlobErasureHealthIndicator(blobErasureTally);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass({ Endpoint.class, ConditionalOnAvailableEndpoint.class })
	static class ErasureEndpointConfiguration {

		// On the registry, as the erasure bean: a nested configuration's conditions are
		// evaluated before the beans of the class around it are registered.
		@Bean
		@ConditionalOnMissingBean
		@ConditionalOnBean(BlobUploaderRegistry.class)
		@ConditionalOnAvailableEndpoint
		BlobErasureEndpoint blobErasureEndpoint(BlobErasure blobErasure) {
			return new BlobErasureEndpoint(blobErasure);
		}

	}

}
