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

package io.github.blobupload.testsupport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ByteRange;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.RangeNotSatisfiableException;
import io.github.blobupload.StoredBlob;
import org.jspecify.annotations.Nullable;

/**
 * An in-memory store for the viewer's tests: a {@link BlobReader} under one prefix that
 * counts every {@code open}, behind a {@link ManagedBlobUploader} and a registry.
 */
public final class InMemoryStore implements BlobReader {

	private final String prefix;

	private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();

	private final AtomicInteger opens = new AtomicInteger();

	private volatile @Nullable IOException failure;

	/**
	 * Creates an empty store.
	 * @param prefix the prefix of its storage URIs, without a trailing slash
	 */
	public InMemoryStore(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * Stores an object.
	 * @param name its object name
	 * @param bytes its content
	 * @param contentType its content type
	 * @param labels its labels
	 * @return its storage URI
	 */
	public String put(String name, byte[] bytes, String contentType, Map<String, String> labels) {
		String uri = this.prefix + "/" + name;
		this.objects.put(uri, new StoredObject(bytes, contentType, labels));
		return uri;
	}

	/**
	 * Returns how many times {@link #open} was called.
	 * @return the count
	 */
	public int opens() {
		return this.opens.get();
	}

	/**
	 * Makes every later {@link #open} fail.
	 * @param failure what to throw
	 */
	public void failWith(IOException failure) {
		this.failure = failure;
	}

	@Override
	public String uriPrefix() {
		return this.prefix + "/";
	}

	@Override
	public Optional<String> storageUri(String recordedUri) {
		return recordedUri.startsWith(uriPrefix()) ? Optional.of(recordedUri) : Optional.empty();
	}

	@Override
	public Optional<StoredBlob> open(String uri, @Nullable ByteRange range) throws IOException {
		this.opens.incrementAndGet();
		if (this.failure != null) {
			throw this.failure;
		}
		StoredObject object = this.objects.get(uri);
		if (object == null) {
			return Optional.empty();
		}
		int size = object.bytes().length;
		if (range == null) {
			return Optional.of(new StoredBlob(uri, object.contentType(), size, null, object.labels(), null,
					new ByteArrayInputStream(object.bytes())));
		}
		if (range.first() >= size) {
			throw new RangeNotSatisfiableException(uri, range, size);
		}
		ByteRange clipped = new ByteRange(range.first(), Math.min(range.last(), size - 1));
		int length = (int) (clipped.last() - clipped.first() + 1);
		return Optional.of(new StoredBlob(uri, object.contentType(), size, null, object.labels(), clipped,
				new ByteArrayInputStream(object.bytes(), (int) clipped.first(), length)));
	}

	@Override
	public List<String> list(String uriPrefix, int limit) {
		return this.objects.keySet().stream().filter((uri) -> uri.startsWith(uriPrefix)).limit(limit).toList();
	}

	/**
	 * Returns a registry whose use cases each read through the given stores.
	 * @param stores the store of each use case, the default one first
	 * @return the registry
	 */
	public static BlobUploaderRegistry registry(Map<String, InMemoryStore> stores) {
		List<BlobDestination> destinations = stores.entrySet()
			.stream()
			.map((entry) -> new BlobDestination(entry.getKey(), entry.getValue().prefix,
					new ReadableUploader(entry.getKey(), entry.getValue())))
			.toList();
		return new BlobUploaderRegistry() {

			@Override
			public BlobUploader getBlobUploader(@Nullable String useCase) {
				return destinations.get(0).uploader();
			}

			@Override
			public boolean flush(Duration timeout) {
				return true;
			}

			@Override
			public List<BlobDestination> destinations() {
				return destinations;
			}

		};
	}

	/**
	 * Returns a destination whose uploader uploads nothing and reads through any reader,
	 * such as a provider's.
	 * @param useCase the use case
	 * @param reader the reader
	 * @return the destination
	 */
	public static BlobDestination destination(String useCase, BlobReader reader) {
		return new BlobDestination(useCase, reader.uriPrefix(), new ReadableUploader(useCase, reader));
	}

	private record StoredObject(byte[] bytes, String contentType, Map<String, String> labels) {
	}

	/** An uploader that uploads nothing and reads through a store. */
	private record ReadableUploader(String name, BlobReader reader) implements ManagedBlobUploader {

		@Override
		public String uploadAsync(Blob blob) {
			return NOT_UPLOADED;
		}

		@Override
		public boolean flush(Duration timeout) {
			return true;
		}

		@Override
		public boolean shutdown(Duration timeout) {
			return true;
		}

		@Override
		public BlobUploadStats stats() {
			throw new UnsupportedOperationException();
		}

		@Override
		public Optional<BlobReader> blobReader() {
			return Optional.of(this.reader);
		}

		@Override
		public void close() {
		}

	}

}
