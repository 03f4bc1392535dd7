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

package io.github.blobupload.provider.internal;

import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The one rule by which the HTTP-based providers decide whether a storage error is worth
 * retrying: a 3xx or 4xx answer is permanent (bucket or container missing, access denied,
 * bad request), except 408 (request timeout), 429 (throttled) and the store's own
 * retryable error codes; 5xx answers are transient.
 */
public final class StorageErrors {

	private StorageErrors() {
	}

	/**
	 * Tells whether an error answer is permanent, so that it is not retried.
	 * @param status the HTTP status of the answer
	 * @param code the store's error code, such as {@code NoSuchBucket} or
	 * {@code ServerBusy}, if it gave one
	 * @param retryableCodes the store's error codes that are transient whatever their
	 * status
	 * @return {@code true} if retrying cannot help
	 */
	public static boolean isPermanent(int status, @Nullable String code, Set<String> retryableCodes) {
		if (code != null && retryableCodes.contains(code)) {
			return false;
		}
		return status >= 300 && status < 500 && status != 408 && status != 429;
	}

}
