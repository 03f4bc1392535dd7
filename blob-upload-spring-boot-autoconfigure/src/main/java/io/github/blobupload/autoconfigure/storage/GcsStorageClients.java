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

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.ServiceOptions;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.github.blobupload.provider.gcs.GcsUrlSigner;
import io.github.blobupload.provider.internal.LazyClient;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.core.io.Resource;

import static io.github.blobupload.autoconfigure.BuilderArguments.invalid;
import static io.github.blobupload.autoconfigure.BuilderArguments.set;

/**
 * Obtains the Google Cloud Storage client and the URL signer for the {@code gs://}
 * provider, lazily: nothing is resolved until a {@code gs://} prefix is used (the signer)
 * or the first blob is uploaded (the client), so an application without Google
 * credentials starts as long as it does not upload to {@code gs://}.
 * <p>
 * The client is the application's {@link Storage} bean when there is one, otherwise one
 * built from {@code blob.upload.gcs.*} and Application Default Credentials. Either way
 * the client used for uploads has the SDK's own retries turned off, so that the upload
 * engine's retry, backoff and per-attempt timeout are the only ones. A client built here
 * also waits for the store no longer than the engine's per-attempt timeout (connect and
 * read timeouts), so that an attempt the engine abandons does not hold a thread and a
 * connection until the store answers.
 */
final class GcsStorageClients {

	private static final String SIGNED_URLS = BlobUploadSignedUrlsProperties.PREFIX + ".";

	private static final String SIGN_WITH_A_KEY_FILE = "Set blob.upload.gcs.credentials-location to a service-account "
			+ "key file, such as file:/secrets/key.json, or set " + SIGNED_URLS + "enabled=false.";

	private final BlobUploadGcsProperties properties;

	private final Duration uploadTimeout;

	private final ObjectProvider<Storage> userStorage;

	GcsStorageClients(BlobUploadGcsProperties properties, Duration uploadTimeout, ObjectProvider<Storage> userStorage) {
		this.properties = properties;
		this.uploadTimeout = uploadTimeout;
		this.userStorage = userStorage;
	}

	/**
	 * Returns the client, obtained on first use. A failure is not remembered: the next
	 * upload tries again; obtaining it throws {@link IllegalStateException} if no
	 * credentials can be found or read.
	 * @return the lazy client
	 */
	LazyClient<Storage> storage() {
		return LazyClient.of("Google Cloud Storage client", this::userStorage, this::createStorage);
	}

	/**
	 * Returns the URL signer, obtained on first use.
	 * @param expiry how long URLs are valid
	 * @return the lazy signer; obtaining it throws
	 * {@link InvalidConfigurationPropertyValueException} if the expiry is out of range or
	 * the credentials cannot sign offline
	 */
	LazyClient<GcsUrlSigner> urlSigner(Duration expiry) {
		return LazyClient.of("Google Cloud Storage URL signer", () -> null, () -> createSigner(expiry));
	}

	private @Nullable Storage userStorage() {
		Storage user = this.userStorage.getIfAvailable();
		return (user != null) ? withoutRetries(user) : null;
	}

	private Storage createStorage() {
		int timeoutMillis = (int) Math.min(Integer.MAX_VALUE, Math.max(1, this.uploadTimeout.toMillis()));
		StorageOptions.Builder builder = StorageOptions.newBuilder()
			.setRetrySettings(ServiceOptions.getNoRetrySettings())
			.setTransportOptions(HttpTransportOptions.newBuilder()
				.setConnectTimeout(timeoutMillis)
				.setReadTimeout(timeoutMillis)
				.build());
		if (hasText(this.properties.getEndpoint())) {
			// Given to the client as is: unlike spring.cloud.gcp.storage.host, the port
			// is kept.
			builder.setHost(this.properties.getEndpoint().strip());
		}
		Credentials credentials = this.properties.isAnonymous() ? NoCredentials.getInstance() : credentials();
		builder.setCredentials(credentials);
		if (hasText(this.properties.getProjectId())) {
			builder.setProjectId(this.properties.getProjectId().strip());
		}
		else if (credentials instanceof ServiceAccountCredentials serviceAccount
				&& serviceAccount.getProjectId() != null) {
			builder.setProjectId(serviceAccount.getProjectId());
		}
		return builder.build().getService();
	}

	private static Storage withoutRetries(Storage user) {
		try {
			return user.getOptions()
				.toBuilder()
				.setRetrySettings(ServiceOptions.getNoRetrySettings())
				.build()
				.getService();
		}
		catch (RuntimeException ex) {
			// Not a client the SDK can rebuild (a custom implementation): use it as it
			// is.
			return user;
		}
	}

	private GcsUrlSigner createSigner(Duration expiry) {
		set(SIGNED_URLS + "expiry", expiry, GcsUrlSigner::checkExpiry);
		if (this.properties.getCredentialsLocation() != null) {
			return signer(credentials(), expiry,
					"blob.upload.gcs.credentials-location=" + this.properties.getCredentialsLocation());
		}
		Storage user = this.userStorage.getIfAvailable();
		if (user != null) {
			return signer(user.getOptions().getCredentials(), expiry, "the application's Storage bean");
		}
		try {
			return signer(GoogleCredentials.getApplicationDefault(), expiry, "Application Default Credentials");
		}
		catch (IOException ex) {
			throw invalid(SIGNED_URLS + "enabled", true,
					"No Google credentials were found to sign URLs: " + ex.getMessage() + " " + SIGN_WITH_A_KEY_FILE);
		}
	}

	private static GcsUrlSigner signer(@Nullable Credentials credentials, Duration expiry, String source) {
		try {
			return GcsUrlSigner.of(credentials, expiry, source);
		}
		catch (IllegalArgumentException ex) {
			throw invalid(SIGNED_URLS + "enabled", true, ex.getMessage() + " " + SIGN_WITH_A_KEY_FILE);
		}
	}

	private GoogleCredentials credentials() {
		Resource location = this.properties.getCredentialsLocation();
		if (location != null) {
			try (InputStream in = location.getInputStream()) {
				return GoogleCredentials.fromStream(in);
			}
			catch (IOException ex) {
				throw new IllegalStateException(
						"Cannot read blob.upload.gcs.credentials-location " + location + ": " + ex.getMessage(), ex);
			}
		}
		try {
			return GoogleCredentials.getApplicationDefault();
		}
		catch (IOException ex) {
			throw new IllegalStateException("No Google credentials: " + ex.getMessage()
					+ " Set blob.upload.gcs.credentials-location, or declare a Storage bean.", ex);
		}
	}

	private static boolean hasText(@Nullable String value) {
		return value != null && !value.isBlank();
	}

}
