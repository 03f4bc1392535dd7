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

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.google.cloud.NoCredentials;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.provider.azure.AzureBlobStorageProvider;
import io.github.blobupload.provider.gcs.GcsBlobStorageProvider;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ErasureClientBeans}, through the storage auto-configurations.
 */
class ErasureClientBeansTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class,
				GcsStorageAutoConfiguration.class, AzureStorageAutoConfiguration.class));

	@Test
	void erasureClientsDeclaredAsNoDefaultCandidatesAreAccepted() {
		this.runner.withUserConfiguration(ErasureClientConfiguration.class)
			.withBean(GcsStorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, Storage.class,
					ErasureClientBeansTests::storage, (definition) -> notDefault(definition))
			.withBean(AzureStorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, BlobServiceClient.class,
					ErasureClientBeansTests::azureClient, (definition) -> notDefault(definition))
			.withBean(InjectedByType.class)
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(S3BlobStorageProvider.class)
					.hasSingleBean(GcsBlobStorageProvider.class)
					.hasSingleBean(AzureBlobStorageProvider.class);
				// No candidate for injection by type, as the providers' uploading
				// clients are injected: uploads never get it.
				assertThat(context.getBean(InjectedByType.class).clients).isEmpty();
			});
	}

	@Test
	void anS3ErasureClientThatIsADefaultCandidateFailsStartup() {
		this.runner
			.withBean(S3StorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, S3Client.class,
					ErasureClientBeansTests::s3Client)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'blobErasureS3Client'")
				.hasMessageContaining("defaultCandidate = false"));
	}

	@Test
	void aGcsErasureClientThatIsADefaultCandidateFailsStartup() {
		this.runner
			.withBean(GcsStorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, Storage.class,
					ErasureClientBeansTests::storage)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'blobErasureGcsStorage'")
				.hasMessageContaining("defaultCandidate = false"));
	}

	@Test
	void anAzureErasureClientThatIsADefaultCandidateFailsStartup() {
		this.runner
			.withBean(AzureStorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, BlobServiceClient.class,
					ErasureClientBeansTests::azureClient)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'blobErasureAzureServiceClient'")
				.hasMessageContaining("defaultCandidate = false"));
	}

	@Test
	void anErasureClientOfAnotherTypeFailsStartup() {
		this.runner
			.withBean(S3StorageAutoConfiguration.ERASURE_CLIENT_BEAN_NAME, String.class, () -> "not a client",
					(definition) -> notDefault(definition))
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("'blobErasureS3Client' must be a software.amazon.awssdk.services.s3.S3Client"));
	}

	/** The declaration docs/storage-providers.md shows. */
	@Configuration(proxyBeanMethods = false)
	static class ErasureClientConfiguration {

		@Bean(name = "blobErasureS3Client", defaultCandidate = false)
		S3Client blobErasureS3Client() {
			return s3Client();
		}

	}

	/** What injection by type gives, as the auto-configurations ask for clients. */
	static final class InjectedByType {

		final List<Object> clients = new ArrayList<>();

		InjectedByType(ObjectProvider<S3Client> s3, ObjectProvider<Storage> gcs,
				ObjectProvider<BlobServiceClient> azure) {
			Stream.of(s3.getIfAvailable(), gcs.getIfAvailable(), azure.getIfAvailable())
				.filter(Objects::nonNull)
				.forEach(this.clients::add);
		}

	}

	private static void notDefault(Object definition) {
		((AbstractBeanDefinition) definition).setDefaultCandidate(false);
	}

	private static S3Client s3Client() {
		return S3Client.builder()
			.region(Region.US_EAST_1)
			.credentialsProvider(AnonymousCredentialsProvider.create())
			.build();
	}

	private static Storage storage() {
		return StorageOptions.newBuilder()
			.setProjectId("test-project")
			.setCredentials(NoCredentials.getInstance())
			.build()
			.getService();
	}

	private static BlobServiceClient azureClient() {
		return new BlobServiceClientBuilder().endpoint("http://127.0.0.1:1/devstoreaccount1").buildClient();
	}

}
