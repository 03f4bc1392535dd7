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

package io.github.blobupload.observation;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.SimpleBlobUploaderDecorator;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * The decorator that makes every use case's uploader an
 * {@link ObservedSimpleBlobUploader}: one observation per upload attempt.
 */
public final class BlobUploadObservations implements SimpleBlobUploaderDecorator {

	private final Supplier<ObservationRegistry> registry;

	private final @Nullable BlobUploadObservationConvention convention;

	/**
	 * Creates the decorator.
	 * @param registry the registry observations are made with
	 * @param convention a convention replacing the default one, or {@code null}
	 */
	public BlobUploadObservations(ObservationRegistry registry, @Nullable BlobUploadObservationConvention convention) {
		this(() -> registry, convention);
		Objects.requireNonNull(registry, "registry must not be null");
	}

	/**
	 * Creates the decorator with a registry resolved on the first upload attempt rather
	 * than at startup: the registry's own setup may need the blob uploaders (the Spring
	 * AI integration's observation filter does), so asking for it while they are being
	 * created would be circular.
	 * @param registry gives the registry; called on upload workers, should cache
	 * @param convention a convention replacing the default one, or {@code null}
	 */
	public BlobUploadObservations(Supplier<ObservationRegistry> registry,
			@Nullable BlobUploadObservationConvention convention) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		this.convention = convention;
	}

	@Override
	public SimpleBlobUploader decorate(String useCase, String uriPrefix, SimpleBlobUploader uploader) {
		String scheme = BlobStorageProvider.schemeOf(uriPrefix);
		return ObservedSimpleBlobUploader.wrap(uploader, useCase, (scheme != null) ? scheme : "unknown", this.registry,
				this.convention);
	}

}
