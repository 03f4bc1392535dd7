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

package io.github.blobupload.erasure.index;

import java.io.IOException;
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.erasure.ReferenceLayout;

/**
 * Writes reference records into a destination, through the destination's own provider
 * uploader: each record blob names the URI it goes to in its {@value #RECORD_URI} label
 * (a URI of the {@link ReferenceLayout}, under the destination's prefix), and is written
 * there without labels, so that the store keeps the record and nothing else.
 */
final class ReferenceRecordUploader implements SimpleBlobUploader {

	/** The label of a record blob holding the URI it is written to. */
	static final String RECORD_URI = "reference_record_uri";

	private final SimpleBlobUploader destination;

	private final String folder;

	/**
	 * Creates an uploader.
	 * @param destination the destination's provider uploader
	 * @param readerPrefix the canonical prefix of the destination's storage URIs
	 */
	ReferenceRecordUploader(SimpleBlobUploader destination, String readerPrefix) {
		this.destination = destination;
		this.folder = readerPrefix + ReferenceLayout.FOLDER + "/";
	}

	@Override
	public String generateDestinationUri(Blob blob) {
		String uri = blob.labels().get(RECORD_URI);
		if (uri == null || !uri.startsWith(this.folder) || uri.contains("/../")) {
			throw new IllegalArgumentException("not a reference record of this destination");
		}
		if (blob.size() > ReferenceLayout.MAX_RECORD_BYTES) {
			throw new IllegalArgumentException("a reference record of " + blob.size() + " bytes, over the limit of "
					+ ReferenceLayout.MAX_RECORD_BYTES);
		}
		return uri;
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		this.destination.uploadSync(uri, new Blob(blob.rawBytes(), blob.contentType(), Map.of()));
	}

	@Override
	public String toString() {
		return "ReferenceRecordUploader[" + this.folder + "]";
	}

}
