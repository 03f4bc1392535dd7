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

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.actuate.ActiveStorageChecks;
import io.github.blobupload.actuate.BlobRetentionHealthIndicator;
import io.github.blobupload.actuate.BlobUploadHealthIndicator;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.BuilderArguments;
import io.github.blobupload.retention.BlobRetention;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.blobupload.autoconfigure.BuilderArguments.invalid;

/**
 * Auto-configuration of the {@code blobUpload} health contributor, present when Spring
 * Boot's health support is on the classpath; switch it off with
 * {@code management.health.blobupload.enabled=false}. It reads counters only, unless
 * {@code blob.upload.health.active-check.enabled=true} makes it write a probe object to
 * each destination (at most once per {@code blob.upload.health.active-check.interval}). A
 * failing store shows as {@code DEGRADED}, outside the application's overall health,
 * unless {@code blob.upload.health.affects-aggregate=true} makes it {@code DOWN}. The
 * {@code blobRetention} contributor shows the last retention sweep; switch it off with
 * {@code management.health.blobretention.enabled=false}.
 */
@AutoConfiguration(after = BlobUploadAutoConfiguration.class)
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean(BlobUploaderRegistry.class)
@ConditionalOnEnabledHealthIndicator("blobupload")
@EnableConfigurationProperties(BlobUploadHealthProperties.class)
public final class BlobUploadHealthAutoConfiguration {

	private static final String ACTIVE_CHECK = "blob.upload.health.active-check.";

	@Bean
	@ConditionalOnMissingBean(name = "blobUploadHealthIndicator")
	BlobUploadHealthIndicator blobUploadHealthIndicator(BlobUploaderRegistry blobUploaderRegistry,
			BlobUploadHealthProperties health) {
		@Nullable ActiveStorageChecks activeChecks = activeChecks(health.getActiveCheck());
		try {
			return new BlobUploadHealthIndicator(blobUploaderRegistry, health.getFailureThreshold(), activeChecks,
					health.isAffectsAggregate());
		}
		catch (IllegalArgumentException ex) {
			throw BuilderArguments.invalid("blob.upload.health.failure-threshold", health.getFailureThreshold(), ex);
		}
	}

	private static @Nullable ActiveStorageChecks activeChecks(BlobUploadHealthProperties.ActiveCheck activeCheck) {
		if (!activeCheck.isEnabled()) {
			return null;
		}
		try {
			return new ActiveStorageChecks(activeCheck.getInterval(), activeCheck.getTimeout());
		}
		catch (IllegalArgumentException ex) {
			// The message starts with the setting to change.
			boolean timeout = String.valueOf(ex.getMessage()).startsWith("timeout");
			throw invalid(ACTIVE_CHECK + (timeout ? "timeout" : "interval"),
					timeout ? activeCheck.getTimeout() : activeCheck.getInterval(), ex);
		}
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnBean(BlobRetention.class)
	@ConditionalOnEnabledHealthIndicator("blobretention")
	static class RetentionHealthConfiguration {

		@Bean
		@ConditionalOnMissingBean(name = "blobRetentionHealthIndicator")
		BlobRetentionHealthIndicator blobRetentionHealthIndicator(BlobRetention blobRetention) {
			return new BlobRetentionHealthIndicator(blobRetention);
		}

	}

}
