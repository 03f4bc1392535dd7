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

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.provider.s3.S3UploadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Conditions of {@link S3StorageAutoConfiguration}.
 */
class S3StorageAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class));

	@Test
	void providesTheS3ProviderWhenTheSdkIsPresent() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(S3BlobStorageProvider.class));
	}

	@Test
	void backsOffWhenTheSdkIsMissingAndAnS3PrefixSaysWhichDependencyToAdd() {
		this.runner.withClassLoader(new FilteredClassLoader(S3Client.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(S3BlobStorageProvider.class));
		this.runner.withClassLoader(new FilteredClassLoader(S3Client.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://my-bucket/traces")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.uri-prefix")
				.hasMessageContaining("software.amazon.awssdk:s3"));
	}

	@Test
	void startsWithoutAnyAwsRegionOrCredentials() {
		// The client is built on the first upload, not at startup.
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://my-bucket/traces")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(BlobUploaderRegistry.class);
				// An S3 uploader is in place, not the fallback that drops every blob.
				assertThat(context.getBean(BlobUploaderRegistry.class).destinations()).singleElement()
					.satisfies((destination) -> {
						assertThat(destination.uriPrefix()).isEqualTo("s3://my-bucket/traces");
						assertThat(destination.uploader()).isInstanceOfSatisfying(ManagedBlobUploader.class,
								(uploader) -> assertThat(uploader.storageProbe()).isPresent());
					});
			});
	}

	@Test
	void startsWithTheSdkPresentAndUploadingDisabled() {
		this.runner.withPropertyValues("blob.upload.uri-prefix=s3://my-bucket")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void usersProviderBeanWins() {
		this.runner.withUserConfiguration(UserProvider.class)
			.run((context) -> assertThat(context).getBean(S3BlobStorageProvider.class)
				.isSameAs(context.getBean(UserProvider.class).provider));
	}

	@Test
	void prefixWithoutBucketFailsStartupNamingThePropertyAndValue() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.uri-prefix")
				.hasMessageContaining("'s3://'")
				.hasMessageContaining("names no bucket"));
	}

	@Test
	void invalidBucketNameFailsStartup() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=s3://My_Bucket/x")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.uri-prefix")
				.hasMessageContaining("not a valid S3 bucket name"));
	}

	@Test
	void partSizeBelowTheS3MinimumFailsStartup() {
		this.runner.withPropertyValues("blob.upload.s3.part-size=1MB")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.s3.part-size")
				.hasMessageContaining("at least 5MB"));
	}

	@Test
	void multipartThresholdBelowTheS3MinimumFailsStartupNamingTheValue() {
		this.runner.withPropertyValues("blob.upload.s3.multipart-threshold=1MB")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Property blob.upload.s3.multipart-threshold with value '1MB' is invalid")
				.hasMessageContaining("It must be at least 5MB (5242880 bytes, the smallest part S3 accepts)"));
	}

	@Test
	void kmsKeyWithoutKmsEncryptionFailsStartup() {
		this.runner.withPropertyValues("blob.upload.s3.kms-key-id=alias/blobs")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.s3.kms-key-id")
				.hasMessageContaining("server-side-encryption=aws-kms"));
	}

	@Test
	void signedUrlExpiryOverSevenDaysFailsStartup() {
		this.runner.withPropertyValues("blob.upload.signed-urls.enabled=true", "blob.upload.signed-urls.expiry=8d")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("blob.upload.signed-urls.expiry")
				.hasMessageContaining("7 days"));
	}

	@Test
	void bindsUploadSettings() {
		this.runner
			.withPropertyValues("blob.upload.s3.server-side-encryption=aws-kms",
					"blob.upload.s3.kms-key-id=alias/blobs", "blob.upload.s3.multipart-threshold=32MB",
					"blob.upload.s3.part-size=6MB", "blob.upload.signed-urls.enabled=true",
					"blob.upload.signed-urls.expiry=2h")
			.run((context) -> {
				S3UploadOptions options = context.getBean(S3BlobStorageProvider.class).options();
				assertThat(options.serverSideEncryption()).isEqualTo("aws:kms");
				assertThat(options.kmsKeyId()).isEqualTo("alias/blobs");
				assertThat(options.multipartThreshold()).isEqualTo(32L * 1024 * 1024);
				assertThat(options.partSize()).isEqualTo(6L * 1024 * 1024);
				assertThat(options.signedUrlExpiry()).hasHours(2);
			});
	}

	@Test
	void aClientWithoutARegionFailsUploadsSayingWhichPropertySetsIt(@TempDir Path home) {
		assumeTrue(System.getenv("AWS_REGION") == null && System.getenv("AWS_DEFAULT_REGION") == null,
				"an AWS region is set in the environment");
		// No region from system properties, the profile file or instance metadata either.
		Map<String, String> noRegion = Map.of("aws.configFile", home.resolve("config").toString(),
				"aws.disableEc2Metadata", "true");
		noRegion.forEach(System::setProperty);
		try {
			this.runner.run((context) -> {
				SimpleBlobUploader uploader = context.getBean(S3BlobStorageProvider.class)
					.createUploader("s3://my-bucket", BlobNamingStrategies.uuid());
				Blob blob = new Blob(new byte[] { 1 }, null, null);
				assertThatExceptionOfType(PermanentUploadException.class)
					.isThrownBy(() -> uploader.uploadSync(uploader.generateDestinationUri(blob), blob))
					.withMessageStartingWith("Cannot create the S3 client for bucket 'my-bucket': ")
					.withMessageEndingWith(" Set blob.upload.s3.region (or AWS_REGION), or declare an S3Client bean.");
			});
		}
		finally {
			noRegion.keySet().forEach(System::clearProperty);
		}
	}

	@Configuration(proxyBeanMethods = false)
	static class UserProvider {

		final S3BlobStorageProvider provider = new S3BlobStorageProvider(
				LazyClient.of("test", () -> null,
						() -> S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:1")).build()),
				null, S3UploadOptions.defaults());

		@Bean
		S3BlobStorageProvider userS3BlobStorageProvider() {
			return this.provider;
		}

	}

}
