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
import io.github.blobupload.actuate.BlobRetentionMetrics;
import io.github.blobupload.actuate.BlobUploadMetrics;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.retention.BlobRetention;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of the upload metrics, present when Micrometer is on the classpath.
 * The {@link BlobUploadMetrics} bean is a listener (so the registry's uploaders report to
 * it) and a meter binder (so Spring Boot binds it to the application's meter registry).
 * The Spring AI integration binds its own meters from its auto-configuration. The
 * retention's counters are bound by {@link BlobRetentionMetrics}.
 */
@AutoConfiguration(after = BlobUploadAutoConfiguration.class)
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

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(BlobRetention.class)
	static class RetentionMetricsConfiguration {

		@Bean
		@ConditionalOnMissingBean
		BlobRetentionMetrics blobRetentionMetrics(BlobRetention blobRetention) {
			return new BlobRetentionMetrics(blobRetention);
		}

	}

}
