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

package io.github.blobupload.testsupport;

import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.GcsStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;

/**
 * An object store the provider and reliability tests run against: how the starter is
 * pointed at it (through {@code blob.upload.*} only), what its URIs look like, how it
 * answers errors on the wire, and, where one can run here, its emulator. Google Cloud
 * Storage has no emulator here: it is played by a local HTTP server answering like the
 * JSON API.
 */
public enum StorageTarget {

	/** S3, emulated by s3proxy. */
	S3(S3StorageAutoConfiguration.class, "s3://") {

		@Override
		public List<String> properties(int port) {
			return List.of("blob.upload.s3.endpoint=http://127.0.0.1:" + port,
					"blob.upload.s3.region=" + S3Emulator.REGION, "blob.upload.s3.path-style-access=true");
		}

		@Override
		public StorageEmulator startOn(int port) {
			return S3Emulator.startOn(port);
		}

		@Override
		public StorageEmulator shared() {
			return S3Emulator.shared();
		}

		@Override
		public ResponseDefinitionBuilder errorAnswer(int status) {
			String code = switch (status) {
				case 403 -> "AccessDenied";
				case 404 -> "NoSuchBucket";
				case 429 -> "TooManyRequests";
				case 500 -> "InternalError";
				case 503 -> "SlowDown";
				default -> throw new IllegalArgumentException("no S3 error for " + status);
			};
			return xmlError(status, code).withHeader("x-amz-request-id", "fault-injected");
		}

	},

	/** Azure Blob Storage, emulated by Azurite. */
	AZURE(AzureStorageAutoConfiguration.class, "azblob://" + AzuriteEmulator.ACCOUNT + "/") {

		@Override
		public List<String> properties(int port) {
			return List.of("blob.upload.azure.connection-string="
					+ AzuriteEmulator.connectionString(port, AzuriteEmulator.ACCOUNT_KEY));
		}

		@Override
		public StorageEmulator startOn(int port) {
			return AzuriteEmulator.startOn(port);
		}

		@Override
		public StorageEmulator shared() {
			return AzuriteEmulator.shared();
		}

		@Override
		public ResponseDefinitionBuilder errorAnswer(int status) {
			String code = switch (status) {
				case 403 -> "AuthorizationFailure";
				case 404 -> "ContainerNotFound";
				case 429 -> "TooManyRequests";
				case 500 -> "InternalError";
				case 503 -> "ServerBusy";
				default -> throw new IllegalArgumentException("no Azure error for " + status);
			};
			// The client reads the error code from this header.
			return xmlError(status, code).withHeader("x-ms-error-code", code);
		}

	},

	/**
	 * Google Cloud Storage, played by a local HTTP server answering like its JSON API.
	 */
	GCS(GcsStorageAutoConfiguration.class, "gs://") {

		@Override
		public List<String> properties(int port) {
			return List.of("blob.upload.gcs.endpoint=http://127.0.0.1:" + port, "blob.upload.gcs.anonymous=true",
					"blob.upload.gcs.project-id=test-project");
		}

		@Override
		public StorageEmulator startOn(int port) {
			throw new UnsupportedOperationException("no Google Cloud Storage emulator can run here");
		}

		@Override
		public StorageEmulator shared() {
			throw new UnsupportedOperationException("no Google Cloud Storage emulator can run here");
		}

		@Override
		public boolean emulated() {
			return false;
		}

		@Override
		public ResponseDefinitionBuilder errorAnswer(int status) {
			String reason = switch (status) {
				case 403 -> "forbidden";
				case 404 -> "notFound";
				case 429 -> "rateLimitExceeded";
				case 500 -> "internalError";
				case 503 -> "backendError";
				default -> throw new IllegalArgumentException("no GCS error for " + status);
			};
			return aResponse().withStatus(status)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"error\":{\"code\":" + status + ",\"message\":\"injected " + reason + "\",\"errors\":[{"
						+ "\"reason\":\"" + reason + "\",\"message\":\"injected " + reason + "\"}]}}");
		}

		@Override
		public ResponseDefinitionBuilder successAnswer() {
			return okJson("{\"kind\":\"storage#object\",\"bucket\":\"b\",\"name\":\"o\",\"generation\":\"1\","
					+ "\"size\":\"1\"}");
		}

	};

	private final Class<?> autoConfiguration;

	private final String uriRoot;

	StorageTarget(Class<?> autoConfiguration, String uriRoot) {
		this.autoConfiguration = autoConfiguration;
		this.uriRoot = uriRoot;
	}

	/**
	 * Returns the provider's auto-configuration.
	 * @return the auto-configuration class
	 */
	public Class<?> autoConfiguration() {
		return this.autoConfiguration;
	}

	/**
	 * Returns the {@code blob.upload.*} properties that point the provider at a loopback
	 * port, with the credentials the emulator accepts.
	 * @param port the port of the store (or of a server in front of it)
	 * @return the properties
	 */
	public abstract List<String> properties(int port);

	/**
	 * Returns the URI prefix of a bucket, with a {@code faults} folder.
	 * @param bucket the bucket or container
	 * @return the value for {@code blob.upload.uri-prefix}
	 */
	public String uriPrefix(String bucket) {
		return uriPrefix(bucket, "faults");
	}

	/**
	 * Returns the URI prefix of a folder in a bucket.
	 * @param bucket the bucket or container
	 * @param folder the folder
	 * @return the value for {@code blob.upload.uri-prefix}
	 */
	public String uriPrefix(String bucket, String folder) {
		return this.uriRoot + bucket + "/" + folder;
	}

	/**
	 * Returns the object name a recorded URI stands for.
	 * @param bucket the bucket the URI is in
	 * @param uri a URI returned by {@code uploadAsync}
	 * @return the object key or blob name
	 */
	public String objectName(String bucket, String uri) {
		String root = this.uriRoot + bucket + "/";
		if (!uri.startsWith(root)) {
			throw new IllegalArgumentException(uri + " is not in " + root);
		}
		return uri.substring(root.length());
	}

	/**
	 * Returns whether a real emulator of this store runs here.
	 * @return whether {@link #startOn(int)} and {@link #shared()} work
	 */
	public boolean emulated() {
		return true;
	}

	/**
	 * Starts a private emulator on the given port.
	 * @param port the loopback port
	 * @return the emulator, which the caller closes
	 */
	public abstract StorageEmulator startOn(int port);

	/**
	 * Returns the emulator shared by the tests of this run.
	 * @return the emulator
	 */
	public abstract StorageEmulator shared();

	/**
	 * Returns an error answer as this store sends it on the wire.
	 * @param status 403, 404, 429, 500 or 503
	 * @return the answer
	 */
	public abstract ResponseDefinitionBuilder errorAnswer(int status);

	/**
	 * Returns how a server in front of this store answers when no fault is injected: by
	 * passing the request on to the shared emulator, or (without one) with a success as
	 * the store sends it.
	 * @return the answer
	 */
	public ResponseDefinitionBuilder successAnswer() {
		return aResponse().proxiedFrom("http://127.0.0.1:" + shared().port());
	}

	private static ResponseDefinitionBuilder xmlError(int status, String code) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/xml")
			.withBody("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>injected "
					+ code + "</Message></Error>");
	}

}
