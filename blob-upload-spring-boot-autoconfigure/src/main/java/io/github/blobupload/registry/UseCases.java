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

package io.github.blobupload.registry;

import io.github.blobupload.BlobUploaderRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Normalises use-case names so that {@code chat.input}, {@code chat-input},
 * {@code CHAT_INPUT} and {@code [chat.input]} (as property keys) all name the same use
 * case. A use case's name also names its folder under the default prefix, so it is made
 * only of {@code a-z 0-9 -} and is at most {@value #MAX_LENGTH} characters long. Names
 * are matched in their {@linkplain #compact compact} form, so {@code chatinput} (as an
 * environment variable such as {@code BLOB_UPLOAD_USECASES_CHATINPUT_URIPREFIX} gives it)
 * names {@code chat.input} too.
 */
public final class UseCases {

	/** The longest normalised use-case name a registry accepts. */
	public static final int MAX_LENGTH = 64;

	private UseCases() {
	}

	/**
	 * Returns the canonical form of a use-case name: lower case, every run of characters
	 * other than letters and digits turned into one {@code -}, none at either end (the
	 * API's {@link BlobUploaderRegistry#normalizeUseCase}).
	 * @param useCase the name, or {@code null}
	 * @return the canonical name; {@code null} or blank give the empty string
	 */
	public static String normalize(@Nullable String useCase) {
		return BlobUploaderRegistry.normalizeUseCase(useCase);
	}

	/**
	 * Returns the form in which use-case names are compared: the {@linkplain #normalize
	 * normalised} name without separators, so that every spelling of a name, the
	 * environment variable's included, matches it.
	 * @param useCase the name, or {@code null}
	 * @return letters and digits only
	 */
	public static String compact(@Nullable String useCase) {
		return normalize(useCase).replace("-", "");
	}

}
