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

package io.github.blobupload.autoconfigure;

import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.SimpleBlobUploaderDecorator;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.retention.BlobRetention;

import java.time.Clock;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Auto-configuration of blob uploading: a {@link BlobUploaderRegistry} built from
 * {@code blob.upload.*}, the default {@link BlobUploader}, the naming strategy and the
 * embedded {@code file:} provider. Storage providers are {@link BlobStorageProvider}
 * beans, chosen by the scheme of each configured prefix;
 * {@link SimpleBlobUploaderDecorator} beans wrap each use case's provider uploader. Every
 * bean backs off when the application defines its own. The registry shuts its uploaders
 * down when the context stops, before any bean (such as a storage client) is destroyed.
 * Every {@code blob.upload.*} value is checked before any bean is created
 * ({@link ConfigurationCheck}), and every invalid one reported in one startup failure.
 */
@AutoConfiguration
@EnableConfigurationProperties(BlobUploadProperties.class)
@Import(ConfigurationChecksRegistrar.class)
public final class BlobUploadAutoConfiguration {

	// Checks what the registry below is built from, unless the application has its own
	// registry. Declared before the registry, whose own definition would else count as
	// the application's.
	@Bean
	@ConditionalOnMissingBean(BlobUploaderRegistry.class)
	static ConfigurationCheck blobUploadConfigurationCheck() {
		return new BlobUploadConfigurationCheck();
	}

	@Bean
	@ConditionalOnMissingBean
	FileBlobStorageProvider fileBlobStorageProvider() {
		return new FileBlobStorageProvider();
	}

	@Bean
	@ConditionalOnMissingBean
	BlobNamingStrategy blobNamingStrategy(BlobUploadProperties properties) {
		return switch (properties.getNaming()) {
			case CONTENT_ADDRESSED -> BlobNamingStrategies.contentAddressed();
			case UUID -> BlobNamingStrategies.uuid();
		};
	}

	// Retention of the registry's use cases: marks, refreshes of re-used objects and the
	// sweeps of file: prefixes. Replace it to inject another clock.
	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	BlobRetention blobRetention(BlobUploadProperties properties) {
		return new BlobRetention(Clock.systemUTC(), properties.getRetentionSweepInterval());
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean(BlobUploaderRegistry.class)
	DefaultBlobUploaderRegistry blobUploaderRegistry(BlobUploadProperties properties,
			ObjectProvider<BlobStorageProvider> providers, BlobNamingStrategy blobNamingStrategy,
			ObjectProvider<BlobUploadListener> listeners, ObjectProvider<SimpleBlobUploaderDecorator> decorators,
			ObjectProvider<KnownUseCases> knownUseCases, ObjectProvider<BlobRetention> retention,
			ObjectProvider<CallerBlobLabels> callerLabels, Environment environment) {
		return new BlobUploaderRegistryFactory(properties, new ConfigurationReport(environment),
				providers.orderedStream().toList(), blobNamingStrategy,
				BlobUploadListener.composite(listeners.orderedStream().toList()), decorators.orderedStream().toList(),
				retention.getIfAvailable(), ErasureMemoLifetime.of(environment))
			.callerLabels(callerLabels.getIfAvailable())
			.create(knownUseCases.orderedStream().toList());
	}

	// Shuts the registry down before any bean is destroyed: the storage clients it uses
	// are obtained lazily, so nothing tells Spring to destroy them after the registry.
	@Bean
	BlobUploaderRegistryLifecycle blobUploaderRegistryLifecycle(
			ObjectProvider<DefaultBlobUploaderRegistry> registries) {
		return new BlobUploaderRegistryLifecycle(registries.orderedStream().toList());
	}

	// The registry owns the uploader and shuts it down; no destroy method of its own.
	@Bean(destroyMethod = "")
	@ConditionalOnMissingBean
	BlobUploader blobUploader(BlobUploaderRegistry blobUploaderRegistry) {
		return blobUploaderRegistry.getBlobUploader(null);
	}

}
