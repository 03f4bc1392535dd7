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

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link SimpleBlobUploader} when retrying the upload cannot help: the bucket
 * or folder does not exist, access is denied, the credentials are invalid. The upload
 * engine counts such an upload as failed without retrying it.
 */
public class PermanentUploadException extends IOException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what the storage answered and about which bucket or folder; never
	 * the content
	 */
	public PermanentUploadException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what the storage answered and about which bucket or folder; never
	 * the content
	 * @param cause the provider's exception
	 */
	public PermanentUploadException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
