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

package io.github.blobupload.erasure.store;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.github.blobupload.BlobReader;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import org.jspecify.annotations.Nullable;

/**
 * Reads the reference records of one folder of the index: lists it, then reads each
 * record. A record that vanished between the two (removed by a concurrent erasure) is
 * left out; one that cannot be parsed is returned without its record.
 */
final class ReferenceFolder {

	private final BlobReader reader;

	ReferenceFolder(BlobReader reader) {
		this.reader = reader;
	}

	/**
	 * Lists a folder's record files.
	 * @param folderUri the folder, ending with {@code /}
	 * @param limit the most files to list
	 * @return their URIs
	 * @throws IOException if storage could not be listed
	 */
	List<String> list(String folderUri, int limit) throws IOException {
		return this.reader.list(folderUri, limit);
	}

	/**
	 * Reads record files.
	 * @param uris the record files' URIs
	 * @return each file still there, with its record when it is one
	 * @throws IOException if storage could not be read
	 */
	List<Entry> read(List<String> uris) throws IOException {
		List<Entry> entries = new ArrayList<>(uris.size());
		for (String uri : uris) {
			Optional<String> json = text(uri);
			if (json.isPresent()) {
				entries.add(new Entry(uri, parse(json.get())));
			}
		}
		return entries;
	}

	private Optional<String> text(String uri) throws IOException {
		Optional<StoredBlob> opened = this.reader.open(uri, null);
		if (opened.isEmpty()) {
			return Optional.empty();
		}
		try (StoredBlob blob = opened.get(); InputStream in = blob.content()) {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
			byte[] buffer = new byte[1024];
			int read;
			while ((read = in.read(buffer)) != -1) {
				bytes.write(buffer, 0, read);
				if (bytes.size() > ReferenceLayout.MAX_RECORD_BYTES) {
					// Not a record of this layout: read no further.
					return Optional.of("");
				}
			}
			return Optional.of(bytes.toString(StandardCharsets.UTF_8));
		}
	}

	private static @Nullable ReferenceRecord parse(String json) {
		try {
			return ReferenceLayout.parse(json);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	/**
	 * A record file.
	 *
	 * @param uri its storage URI
	 * @param record the record, or {@code null} when the file is not one
	 */
	record Entry(String uri, @Nullable ReferenceRecord record) {

		/**
		 * Returns the file's name, the record's key with {@code .json}.
		 * @return the last segment of the URI
		 */
		String name() {
			return this.uri.substring(this.uri.lastIndexOf('/') + 1);
		}

	}

}
