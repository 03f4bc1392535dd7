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

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.github.blobupload.BlobDeleter;
import io.github.blobupload.provider.file.FileBlobStorageProvider;

/**
 * A deleter over a {@code file:} store's folder, for the tests until the {@code file:}
 * provider offers its own: deletes a file and its sidecar, and can be made to fail.
 */
final class FolderDeleter implements BlobDeleter {

	private final String prefix;

	private final List<String> residualCopies;

	private final AtomicReference<IOException> failure = new AtomicReference<>();

	private final List<String> deleted = new ArrayList<>();

	FolderDeleter(String prefix, List<String> residualCopies) {
		this.prefix = prefix;
		this.residualCopies = residualCopies;
	}

	void failWith(IOException failure) {
		this.failure.set(failure);
	}

	synchronized List<String> deleted() {
		return List.copyOf(this.deleted);
	}

	@Override
	public String uriPrefix() {
		return this.prefix;
	}

	@Override
	public synchronized boolean delete(String uri) throws IOException {
		IOException failure = this.failure.get();
		if (failure != null) {
			throw failure;
		}
		if (!uri.startsWith(this.prefix)) {
			return false;
		}
		Path file = Path.of(URI.create(uri));
		Files.deleteIfExists(file.resolveSibling(file.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX));
		boolean existed = Files.deleteIfExists(file);
		if (existed) {
			this.deleted.add(uri);
		}
		return existed;
	}

	@Override
	public Optional<Instant> lastModified(String uri) throws IOException {
		if (!uri.startsWith(this.prefix)) {
			return Optional.empty();
		}
		Path file = Path.of(URI.create(uri));
		return Files.exists(file) ? Optional.of(Files.getLastModifiedTime(file).toInstant()) : Optional.empty();
	}

	@Override
	public List<String> residualCopies() {
		return this.residualCopies;
	}

	static void touch(String uri, Instant time) throws IOException {
		Files.setLastModifiedTime(Path.of(URI.create(uri)), FileTime.from(time));
	}

}
