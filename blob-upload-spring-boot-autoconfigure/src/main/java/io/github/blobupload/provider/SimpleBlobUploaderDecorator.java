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

package io.github.blobupload.provider;

import io.github.blobupload.SimpleBlobUploader;

/**
 * Wraps the uploader a {@link BlobStorageProvider} created for a use case before the
 * upload engine is put around it, to add behaviour to every upload attempt (such as an
 * observation). The auto-configuration applies every decorator bean, in order, to each
 * use case's uploader.
 * <p>
 * {@link SimpleBlobUploader#uploadSync} of the result runs on an upload worker, once per
 * attempt; {@link SimpleBlobUploader#generateDestinationUri} runs on the caller's thread
 * and should be passed through unchanged. A decorator that should keep the active health
 * check working must implement {@link StorageProbe} when the uploader it wraps does.
 */
@FunctionalInterface
public interface SimpleBlobUploaderDecorator {

	/**
	 * Returns the uploader to use instead of the given one.
	 * @param useCase the use case, such as {@code default} or {@code chat-input}
	 * @param uriPrefix the configured URI prefix the uploader writes under
	 * @param uploader the uploader to wrap
	 * @return the wrapped uploader, or {@code uploader} itself
	 */
	SimpleBlobUploader decorate(String useCase, String uriPrefix, SimpleBlobUploader uploader);

}
