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

import com.google.cloud.storage.Storage;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.BlobUploadProperties;
import io.github.blobupload.provider.gcs.GcsBlobStorageProvider;
import io.github.blobupload.provider.gcs.GcsUploadOptions;
import io.github.blobupload.provider.gcs.GcsUrlSigner;
import io.github.blobupload.provider.internal.LazyClient;
import org.jspecify.annotations.Nullable;

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
 * Auto-configuration of the {@code gs://} provider, active when google-cloud-storage is
 * on the class path. It reuses the application's {@link Storage} bean when there is one
 * and otherwise builds a client from {@code blob.upload.gcs.*} on the first upload;
 * nothing about Google credentials is resolved at startup unless a {@code gs://} prefix
 * is used with signed URLs. Erasure deletes through the
 * {@value #ERASURE_CLIENT_BEAN_NAME} bean when the application declares one, so that the
 * uploading client can stay write-only.
 */
@AutoConfiguration(before = BlobUploadAutoConfiguration.class)
@ConditionalOnClass(Storage.class)
@EnableConfigurationProperties({ BlobUploadProperties.class, BlobUploadGcsProperties.class,
		BlobUploadSignedUrlsProperties.class })
public final class GcsStorageAutoConfiguration {

	/**
	 * The name of the application's {@link Storage} bean for erasure only (declared with
	 * {@code @Bean(defaultCandidate = false)}): the deleters use it, when there is one,
	 * instead of the uploading client.
	 */
	public static final String ERASURE_CLIENT_BEAN_NAME = "blobErasureGcsStorage";

	private static final String PREFIX = "blob.upload.gcs.";

	@Bean
	@ConditionalOnMissingBean
	GcsBlobStorageProvider gcsBlobStorageProvider(BlobUploadGcsProperties gcs,
			BlobUploadSignedUrlsProperties signedUrls, BlobUploadProperties properties, ObjectProvider<Storage> storage,
			ConfigurableListableBeanFactory beanFactory) {
		GcsUploadOptions.Builder options = GcsUploadOptions.builder().kmsKeyName(gcs.getKmsKeyName());
		set(PREFIX + "resumable-threshold", gcs.getResumableThreshold(),
				(size) -> options.resumableThreshold(size.toBytes()));
		if (gcs.isAnonymous() && gcs.getCredentialsLocation() != null) {
			throw invalid(PREFIX + "anonymous", true, "It cannot be combined with " + PREFIX + "credentials-location.");
		}
		GcsStorageClients clients = new GcsStorageClients(gcs, properties.getWorker().getUploadTimeout(), storage);
		@Nullable LazyClient<GcsUrlSigner> signer = signedUrls.isEnabled() ? clients.urlSigner(signedUrls.getExpiry()) : null;
		// The viewer's redirects sign with their own expiry; obtained on first redirect.
		LazyClient<GcsUrlSigner> readSigner = (signer != null) ? signer : clients.urlSigner(Duration.ofHours(1));
		Supplier<Storage> erasure = ErasureClientBeans.find(beanFactory, ERASURE_CLIENT_BEAN_NAME, Storage.class);
		return new GcsBlobStorageProvider(clients.storage(), options.build(), signer, readSigner,
				(erasure != null) ? LazyClient.of("Google Cloud Storage erasure client", erasure::get, erasure) : null);
	}

}
