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

import io.github.blobupload.autoconfigure.BlobUploadProperties;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.provider.s3.S3UploadOptions;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import static io.github.blobupload.autoconfigure.BuilderArguments.invalid;
import static io.github.blobupload.autoconfigure.BuilderArguments.set;

/**
 * Auto-configuration of the {@code s3://} provider, active when the AWS SDK v2 S3 client
 * ({@code software.amazon.awssdk:s3}) is on the classpath. The application's own
 * {@link S3Client} (and {@link S3Presigner}) beans are used when there are; otherwise a
 * client is built on first upload from {@code blob.upload.s3.*} and the SDK's default
 * credential and region chains, with the SDK's own retries off (the upload engine
 * retries). Erasure deletes through the {@value #ERASURE_CLIENT_BEAN_NAME} bean when the
 * application declares one, so that the uploading client can stay write-only.
 */
@AutoConfiguration
@ConditionalOnClass(S3Client.class)
@EnableConfigurationProperties({ BlobUploadProperties.class, BlobUploadS3Properties.class,
		BlobUploadSignedUrlsProperties.class })
public final class S3StorageAutoConfiguration {

	/**
	 * The name of the application's {@link S3Client} bean for erasure only (declared with
	 * {@code @Bean(defaultCandidate = false)}): the deleters use it, when there is one,
	 * instead of the uploading client.
	 */
	public static final String ERASURE_CLIENT_BEAN_NAME = "blobErasureS3Client";

	private static final String PREFIX = "blob.upload.s3.";

	@Bean
	@ConditionalOnMissingBean
	S3BlobStorageProvider s3BlobStorageProvider(BlobUploadS3Properties s3, BlobUploadSignedUrlsProperties signedUrls,
			BlobUploadProperties properties, ObjectProvider<S3Client> s3Client, ObjectProvider<S3Presigner> s3Presigner,
			ConfigurableListableBeanFactory beanFactory) {
		S3UploadOptions options = options(s3, signedUrls);
		Duration uploadTimeout = properties.getWorker().getUploadTimeout();
		LazyClient<S3Client> client = LazyClient.of("S3 client", s3Client::getIfAvailable,
				() -> buildClient(s3, uploadTimeout));
		// Obtained on first use: for recorded signed URLs, or for the viewer's redirects.
		LazyClient<S3Presigner> presigner = LazyClient.of("S3 presigner", s3Presigner::getIfAvailable,
				() -> buildPresigner(client.get(), s3));
		Supplier<S3Client> erasure = ErasureClientBeans.find(beanFactory, ERASURE_CLIENT_BEAN_NAME, S3Client.class);
		return new S3BlobStorageProvider(client, presigner, options,
				(erasure != null) ? LazyClient.of("S3 erasure client", erasure::get, erasure) : null);
	}

	private static S3UploadOptions options(BlobUploadS3Properties s3, BlobUploadSignedUrlsProperties signedUrls) {
		S3UploadOptions.Builder options = S3UploadOptions.builder();
		set(PREFIX + "multipart-threshold", s3.getMultipartThreshold(),
				(size) -> options.multipartThreshold(size.toBytes()));
		set(PREFIX + "part-size", s3.getPartSize(), (size) -> options.partSize(size.toBytes()));
		set(PREFIX + "server-side-encryption", s3.getServerSideEncryption(),
				(encryption) -> options.serverSideEncryption(switch (encryption) {
					case BUCKET_DEFAULT -> null;
					case AES256 -> S3UploadOptions.AES256;
					case AWS_KMS -> S3UploadOptions.AWS_KMS;
				}));
		options.kmsKeyId(s3.getKmsKeyId());
		if (signedUrls.isEnabled()) {
			set(BlobUploadSignedUrlsProperties.PREFIX + ".expiry", signedUrls.getExpiry(), options::signedUrlExpiry);
		}
		try {
			return options.build();
		}
		catch (IllegalArgumentException ex) {
			// The one rule across settings: a KMS key goes with aws:kms encryption.
			throw invalid(PREFIX + "kms-key-id", s3.getKmsKeyId(),
					"A KMS key is used only with " + PREFIX + "server-side-encryption=aws-kms.");
		}
	}

	private static S3Client buildClient(BlobUploadS3Properties s3, Duration uploadTimeout) {
		S3ClientBuilder builder = S3Client.builder()
			// The upload engine retries with backoff; SDK retries would multiply its
			// attempts.
			// An attempt the engine abandons at its timeout is aborted by the SDK as
			// well,
			// rather than holding a thread and a connection until the store answers.
			.overrideConfiguration((override) -> override.retryStrategy(AwsRetryStrategy.doNotRetry())
				.apiCallAttemptTimeout(uploadTimeout))
			.forcePathStyle(s3.isPathStyleAccess());
		if (s3.getRegion() != null && !s3.getRegion().isBlank()) {
			builder.region(Region.of(s3.getRegion().strip()));
		}
		if (s3.getEndpoint() != null) {
			builder.endpointOverride(s3.getEndpoint());
		}
		try {
			return builder.build();
		}
		catch (SdkClientException ex) {
			// Building the client fails for configuration only, such as no region.
			throw SdkClientException.create(
					ex.getMessage() + " Set " + PREFIX + "region (or AWS_REGION), or declare an S3Client bean.", ex);
		}
	}

	private static S3Presigner buildPresigner(S3Client client, BlobUploadS3Properties s3) {
		// Sign for the same region, credentials and endpoint as the client uploads with.
		S3ServiceClientConfiguration configuration = client.serviceClientConfiguration();
		S3Presigner.Builder builder = S3Presigner.builder()
			.s3Client(client)
			.region(configuration.region())
			.credentialsProvider(configuration.credentialsProvider())
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.isPathStyleAccess()).build());
		if (s3.getPublicEndpoint() != null) {
			// Browsers reach the store by another name: the host is part of the
			// signature.
			builder.endpointOverride(s3.getPublicEndpoint());
		}
		else {
			configuration.endpointOverride().ifPresent(builder::endpointOverride);
		}
		S3Presigner presigner = builder.build();
		// Resolve the credentials now, on this background thread, not on the caller's.
		presigner.presignGetObject((presign) -> presign.signatureDuration(Duration.ofMinutes(1))
			.getObjectRequest((get) -> get.bucket("blob-upload-warm-up").key("warm-up")));
		return presigner;
	}

}
