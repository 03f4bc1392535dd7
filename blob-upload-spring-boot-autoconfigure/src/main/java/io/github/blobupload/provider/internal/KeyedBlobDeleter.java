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

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

import io.github.blobupload.BlobDeleter;

/**
 * The part of every built-in {@link BlobDeleter} that keeps it under its prefix, as
 * {@link KeyedBlobReader} keeps a reader: a URI is turned into an object key by
 * {@link RecordedUris#readableKeyOf} before the store is asked anything, and a URI that
 * names anything outside the prefix (another bucket or folder, {@code ..}, {@code %2e},
 * backslashes, a signed URL) is absent without a request. Subclasses only delete a key
 * and read its modification time.
 */
public abstract class KeyedBlobDeleter implements BlobDeleter {

	private final RecordedUris uris;

	/**
	 * Creates a deleter.
	 * @param uris the URIs of the uploader whose objects it deletes
	 */
	protected KeyedBlobDeleter(RecordedUris uris) {
		this.uris = uris;
	}

	@Override
	public final String uriPrefix() {
		return this.uris.uriPrefix();
	}

	@Override
	public final boolean delete(String uri) throws IOException {
		Optional<String> key = this.uris.readableKeyOf(uri);
		return key.isPresent() && delete(uri, key.get());
	}

	@Override
	public final Optional<Instant> lastModified(String uri) throws IOException {
		Optional<String> key = this.uris.readableKeyOf(uri);
		return (key.isPresent()) ? lastModified(uri, key.get()) : Optional.empty();
	}

	/**
	 * Deletes the object with the given key, checked to be under the prefix.
	 * @param uri the URI asked for, for messages
	 * @param key its object key
	 * @return {@code true} if it was there and is now deleted, {@code false} if it was
	 * not there
	 * @throws IOException if storage refused or could not be reached
	 */
	protected abstract boolean delete(String uri, String key) throws IOException;

	/**
	 * Returns when the object with the given key, checked to be under the prefix, was
	 * last written.
	 * @param uri the URI asked for, for messages
	 * @param key its object key
	 * @return the time, or empty if the object does not exist
	 * @throws IOException if storage could not be reached
	 */
	protected abstract Optional<Instant> lastModified(String uri, String key) throws IOException;

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.uris.uriPrefix() + "]";
	}

}
