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

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import org.jspecify.annotations.Nullable;

/**
 * A registry of one destination that uploads nothing and reads and deletes through the
 * given reader and deleter, for erasure's wiring tests.
 */
public final class DeletableRegistry implements BlobUploaderRegistry {

	private final List<BlobDestination> destinations;

	/**
	 * Creates the registry.
	 * @param useCase the use case of its one destination
	 * @param reader the destination's reader
	 * @param deleter the destination's deleter
	 */
	public DeletableRegistry(String useCase, BlobReader reader, BlobDeleter deleter) {
		this.destinations = List
			.of(new BlobDestination(useCase, reader.uriPrefix(), new Uploader(useCase, reader, deleter)));
	}

	@Override
	public BlobUploader getBlobUploader(@Nullable String useCase) {
		return this.destinations.get(0).uploader();
	}

	@Override
	public boolean flush(Duration timeout) {
		return true;
	}

	@Override
	public List<BlobDestination> destinations() {
		return this.destinations;
	}

	/** An uploader that uploads nothing and reads and deletes through a store. */
	private record Uploader(String name, BlobReader reader, BlobDeleter deleter) implements ManagedBlobUploader {

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
		public Optional<BlobDeleter> blobDeleter() {
			return Optional.of(this.deleter);
		}

		@Override
		public void close() {
		}

	}

}
