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

import java.time.Duration;
import java.util.function.Supplier;

import com.azure.identity.DefaultAzureCredentialBuilder;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.github.blobupload.provider.azure.AzureBlobStorageProvider;
import io.github.blobupload.provider.azure.AzureUploadOptions;
import io.github.blobupload.provider.internal.LazyClients;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;

import static io.github.blobupload.autoconfigure.BuilderArguments.set;

/**
 * Auto-configuration of the {@code azblob://} provider, active when the Azure Storage
 * Blob client ({@code com.azure:azure-storage-blob}) is on the classpath. The
 * application's own {@link BlobServiceClient} bean is used when there is one; otherwise a
 * client per storage account is built on first upload from {@code blob.upload.azure.*} (a
 * connection string, or Microsoft Entra ID through {@code DefaultAzureCredential} when
 * {@code com.azure:azure-identity} is present), with the SDK's own retries off (the
 * upload engine retries). Erasure deletes through the {@value #ERASURE_CLIENT_BEAN_NAME}
 * bean when the application declares one, so that the uploading client can stay
 * write-only.
 */
@AutoConfiguration
@ConditionalOnClass(BlobServiceClient.class)
@EnableConfigurationProperties({ BlobUploadAzureProperties.class, BlobUploadSignedUrlsProperties.class })
public final class AzureStorageAutoConfiguration {

	/**
	 * The name of the application's {@link BlobServiceClient} bean for erasure only
	 * (declared with {@code @Bean(defaultCandidate = false)}): the deleters use it, when
	 * there is one, instead of the uploading client.
	 */
	public static final String ERASURE_CLIENT_BEAN_NAME = "blobErasureAzureServiceClient";

	private static final String PREFIX = "blob.upload.azure.";

	private static final String AZURE_IDENTITY = "com.azure.identity.DefaultAzureCredentialBuilder";

	@Bean
	@ConditionalOnMissingBean
	AzureBlobStorageProvider azureBlobStorageProvider(BlobUploadAzureProperties azure,
			BlobUploadSignedUrlsProperties signedUrls, ObjectProvider<BlobServiceClient> blobServiceClient,
			ConfigurableListableBeanFactory beanFactory) {
		AzureUploadOptions options = options(azure, signedUrls);
		Supplier<BlobServiceClient> erasure = ErasureClientBeans.find(beanFactory, ERASURE_CLIENT_BEAN_NAME,
				BlobServiceClient.class);
		return new AzureBlobStorageProvider(
				LazyClients.of("Azure Blob client", blobServiceClient::getIfAvailable,
						(account) -> buildClient(account, azure)),
				options, (erasure != null)
						? LazyClients.of("Azure Blob erasure client", erasure::get, (account) -> erasure.get()) : null);
	}

	private static AzureUploadOptions options(BlobUploadAzureProperties azure,
			BlobUploadSignedUrlsProperties signedUrls) {
		AzureUploadOptions.Builder options = AzureUploadOptions.builder();
		set(PREFIX + "block-upload-threshold", azure.getBlockUploadThreshold(),
				(size) -> options.blockUploadThreshold(size.toBytes()));
		set(PREFIX + "block-size", azure.getBlockSize(), (size) -> options.blockSize(size.toBytes()));
		options.encryptionScope(azure.getEncryptionScope());
		if (azure.getPublicEndpoint() != null) {
			set(PREFIX + "public-endpoint", azure.getPublicEndpoint(), options::publicEndpoint);
		}
		if (signedUrls.isEnabled()) {
			set(BlobUploadSignedUrlsProperties.PREFIX + ".expiry", signedUrls.getExpiry(), options::signedUrlExpiry);
		}
		return options.build();
	}

	private static BlobServiceClient buildClient(String account, BlobUploadAzureProperties azure) {
		BlobServiceClientBuilder builder = new BlobServiceClientBuilder()
			// The upload engine retries with backoff; SDK retries would multiply its
			// attempts.
			.retryOptions(new RequestRetryOptions(RetryPolicyType.FIXED, 1, (Duration) null, null, null, null));
		String endpoint = azure.getEndpoint();
		String connectionString = azure.getConnectionString();
		if (connectionString != null && !connectionString.isBlank()) {
			builder.connectionString(connectionString.strip());
			if (endpoint != null && !endpoint.isBlank()) {
				builder.endpoint(endpoint.strip());
			}
			return builder.buildClient();
		}
		builder.endpoint((endpoint != null && !endpoint.isBlank()) ? endpoint.strip()
				: "https://" + account + ".blob.core.windows.net");
		if (!ClassUtils.isPresent(AZURE_IDENTITY, AzureStorageAutoConfiguration.class.getClassLoader())) {
			throw new IllegalStateException("no credentials for the storage account '" + account
					+ "': set blob.upload.azure.connection-string, add com.azure:azure-identity to use "
					+ "DefaultAzureCredential, or declare a BlobServiceClient bean");
		}
		return EntraId.configure(builder).buildClient();
	}

	/**
	 * Keeps the azure-identity types out of the outer class, which must load without
	 * them.
	 */
	private static final class EntraId {

		static BlobServiceClientBuilder configure(BlobServiceClientBuilder builder) {
			return builder.credential(new DefaultAzureCredentialBuilder().build());
		}

	}

}
