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

import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.actuate.BlobUploadMetrics;
import io.github.blobupload.ai.BlobOffloadListener;
import io.github.blobupload.autoconfigure.BlobUploadProperties;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.github.blobupload.provider.SimpleBlobUploaderDecorator;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The reference index: written next to the blobs of each destination that can be read
 * back and deleted, through engines of its own built with the blobs' own settings (and
 * spooled when the spool is on), for every blob accepted or deduplicated and for Spring
 * AI media recorded again without an upload.
 */
@Configuration(proxyBeanMethods = false)
class ReferenceIndexConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(ReferenceIndexConfiguration.class);

	// Each record names the application that wrote it: erasing by trace removes only
	// this application's references.
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	ReferenceIndexWriter blobReferenceIndexWriter(BlobUploadProperties properties, OwnerLabels blobOwnerLabels,
			ObjectProvider<BlobUploadListener> listeners, Environment environment) {
		return new ReferenceIndexWriter(new ReferenceIndexEngines(properties, listeners), blobOwnerLabels,
				Clock.systemUTC(), environment.getProperty("spring.application.name"));
	}

	/** Gives the writer each destination's provider uploader, unchanged. */
	@Bean
	SimpleBlobUploaderDecorator blobReferenceIndexDestinations(ReferenceIndexWriter blobReferenceIndexWriter) {
		return (useCase, uriPrefix, uploader) -> {
			if (!blobReferenceIndexWriter.addDestination(useCase, uploader)) {
				logger.warn(
						"Erasure is on but the storage of use case '{}' cannot be both read back and deleted "
								+ "from: no reference index is written for it, and erasure cannot find its objects.",
						useCase);
			}
			return uploader;
		};
	}

	/**
	 * Closes the writer's engines after the registry's engines have flushed (whose last
	 * blobs still add records), before any storage client is destroyed.
	 */
	@Bean
	ReferenceIndexLifecycle blobReferenceIndexLifecycle(ObjectProvider<ReferenceIndexWriter> writers) {
		return new ReferenceIndexLifecycle(writers.orderedStream().toList());
	}

	/**
	 * The index engines' gauges (queue, parked, spool) and their counters at zero, beside
	 * the destinations': their records are counted by the application's upload listeners.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	static class MetricsConfiguration {

		// A binder only, not a listener: the application's BlobUploadMetrics already
		// hears the index engines; without it, the counters would stay at zero.
		@Bean
		MeterBinder blobReferenceIndexMetrics(ReferenceIndexWriter blobReferenceIndexWriter,
				ObjectProvider<BlobUploadMetrics> blobUploadMetrics) {
			return (registry) -> {
				if (blobUploadMetrics.getIfAvailable() != null) {
					new BlobUploadMetrics(blobReferenceIndexWriter::destinations).bindTo(registry);
				}
			};
		}

	}

	/** Records the references of media that Spring AI calls send again. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(
			name = { "io.github.blobupload.ai.BlobOffloadListener", "org.springframework.ai.content.Media" })
	static class ReusedMediaConfiguration {

		@Bean
		BlobOffloadListener blobReusedMediaReferences(ReferenceIndexWriter blobReferenceIndexWriter) {
			return new ReusedMediaReferences(blobReferenceIndexWriter);
		}

	}

}
