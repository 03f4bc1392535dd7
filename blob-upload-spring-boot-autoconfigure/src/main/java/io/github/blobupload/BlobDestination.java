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

package io.github.blobupload;

import java.util.Objects;

import io.github.blobupload.internal.Redactor;

import org.jspecify.annotations.Nullable;

/**
 * One destination of a {@link BlobUploaderRegistry}: a use case, where its blobs go and
 * the uploader that writes them. Health and metrics read destinations through
 * {@link BlobUploaderRegistry#destinations()}, so they work with any registry, the
 * application's own included.
 *
 * @param useCase the use case, {@value BlobUploaderRegistry#DEFAULT_USE_CASE} for the
 * default one
 * @param uriPrefix where its blobs are written ({@linkplain #withoutCredentials
 * credentials removed}); {@code null} when unknown, {@code disabled} when the use case is
 * switched off
 * @param uploader the uploader; a {@link ManagedBlobUploader} reports statistics and may
 * offer a {@linkplain ManagedBlobUploader#storageProbe() storage probe}
 */
public record BlobDestination(String useCase, @Nullable String uriPrefix, BlobUploader uploader) {

	/**
	 * Creates a destination.
	 * @param useCase the use case
	 * @param uriPrefix the URI prefix, or {@code null}
	 * @param uploader the uploader
	 */
	public BlobDestination {
		Objects.requireNonNull(useCase, "useCase must not be null");
		Objects.requireNonNull(uploader, "uploader must not be null");
		uriPrefix = (uriPrefix != null) ? withoutCredentials(uriPrefix) : null;
	}

	/**
	 * Removes credentials from a URI prefix, so that it can be shown in health details,
	 * logs and pages: user information ({@code user:password@}) is dropped and a query
	 * string (such as a SAS token) becomes {@code ?(redacted)}.
	 * @param uriPrefix a URI prefix
	 * @return the prefix without credentials
	 */
	public static String withoutCredentials(String uriPrefix) {
		return Redactor.uri(uriPrefix);
	}

}
