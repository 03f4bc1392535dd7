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

/**
 * Names the object a blob is stored as, relative to an uploader's prefix. Called on the
 * caller's thread, so it must be cheap and must not touch storage.
 *
 * @see BlobNamingStrategies
 */
@FunctionalInterface
public interface BlobNamingStrategy {

	/**
	 * Returns the object name for the blob.
	 * @param blob the blob
	 * @return a name made only of the characters {@code A-Z a-z 0-9 . _ -} (see
	 * {@link ObjectKeys}), without a leading slash
	 */
	String objectName(Blob blob);

}
