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

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.core.io.Resource;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the {@code gs://} provider ({@code blob.upload.gcs.*}), used when
 * google-cloud-storage is on the class path. An application's own Storage bean is used
 * when there is one; otherwise a client is built on the first upload from these settings.
 */
@ConfigurationProperties("blob.upload.gcs")
public class BlobUploadGcsProperties {

	/**
	 * Project id of the client built by the starter. Defaults to the one found in the
	 * environment; uploading to an existing bucket does not need it.
	 */
	private @Nullable String projectId;

	/**
	 * Endpoint of the client built by the starter, such as http://127.0.0.1:4443 for an
	 * emulator (the port is kept). Defaults to the public Google Cloud Storage endpoint.
	 */
	private @Nullable String endpoint;

	/**
	 * Location of a service-account key file (JSON), such as file:/secrets/key.json, used
	 * by the client built by the starter and to sign URLs. Defaults to Application
	 * Default Credentials.
	 */
	private @Nullable Resource credentialsLocation;

	/**
	 * Whether the client built by the starter sends requests without credentials, for
	 * emulators only.
	 */
	private boolean anonymous = false;

	/**
	 * Cloud KMS key that encrypts the uploaded objects, such as
	 * projects/P/locations/L/keyRings/R/cryptoKeys/K. Defaults to the bucket's default
	 * encryption.
	 */
	private @Nullable String kmsKeyName;

	/**
	 * Smallest blob uploaded with a resumable upload (several requests, sent in chunks)
	 * rather than a single request.
	 */
	private DataSize resumableThreshold = DataSize.ofMegabytes(8);

	public @Nullable String getProjectId() {
		return this.projectId;
	}

	public void setProjectId(@Nullable String projectId) {
		this.projectId = projectId;
	}

	public @Nullable String getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable String endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable Resource getCredentialsLocation() {
		return this.credentialsLocation;
	}

	public void setCredentialsLocation(@Nullable Resource credentialsLocation) {
		this.credentialsLocation = credentialsLocation;
	}

	public boolean isAnonymous() {
		return this.anonymous;
	}

	public void setAnonymous(boolean anonymous) {
		this.anonymous = anonymous;
	}

	public @Nullable String getKmsKeyName() {
		return this.kmsKeyName;
	}

	public void setKmsKeyName(@Nullable String kmsKeyName) {
		this.kmsKeyName = kmsKeyName;
	}

	public DataSize getResumableThreshold() {
		return this.resumableThreshold;
	}

	public void setResumableThreshold(DataSize resumableThreshold) {
		this.resumableThreshold = resumableThreshold;
	}

}
