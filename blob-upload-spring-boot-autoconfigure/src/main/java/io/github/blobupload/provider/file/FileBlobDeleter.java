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

package io.github.blobupload.provider.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Optional;

import io.github.blobupload.BlobReader;
import io.github.blobupload.provider.internal.KeyedBlobDeleter;
import io.github.blobupload.provider.internal.RecordedUris;

/**
 * Deletes the files of one {@link FileBlobUploader}: the file and its sidecar
 * {@code <name>.meta.json}. It touches exactly what {@link FileBlobReader} would read: a
 * regular file (not a symbolic link) whose real folder is inside the uploader's folder,
 * never a sidecar by its own name. The sidecar goes first, so that a deletion interrupted
 * between the two leaves the file, which a repeated deletion finds and removes; temporary
 * files of uploads in progress are left alone. Folders left empty below the uploader's
 * folder (the reference index's {@code _refs/...}, the trace index's
 * {@code _index/<trace>/}) are removed; the uploader's folder itself never is.
 */
final class FileBlobDeleter extends KeyedBlobDeleter {

	private final Path root;

	private final FileBlobReader reader;

	FileBlobDeleter(Path root, RecordedUris uris, FileBlobReader reader) {
		super(uris);
		this.root = root;
		this.reader = reader;
	}

	/**
	 * Returns the uploader's reader: a folder has one set of rights.
	 */
	@Override
	public Optional<BlobReader> blobReader() {
		return Optional.of(this.reader);
	}

	@Override
	protected boolean delete(String uri, String key) throws IOException {
		Optional<Path> file = fileOf(key);
		if (file.isEmpty() || !isRegularFile(file.get())) {
			return false;
		}
		Path sidecar = file.get().resolveSibling(file.get().getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX);
		if (Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS)) {
			Files.deleteIfExists(sidecar);
		}
		boolean deleted = Files.deleteIfExists(file.get());
		removeEmptyFolders(file.get().getParent());
		return deleted;
	}

	@Override
	protected Optional<Instant> lastModified(String uri, String key) throws IOException {
		Optional<Path> file = fileOf(key);
		if (file.isEmpty()) {
			return Optional.empty();
		}
		try {
			BasicFileAttributes attributes = Files.readAttributes(file.get(), BasicFileAttributes.class,
					LinkOption.NOFOLLOW_LINKS);
			return attributes.isRegularFile() ? Optional.of(attributes.lastModifiedTime().toInstant())
					: Optional.empty();
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
	}

	/** The file a key names, if it is not a sidecar and lies inside the folder. */
	private Optional<Path> fileOf(String key) {
		if (key.endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX)) {
			return Optional.empty();
		}
		Path file = this.root.resolve(key);
		return FileBlobReader.isInside(this.root, file) ? Optional.of(file) : Optional.empty();
	}

	private static boolean isRegularFile(Path file) throws IOException {
		try {
			return Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS).isRegularFile();
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	private void removeEmptyFolders(Path folder) {
		Path current = folder;
		while (current != null && current.startsWith(this.root) && !current.equals(this.root)
				&& Files.isDirectory(current, LinkOption.NOFOLLOW_LINKS)) {
			try {
				Files.delete(current);
			}
			catch (IOException ex) {
				// Not empty (another object, or an upload in progress), or not ours to
				// remove: the object itself is gone either way.
				return;
			}
			current = current.getParent();
		}
	}

}
