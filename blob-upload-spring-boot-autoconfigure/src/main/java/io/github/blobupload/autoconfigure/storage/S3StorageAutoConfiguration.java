package io.github.blobupload.autoconfigure.storage;

import java.time.Duration;

import io.github.blobupload.autoconfigure.BlobUploadProperties;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.provider.s3.S3UploadOptions;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.S3ServiceClientConfiguration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.util.unit.DataSize;

/**
 * Auto-configuration of the {@code s3://} provider, active when the AWS SDK v2 S3 client
 * ({@code software.amazon.awssdk:s3}) is on the classpath. The application's own
 * {@link S3Client} (and {@link S3Presigner}) beans are used when there are; otherwise a
 * client is built on first upload from {@code blob.upload.s3.*} and the SDK's default
 * credential and region chains, with the SDK's own retries off (the upload engine
 * retries).
 */
@AutoConfiguration
@ConditionalOnClass(S3Client.class)
@EnableConfigurationProperties({ BlobUploadProperties.class, BlobUploadS3Properties.class,
		BlobUploadSignedUrlsProperties.class })
public final class S3StorageAutoConfiguration {

	private static final String PREFIX = "blob.upload.s3.";

	@Bean
	@ConditionalOnMissingBean
	S3BlobStorageProvider s3BlobStorageProvider(BlobUploadS3Properties s3, BlobUploadSignedUrlsProperties signedUrls,
			BlobUploadProperties properties, ObjectProvider<S3Client> s3Client, ObjectProvider<S3Presigner> s3Presigner) {
		S3UploadOptions options = options(s3, signedUrls);
		Duration uploadTimeout = properties.getWorker().getUploadTimeout();
		LazyClient<S3Client> client = LazyClient.of("S3 client", s3Client::getIfAvailable,
				() -> buildClient(s3, uploadTimeout));
		LazyClient<S3Presigner> presigner = (options.signedUrlExpiry() != null)
				? LazyClient.of("S3 presigner", s3Presigner::getIfAvailable, () -> buildPresigner(client.get(), s3))
				: null;
		return new S3BlobStorageProvider(client, presigner, options);
	}

	private static S3UploadOptions options(BlobUploadS3Properties s3, BlobUploadSignedUrlsProperties signedUrls) {
		long threshold = atLeastPartSize("multipart-threshold", s3.getMultipartThreshold());
		long partSize = atLeastPartSize("part-size", s3.getPartSize());
		if (partSize > Integer.MAX_VALUE) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "part-size", s3.getPartSize(),
					"It must be smaller than 2GB.");
		}
		String encryption = switch (s3.getServerSideEncryption()) {
			case BUCKET_DEFAULT -> null;
			case AES256 -> "AES256";
			case AWS_KMS -> "aws:kms";
		};
		if (s3.getKmsKeyId() != null && s3.getServerSideEncryption() != BlobUploadS3Properties.ServerSideEncryption.AWS_KMS) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + "kms-key-id", s3.getKmsKeyId(),
					"A KMS key is used only with blob.upload.s3.server-side-encryption=aws-kms.");
		}
		Duration expiry = null;
		if (signedUrls.isEnabled()) {
			expiry = signedUrls.getExpiry();
			if (expiry == null || expiry.isNegative() || expiry.isZero()
					|| expiry.compareTo(S3UploadOptions.MAX_SIGNED_URL_EXPIRY) > 0) {
				throw new InvalidConfigurationPropertyValueException("blob.upload.signed-urls.expiry", expiry,
						"S3 presigned URLs must expire after a positive duration of at most 7 days.");
			}
		}
		return new S3UploadOptions(threshold, partSize, encryption, s3.getKmsKeyId(), expiry);
	}

	private static long atLeastPartSize(String name, @Nullable DataSize size) {
		if (size == null || size.toBytes() < S3UploadOptions.MIN_PART_SIZE) {
			throw new InvalidConfigurationPropertyValueException(PREFIX + name, size,
					"S3 parts must be at least 5MB.");
		}
		return size.toBytes();
	}

	private static S3Client buildClient(BlobUploadS3Properties s3, Duration uploadTimeout) {
		S3ClientBuilder builder = S3Client.builder()
			// The upload engine retries with backoff; SDK retries would multiply its attempts.
			// An attempt the engine abandons at its timeout is aborted by the SDK as well,
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
		return builder.build();
	}

	private static S3Presigner buildPresigner(S3Client client, BlobUploadS3Properties s3) {
		// Sign for the same region, credentials and endpoint as the client uploads with.
		S3ServiceClientConfiguration configuration = client.serviceClientConfiguration();
		S3Presigner.Builder builder = S3Presigner.builder()
			.s3Client(client)
			.region(configuration.region())
			.credentialsProvider(configuration.credentialsProvider())
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(s3.isPathStyleAccess()).build());
		configuration.endpointOverride().ifPresent(builder::endpointOverride);
		S3Presigner presigner = builder.build();
		// Resolve the credentials now, on this background thread, not on the caller's.
		presigner.presignGetObject((presign) -> presign.signatureDuration(Duration.ofMinutes(1))
			.getObjectRequest((get) -> get.bucket("blob-upload-warm-up").key("warm-up")));
		return presigner;
	}

}
