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

package io.github.blobupload.viewer;

import java.io.IOException;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.SimpleBlobUploader;

/**
 * Writes trace-index entries into a destination, through the destination's own provider
 * uploader: names each entry from its labels ({@value BlobLabels#TRACE_ID},
 * {@value BlobLabels#SPAN_ID} and {@value #INDEXED_URI}), and delegates the write.
 */
final class IndexEntryUploader implements SimpleBlobUploader {

	/** The label of an entry blob holding the storage URI of the blob it indexes. */
	static final String INDEXED_URI = "indexed_uri";

	private final SimpleBlobUploader destination;

	private final String readerPrefix;

	/**
	 * Creates an uploader.
	 * @param destination the destination's provider uploader
	 * @param readerPrefix the canonical prefix of the destination's storage URIs
	 */
	IndexEntryUploader(SimpleBlobUploader destination, String readerPrefix) {
		this.destination = destination;
		this.readerPrefix = readerPrefix;
	}

	@Override
	public String generateDestinationUri(Blob blob) {
		String traceId = TraceIndexEntries.traceId(blob.labels().get(BlobLabels.TRACE_ID));
		String indexed = blob.labels().get(INDEXED_URI);
		if (traceId == null || indexed == null) {
			throw new IllegalArgumentException("not a trace-index entry");
		}
		return TraceIndexEntries.entryUri(this.readerPrefix, traceId,
				TraceIndexEntries.spanId(blob.labels().get(BlobLabels.SPAN_ID)), indexed);
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		this.destination.uploadSync(uri, blob);
	}

	@Override
	public String toString() {
		return "IndexEntryUploader[" + this.readerPrefix + "]";
	}

}
