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

import java.util.List;
import java.util.Objects;

import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobReader;

/**
 * One store an erasure works on: the use cases it serves, read and deleted under one
 * canonical prefix.
 *
 * @param useCases the use cases whose blobs it holds, for the log and the receipt's notes
 * @param reader reads its objects and lists its reference index
 * @param deleter deletes its objects
 */
record ErasureDestination(List<String> useCases, BlobReader reader, BlobDeleter deleter) {

	ErasureDestination {
		useCases = List.copyOf(useCases);
		Objects.requireNonNull(reader, "reader must not be null");
		Objects.requireNonNull(deleter, "deleter must not be null");
	}

	/**
	 * Returns the canonical prefix of its objects and of its reference index.
	 * @return the reader's prefix, ending with {@code /}
	 */
	String prefix() {
		return this.reader.uriPrefix();
	}

}
