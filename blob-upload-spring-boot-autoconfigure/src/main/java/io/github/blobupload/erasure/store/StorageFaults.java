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

package io.github.blobupload.erasure.store;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;

/**
 * Says what went wrong with storage in a receipt's words: the exception's class and, when
 * the store's exception carries one, its HTTP status, such as
 * {@code storage error: S3Exception 403}. Never the message, which may quote a key or a
 * signed URL.
 */
final class StorageFaults {

	private static final String[] STATUS_METHODS = { "statusCode", "getStatusCode", "getCode" };

	private static final int MAX_CAUSES = 5;

	private StorageFaults() {
	}

	/**
	 * Returns the reason for a failure.
	 * @param failure what storage threw
	 * @return {@code storage error: <class>[ <status>]}
	 */
	static String reason(Throwable failure) {
		Integer status = null;
		Throwable current = failure;
		for (int i = 0; i < MAX_CAUSES && current != null && status == null; i++) {
			status = statusOf(current);
			current = current.getCause();
		}
		return "storage error: " + failure.getClass().getSimpleName() + ((status != null) ? " " + status : "");
	}

	private static @Nullable Integer statusOf(Throwable failure) {
		// The SDKs' exceptions (S3Exception, BlobStorageException, StorageException) are
		// not on this package's class path: their status is read by name.
		for (String name : STATUS_METHODS) {
			try {
				Method method = failure.getClass().getMethod(name);
				if (method.getReturnType() == int.class && method.getParameterCount() == 0) {
					int status = (int) method.invoke(failure);
					if (status >= 100 && status <= 599) {
						return status;
					}
				}
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				// Not a status this exception has.
			}
		}
		return null;
	}

}
