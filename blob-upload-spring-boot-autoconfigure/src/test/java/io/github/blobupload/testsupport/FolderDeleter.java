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
import org.jspecify.annotations.Nullable;

/**
 * A deleter over a {@code file:} store's folder, for the tests until the {@code file:}
 * provider offers its own: deletes a file and its sidecar, and can be made to fail.
 */
public final class FolderDeleter implements BlobDeleter {

	private final String prefix;

	private final List<String> residualCopies;

	private final AtomicReference<IOException> failure = new AtomicReference<>();

	private final List<String> deleted = new ArrayList<>();

	/**
	 * Creates a deleter.
	 * @param prefix the {@code file:} prefix, as the store's reader gives it
	 * @param residualCopies what it says a deletion leaves behind
	 */
	public FolderDeleter(String prefix, List<String> residualCopies) {
		this.prefix = prefix;
		this.residualCopies = residualCopies;
	}

	/**
	 * Makes every delete fail, or succeed again.
	 * @param failure what to throw, or {@code null}
	 */
	public void failWith(@Nullable IOException failure) {
		this.failure.set(failure);
	}

	/**
	 * Returns the URIs of the files deleted.
	 * @return the URIs, in order
	 */
	public synchronized List<String> deleted() {
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

	/**
	 * Sets a file's modification time.
	 * @param uri its URI
	 * @param time the time
	 * @throws IOException if it cannot be set
	 */
	public static void touch(String uri, Instant time) throws IOException {
		Files.setLastModifiedTime(Path.of(URI.create(uri)), FileTime.from(time));
	}

}
