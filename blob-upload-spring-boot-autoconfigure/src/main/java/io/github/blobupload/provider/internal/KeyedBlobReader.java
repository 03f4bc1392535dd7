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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

import io.github.blobupload.BlobReader;
import io.github.blobupload.ByteRange;
import io.github.blobupload.StoredBlob;
import org.jspecify.annotations.Nullable;

/**
 * The part of every built-in {@link BlobReader} that keeps it under its prefix: a URI is
 * turned into an object key (or a listing prefix) by {@link RecordedUris} before the
 * store is asked anything, and a URI that names anything outside the prefix is absent
 * without a request. Subclasses only read a key and list keys.
 */
public abstract class KeyedBlobReader implements BlobReader {

	private final RecordedUris uris;

	/**
	 * Creates a reader.
	 * @param uris the URIs of the uploader whose objects it reads
	 */
	protected KeyedBlobReader(RecordedUris uris) {
		this.uris = uris;
	}

	@Override
	public final String uriPrefix() {
		return this.uris.uriPrefix();
	}

	@Override
	public final Optional<String> storageUri(String recordedUri) {
		return this.uris.storageUriOf(recordedUri);
	}

	@Override
	public final Optional<StoredBlob> open(String uri, @Nullable ByteRange range) throws IOException {
		Optional<String> key = this.uris.readableKeyOf(uri);
		return (key.isPresent()) ? open(uri, key.get(), range) : Optional.empty();
	}

	@Override
	public final List<String> list(String uriPrefix, int limit) throws IOException {
		Optional<String> keyPrefix = this.uris.listableKeyPrefixOf(uriPrefix);
		if (keyPrefix.isEmpty() || limit < 1) {
			return List.of();
		}
		List<String> found = new ArrayList<>();
		listKeys(uriPrefix, keyPrefix.get(), limit, (key) -> {
			this.uris.uriOfKey(key).ifPresent(found::add);
			return found.size() < limit;
		});
		return found;
	}

	/**
	 * Returns the object key of a URI under the prefix, as
	 * {@link #open(String, ByteRange)} would read it, for a reader that also signs URLs.
	 * @param uri a storage URI
	 * @return the key, or empty if the URI names nothing under the prefix
	 */
	protected final Optional<String> readableKey(String uri) {
		return this.uris.readableKeyOf(uri);
	}

	/**
	 * Opens the object with the given key, checked to be under the prefix.
	 * @param uri the URI asked for, for messages
	 * @param key its object key
	 * @param range the bytes wanted, or {@code null} for all
	 * @return the object, or empty if it does not exist
	 * @throws IOException if storage could not be read
	 */
	protected abstract Optional<StoredBlob> open(String uri, String key, @Nullable ByteRange range) throws IOException;

	/**
	 * Lists the keys that start with a prefix, checked to be under the reader's prefix,
	 * until the consumer wants no more.
	 * @param uriPrefix the URI prefix asked for, for messages
	 * @param keyPrefix the key prefix
	 * @param limit the most keys wanted, for the page size
	 * @param more takes each key; returns {@code false} when no more are wanted
	 * @throws IOException if storage could not be listed
	 */
	protected abstract void listKeys(String uriPrefix, String keyPrefix, int limit, Predicate<String> more)
			throws IOException;

	@Override
	public String toString() {
		return getClass().getSimpleName() + "[" + this.uris.uriPrefix() + "]";
	}

}
