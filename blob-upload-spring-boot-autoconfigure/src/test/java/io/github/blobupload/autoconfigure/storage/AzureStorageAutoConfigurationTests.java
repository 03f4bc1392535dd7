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

import com.azure.storage.blob.BlobServiceClient;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.provider.azure.AzureBlobStorageProvider;
import io.github.blobupload.provider.azure.AzureUploadOptions;
import io.github.blobupload.provider.internal.LazyClients;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditions of {@link AzureStorageAutoConfiguration}.
 */
class AzureStorageAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(BlobUploadAutoConfiguration.class, AzureStorageAutoConfiguration.class));

	@Test
	void providesTheAzureProviderWhenTheSdkIsPresent() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(AzureBlobStorageProvider.class));
	}

	@Test
	void backsOffWhenTheSdkIsMissingAndAnAzblobPrefixSaysWhichDependencyToAdd() {
		this.runner.withClassLoader(new FilteredClassLoader(BlobServiceClient.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AzureBlobStorageProvider.class));
		this.runner.withClassLoader(new FilteredClassLoader(BlobServiceClient.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=azblob://account1/blobs")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.uri-prefix")
				.hasMessageContaining("com.azure:azure-storage-blob"));
	}

	@Test
	void startsWithoutAnyAzureAccountOrCredentials() {
		// The client is built on the first upload, not at startup.
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=azblob://account1/blobs")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(BlobUploaderRegistry.class));
	}

	@Test
	void usersProviderBeanWins() {
		this.runner.withUserConfiguration(UserProvider.class)
			.run((context) -> assertThat(context).getBean(AzureBlobStorageProvider.class)
				.isSameAs(context.getBean(UserProvider.class).provider));
	}

	@Test
	void prefixWithoutContainerFailsStartupNamingThePropertyAndValue() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=azblob://account1")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.uri-prefix")
				.hasMessageContaining("'azblob://account1'")
				.hasMessageContaining("must name a storage account and a container"));
	}

	@Test
	void invalidAccountNameFailsStartup() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=azblob://My-Account/blobs")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("not a valid storage account name"));
	}

	@Test
	void zeroBlockSizeFailsStartup() {
		this.runner.withPropertyValues("blob.upload.azure.block-size=0B")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.azure.block-size"));
	}

	@Test
	void blockUploadThresholdOverTheAzureMaximumFailsStartupNamingTheValue() {
		this.runner.withPropertyValues("blob.upload.azure.block-upload-threshold=6GB")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.azure.block-upload-threshold with value '6GB' is invalid")
				.hasMessageContaining("the largest blob Azure accepts in one request"));
	}

	@Test
	void nonPositiveSignedUrlExpiryFailsStartupNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.signed-urls.expiry with value '0s' is invalid")
				.hasMessageContaining("It must be a positive duration but was PT0S."));
	}

	@Test
	void bindsUploadSettings() {
		this.runner
			.withPropertyValues("blob.upload.azure.encryption-scope=blobs-scope",
					"blob.upload.azure.block-upload-threshold=4MB", "blob.upload.azure.block-size=2MB",
					"blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=30m")
			.run((context) -> {
				AzureUploadOptions options = context.getBean(AzureBlobStorageProvider.class).options();
				assertThat(options.encryptionScope()).isEqualTo("blobs-scope");
				assertThat(options.blockUploadThreshold()).isEqualTo(4L * 1024 * 1024);
				assertThat(options.blockSize()).isEqualTo(2L * 1024 * 1024);
				assertThat(options.signedUrlExpiry()).hasMinutes(30);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class UserProvider {

		final AzureBlobStorageProvider provider = new AzureBlobStorageProvider(
				LazyClients.of("unused", () -> null, (account) -> {
					throw new IllegalStateException("not used");
				}), AzureUploadOptions.defaults());

		@Bean
		AzureBlobStorageProvider userAzureBlobStorageProvider() {
			return this.provider;
		}

	}

}
