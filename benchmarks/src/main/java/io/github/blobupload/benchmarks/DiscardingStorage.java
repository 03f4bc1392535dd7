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

package io.github.blobupload.benchmarks;

import java.time.Duration;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;

/**
 * Storage that names blobs like a real provider and then discards their bytes, so that a
 * benchmark measures the caller's side of the starter and not the speed of storage.
 */
final class DiscardingStorage implements SimpleBlobUploader {

	private final BlobNamingStrategy naming;

	DiscardingStorage(BlobNamingStrategy naming) {
		this.naming = naming;
	}

	@Override
	public String generateDestinationUri(Blob blob) {
		return "discard:///" + this.naming.objectName(blob);
	}

	@Override
	public void uploadSync(String uri, Blob blob) {
	}

	/**
	 * Returns the async engine over discarding storage, sized so that a benchmark's blobs
	 * are never refused (queue bounds far above what a run offers, up to 64 MB per blob)
	 * and never deduplicated.
	 * @param naming how blobs are named
	 * @param name the uploader's name
	 * @return a started uploader; the caller shuts it down
	 */
	static ManagedBlobUploader uploader(BlobNamingStrategy naming, String name) {
		return builder(naming, name).build();
	}

	/**
	 * Returns the builder of {@link #uploader}, for a benchmark that changes a setting
	 * (such as turning the spool on).
	 * @param naming how blobs are named
	 * @param name the uploader's name
	 * @return the builder
	 */
	static AsyncBlobUploaderBuilder builder(BlobNamingStrategy naming, String name) {
		return AsyncBlobUploader.builder(new DiscardingStorage(naming))
			.name(name)
			.maxQueueSize(100_000)
			.maxQueueBytes(Long.MAX_VALUE / 2)
			.maxBlobBytes(64L * 1024 * 1024)
			.dedupeCacheSize(0)
			.logInterval(Duration.ofHours(1));
	}

}
