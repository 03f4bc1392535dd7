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

package io.github.blobupload.retention;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobReader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StorageProbe;
import org.jspecify.annotations.Nullable;

/**
 * Adds the {@link BlobLabels#RETENTION} label of its prefix to every blob it writes, so
 * that the provider marks the object. A {@link StorageProbe} when the uploader it wraps
 * is one.
 */
class RetentionLabeledUploader implements SimpleBlobUploader {

	private final SimpleBlobUploader delegate;

	private final Supplier<@Nullable String> retentionClass;

	RetentionLabeledUploader(SimpleBlobUploader delegate, Supplier<@Nullable String> retentionClass) {
		this.delegate = delegate;
		this.retentionClass = retentionClass;
	}

	static SimpleBlobUploader wrap(SimpleBlobUploader delegate, Supplier<@Nullable String> retentionClass) {
		return (delegate instanceof StorageProbe) ? new Probing(delegate, retentionClass)
				: new RetentionLabeledUploader(delegate, retentionClass);
	}

	@Override
	public String generateDestinationUri(Blob blob) {
		return this.delegate.generateDestinationUri(blob);
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		String label = this.retentionClass.get();
		this.delegate.uploadSync(uri, (label != null) ? blob.withLabels(Map.of(BlobLabels.RETENTION, label)) : blob);
	}

	@Override
	public Optional<BlobReader> blobReader() {
		return this.delegate.blobReader();
	}

	@Override
	public Optional<BlobDeleter> blobDeleter() {
		return this.delegate.blobDeleter();
	}

	SimpleBlobUploader delegate() {
		return this.delegate;
	}

	@Override
	public String toString() {
		return this.delegate.toString();
	}

	private static final class Probing extends RetentionLabeledUploader implements StorageProbe {

		Probing(SimpleBlobUploader delegate, Supplier<@Nullable String> retentionClass) {
			super(delegate, retentionClass);
		}

		@Override
		public void check() throws IOException {
			((StorageProbe) delegate()).check();
		}

	}

}
