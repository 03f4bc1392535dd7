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

import java.util.List;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.metrics.AiMediaMetrics;
import io.github.blobupload.ai.metrics.AiRefsMetrics;
import io.github.blobupload.actuate.BlobUploadMetrics;
import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the upload metrics, present when Micrometer is on the classpath.
 * The {@link BlobUploadMetrics} bean is a listener (so the registry's uploaders report to
 * it) and a meter binder (so Spring Boot binds it to the application's meter registry).
 * With Spring AI on the class path, {@link AiMediaMetrics} adds the
 * {@code blob.upload.ai.media} counter of the Spring AI integration's offloader, and
 * {@link AiRefsMetrics} the {@code blob.upload.ai.refs} counter of its {@code refs}
 * layout.
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public final class BlobUploadMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BlobUploadMetrics blobUploadMetrics(ObjectProvider<BlobUploaderRegistry> blobUploaderRegistry) {
		return new BlobUploadMetrics(() -> {
			BlobUploaderRegistry registry = blobUploaderRegistry.getIfAvailable();
			return (registry != null) ? registry.destinations() : List.of();
		});
	}

	/** Counts Spring AI media when the Spring AI integration is on. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "org.springframework.ai.content.Media")
	static class AiMediaMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		AiMediaMetrics blobUploadAiMediaMetrics(ObjectProvider<MediaOffloader> offloader) {
			return new AiMediaMetrics(offloader::getIfAvailable);
		}

		@Bean
		@ConditionalOnMissingBean
		AiRefsMetrics blobUploadAiRefsMetrics(ObjectProvider<GenAiRefsWriter> writer) {
			return new AiRefsMetrics(writer::getIfAvailable);
		}

	}

}
