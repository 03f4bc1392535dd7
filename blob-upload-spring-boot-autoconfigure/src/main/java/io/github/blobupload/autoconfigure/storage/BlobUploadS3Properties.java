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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the {@code s3://} provider ({@code blob.upload.s3.*}), which needs
 * software.amazon.awssdk:s3. Used only when the application has no S3Client bean of its
 * own; the client is built on first upload from these settings and the AWS SDK's default
 * credential chain.
 */
@ConfigurationProperties("blob.upload.s3")
public class BlobUploadS3Properties {

	/**
	 * Endpoint of an S3-compatible store, such as http://127.0.0.1:9000 for MinIO.
	 * Defaults to the AWS endpoint of the region.
	 */
	private @Nullable URI endpoint;

	/**
	 * Endpoint that signed URLs (recorded signed URLs and the viewer's redirects) point
	 * at, when browsers reach the store by another name than the application, such as
	 * https://media.example.com for a MinIO the application reaches at http://minio:9000.
	 * Defaults to the endpoint. Applies to the presigner the starter builds, not to an
	 * application's own S3Presigner bean.
	 */
	private @Nullable URI publicEndpoint;

	/**
	 * AWS region, such as eu-west-1. Defaults to the SDK's region chain (AWS_REGION, the
	 * profile file, instance metadata).
	 */
	private @Nullable String region;

	/**
	 * Whether to address buckets as http://endpoint/bucket rather than
	 * http://bucket.endpoint, as most S3-compatible stores need.
	 */
	private boolean pathStyleAccess = false;

	/**
	 * Server-side encryption requested with each object: 'bucket-default' (send nothing),
	 * 'aes256' (SSE-S3) or 'aws-kms' (SSE-KMS, see kms-key-id).
	 */
	private ServerSideEncryption serverSideEncryption = ServerSideEncryption.BUCKET_DEFAULT;

	/**
	 * KMS key id or ARN for 'aws-kms' encryption. Defaults to the AWS managed key
	 * (aws/s3).
	 */
	private @Nullable String kmsKeyId;

	/** Blobs larger than this are sent as a multipart upload; at least 5MB. */
	private DataSize multipartThreshold = DataSize.ofMegabytes(16);

	/** Size of each part of a multipart upload; at least 5MB. */
	private DataSize partSize = DataSize.ofMegabytes(8);

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable URI getPublicEndpoint() {
		return this.publicEndpoint;
	}

	public void setPublicEndpoint(@Nullable URI publicEndpoint) {
		this.publicEndpoint = publicEndpoint;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public boolean isPathStyleAccess() {
		return this.pathStyleAccess;
	}

	public void setPathStyleAccess(boolean pathStyleAccess) {
		this.pathStyleAccess = pathStyleAccess;
	}

	public ServerSideEncryption getServerSideEncryption() {
		return this.serverSideEncryption;
	}

	public void setServerSideEncryption(ServerSideEncryption serverSideEncryption) {
		this.serverSideEncryption = serverSideEncryption;
	}

	public @Nullable String getKmsKeyId() {
		return this.kmsKeyId;
	}

	public void setKmsKeyId(@Nullable String kmsKeyId) {
		this.kmsKeyId = kmsKeyId;
	}

	public DataSize getMultipartThreshold() {
		return this.multipartThreshold;
	}

	public void setMultipartThreshold(DataSize multipartThreshold) {
		this.multipartThreshold = multipartThreshold;
	}

	public DataSize getPartSize() {
		return this.partSize;
	}

	public void setPartSize(DataSize partSize) {
		this.partSize = partSize;
	}

	/** Server-side encryption of S3 objects. */
	public enum ServerSideEncryption {

		/** Send no encryption header: the bucket's default encryption applies. */
		BUCKET_DEFAULT,

		/** SSE-S3: keys managed by S3 ({@code AES256}). */
		AES256,

		/** SSE-KMS: a KMS key ({@code aws:kms}). */
		AWS_KMS

	}

}
