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

package io.github.blobupload.autoconfigure.erasure;

import java.util.List;

import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadProperties;
import io.github.blobupload.autoconfigure.EngineBuilderSettings;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Builds the reference index's engines as the blobs' own: the same bounds, retries,
 * parking and shutdown timeout, a spool folder of their own
 * ({@code <spool directory>/_refs/<use case>}, a name no use case can take) when the
 * spool is on, and the application's upload listeners (the meters among them), so that a
 * record refused or failed is counted where a blob is, under the engine's name.
 * Deduplication is off: writing a reference again refreshes when it was last recorded.
 */
final class ReferenceIndexEngines implements ReferenceIndexWriter.EngineFactory {

	private final BlobUploadProperties properties;

	private final ObjectProvider<BlobUploadListener> listeners;

	ReferenceIndexEngines(BlobUploadProperties properties, ObjectProvider<BlobUploadListener> listeners) {
		this.properties = properties;
		this.listeners = listeners;
	}

	@Override
	public ManagedBlobUploader create(String name, String useCase, SimpleBlobUploader recordUploader) {
		// The writer hears the destinations' engines, not its own.
		List<BlobUploadListener> others = this.listeners.orderedStream()
			.filter((listener) -> !(listener instanceof ReferenceIndexWriter))
			.toList();
		return EngineBuilderSettings
			.engineBuilder(this.properties, recordUploader, ReferenceLayout.FOLDER + "/" + useCase)
			.dedupeCacheSize(0)
			.listener(BlobUploadListener.composite(others))
			.name(name)
			.build();
	}

}
