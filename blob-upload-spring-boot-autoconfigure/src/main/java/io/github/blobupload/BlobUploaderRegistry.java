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

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * Hands out the {@link BlobUploader} for each use case, such as {@code chat.input} or
 * {@code image.output}, so that each can go to its own storage prefix.
 */
public interface BlobUploaderRegistry {

	/** The name of the use case served by the default uploader. */
	String DEFAULT_USE_CASE = "default";

	/**
	 * Returns the uploader for a use case. Never {@code null}: the uploader configured
	 * for the use case, else the default one, else one that reports (once, rate-limited)
	 * why nothing is configured and returns {@link BlobUploader#NOT_UPLOADED}.
	 * @param useCase the use case, or {@code null} for the default
	 * @return an uploader
	 */
	BlobUploader getBlobUploader(@Nullable String useCase);

	/**
	 * Waits until every blob accepted so far, by every uploader of this registry, has
	 * been uploaded, has failed or has been dropped.
	 * @param timeout how long to wait at most, for all uploaders together
	 * @return {@code true} if that happened within the timeout
	 */
	boolean flush(Duration timeout);

	/**
	 * Returns every destination of this registry, the default use case first, for health
	 * details and metrics. The default reports only the default uploader, under
	 * {@value #DEFAULT_USE_CASE}; a registry with several use cases should list them all.
	 * @return the destinations, never empty
	 */
	default List<BlobDestination> destinations() {
		return List.of(new BlobDestination(DEFAULT_USE_CASE, null, getBlobUploader(null)));
	}

	/**
	 * Returns the canonical form of a use-case name, the one the registry built by the
	 * auto-configuration lists its destinations under: lower case, every run of
	 * characters other than letters and digits turned into one {@code -}, none at either
	 * end. So {@code chat.input}, {@code CHAT_INPUT} and {@code [chat.input]} all give
	 * {@code chat-input}.
	 * @param useCase the name, or {@code null}
	 * @return the canonical name; {@code null} or blank give the empty string
	 */
	static String normalizeUseCase(@Nullable String useCase) {
		if (useCase == null) {
			return "";
		}
		StringBuilder normalized = new StringBuilder(useCase.length());
		boolean separator = false;
		for (int i = 0; i < useCase.length(); i++) {
			char c = Character.toLowerCase(useCase.charAt(i));
			if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				if (separator && normalized.length() > 0) {
					normalized.append('-');
				}
				normalized.append(c);
				separator = false;
			}
			else {
				separator = true;
			}
		}
		return normalized.toString().toLowerCase(Locale.ROOT);
	}

}
