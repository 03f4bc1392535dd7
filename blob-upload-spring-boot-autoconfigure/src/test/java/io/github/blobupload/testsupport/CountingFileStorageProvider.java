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

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobReader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.file.FileBlobStorageProvider;

/**
 * The {@code file:} provider (which reads and deletes) with a switch that takes the
 * storage down and a count of the writes and their bytes per kind of object: what the
 * reference index's tests need of a store that erasure can use.
 */
public class CountingFileStorageProvider extends FileBlobStorageProvider {

	private final AtomicBoolean down = new AtomicBoolean();

	private final Map<String, AtomicLong> writes = new ConcurrentHashMap<>();

	private final Map<String, AtomicLong> bytes = new ConcurrentHashMap<>();

	@Override
	public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
		return new Uploader(super.createUploader(uriPrefix, naming));
	}

	/**
	 * Takes the storage down (every write fails with an {@link IOException}) or up.
	 * @param down whether the storage is down
	 * @return this provider
	 */
	public CountingFileStorageProvider down(boolean down) {
		this.down.set(down);
		return this;
	}

	/**
	 * Returns how many objects were written whose storage URI contains a marker.
	 * @param marker such as {@code /_refs/} for the reference index
	 * @return the writes
	 */
	public long writes(String marker) {
		return this.writes.getOrDefault(marker, new AtomicLong()).get();
	}

	/**
	 * Returns how many bytes were written in objects whose storage URI contains a marker.
	 * @param marker such as {@code /_refs/} for the reference index
	 * @return the bytes, without the provider's sidecars
	 */
	public long bytes(String marker) {
		return this.bytes.getOrDefault(marker, new AtomicLong()).get();
	}

	private final class Uploader implements SimpleBlobUploader {

		private final SimpleBlobUploader delegate;

		Uploader(SimpleBlobUploader delegate) {
			this.delegate = delegate;
		}

		@Override
		public String generateDestinationUri(Blob blob) {
			return this.delegate.generateDestinationUri(blob);
		}

		@Override
		public void uploadSync(String uri, Blob blob) throws IOException {
			if (CountingFileStorageProvider.this.down.get()) {
				throw new IOException("storage down (test)");
			}
			this.delegate.uploadSync(uri, blob);
			String kind = uri.contains("/_refs/") ? "/_refs/" : "blobs";
			CountingFileStorageProvider.this.writes.computeIfAbsent(kind, (k) -> new AtomicLong()).incrementAndGet();
			CountingFileStorageProvider.this.bytes.computeIfAbsent(kind, (k) -> new AtomicLong())
				.addAndGet(blob.size());
		}

		@Override
		public Optional<BlobReader> blobReader() {
			return this.delegate.blobReader();
		}

		@Override
		public Optional<BlobDeleter> blobDeleter() {
			return this.delegate.blobDeleter();
		}

	}

}
