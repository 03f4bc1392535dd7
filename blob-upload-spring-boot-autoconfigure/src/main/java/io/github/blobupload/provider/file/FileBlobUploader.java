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
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.BlobReader;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.internal.JsonQuoting;
import io.github.blobupload.provider.RetentionSupport;
import io.github.blobupload.provider.internal.RecordedUris;

/**
 * Writes blobs into a local folder. Each blob is written to a temporary file (readable by
 * the owner only) and moved into place atomically, so a reader never sees a partial file;
 * its content type and labels are written first, the same way, to a sidecar
 * {@code <name>.meta.json}.
 * <p>
 * As a {@link StorageProbe}, it checks that the folder exists or can be created and that
 * a file can be written into it atomically.
 */
final class FileBlobUploader implements SimpleBlobUploader, StorageProbe, RetentionSupport {

	private final Path root;

	private final RecordedUris uris;

	private final FileBlobReader reader;

	private final FileBlobDeleter deleter;

	/**
	 * Creates an uploader.
	 * @param root the absolute folder to write into; created on first upload
	 * @param naming how files are named
	 */
	FileBlobUploader(Path root, BlobNamingStrategy naming) {
		this.root = root.toAbsolutePath().normalize();
		// Built once: Path.toUri() may stat the file system, which the caller's thread
		// must not do.
		String uri = this.root.toUri().toString();
		this.uris = new RecordedUris(uri.endsWith("/") ? uri : uri + "/", "", null, naming);
		this.reader = new FileBlobReader(this.root, this.uris);
		this.deleter = new FileBlobDeleter(this.root, this.uris, this.reader);
	}

	/**
	 * Returns the reader of this uploader's files.
	 * @return the reader
	 */
	@Override
	public Optional<BlobReader> blobReader() {
		return Optional.of(this.reader);
	}

	/**
	 * Returns the deleter of this uploader's files, which removes each file with its
	 * sidecar.
	 * @return the deleter
	 */
	@Override
	public Optional<BlobDeleter> blobDeleter() {
		return Optional.of(this.deleter);
	}

	/**
	 * Returns the folder blobs are written into.
	 * @return the absolute folder
	 */
	Path root() {
		return this.root;
	}

	@Override
	public String generateDestinationUri(Blob blob) {
		return this.uris.uri(this.uris.name(blob));
	}

	/**
	 * Returns the file a destination URI of this uploader maps to.
	 * @param uri a URI returned by {@link #generateDestinationUri(Blob)}
	 * @return the file
	 * @throws IllegalArgumentException if the URI is not one of this uploader's
	 */
	Path pathOf(String uri) {
		return this.root.resolve(this.uris.keyOf(uri));
	}

	@Override
	public void uploadSync(String uri, Blob blob) throws IOException {
		Path target = this.root.resolve(this.uris.keyToUpload(uri));
		Path folder = target.getParent();
		write(() -> {
			createFolder(folder);
			Path sidecar = folder.resolve(target.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX);
			writeAtomically(sidecar, ByteBuffer.wrap(sidecar(uri, blob).getBytes(StandardCharsets.UTF_8)));
			writeAtomically(target, blob.asReadOnlyByteBuffer());
		});
	}

	/**
	 * Creates the folder if needed and writes the probe file
	 * {@value StorageProbe#PROBE_OBJECT_NAME} into it atomically, as a blob is written.
	 */
	@Override
	public String storedUnder() {
		return this.uris.uriPrefix();
	}

	/**
	 * Sets the object's modification time, from which the sweeper counts, to now.
	 */
	@Override
	public boolean refresh(String uri, Blob blob, Instant now) throws IOException {
		try {
			Files.setLastModifiedTime(this.root.resolve(this.uris.keyToUpload(uri)), FileTime.from(now));
			return true;
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	/**
	 * Returns a sweeper of this folder: a file system has no lifecycle rules.
	 */
	@Override
	public Optional<RetentionSweeper> sweeper(Duration retention, List<String> excludedPrefixes) {
		return Optional.of(new FileRetentionSweeper(this.root, retention, excludedPrefixes));
	}

	@Override
	public void check() throws IOException {
		write(() -> {
			createFolder(this.root);
			writeAtomically(this.root.resolve(StorageProbe.PROBE_OBJECT_NAME),
					StorageProbe.probeBlob().asReadOnlyByteBuffer());
		});
	}

	/** Runs a write, turning failures that retrying cannot fix into permanent ones. */
	private void write(FileWrite write) throws IOException {
		try {
			write.run();
		}
		catch (AccessDeniedException | NotDirectoryException ex) {
			throw new PermanentUploadException("Cannot write to " + this.root + ": " + ex, ex);
		}
		catch (FileSystemException ex) {
			if (ex.getReason() != null && ex.getReason().contains("Read-only")) {
				throw new PermanentUploadException("Cannot write to " + this.root + ": " + ex, ex);
			}
			throw ex;
		}
	}

	private void createFolder(Path folder) throws IOException {
		if (Files.isDirectory(folder)) {
			return;
		}
		try {
			if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
				Files.createDirectories(folder,
						PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
			}
			else {
				Files.createDirectories(folder);
			}
		}
		catch (FileSystemException ex) {
			// A file standing where a folder should be: retrying cannot help.
			Path existing = folder;
			while (existing != null && !Files.exists(existing)) {
				existing = existing.getParent();
			}
			if (existing != null && !Files.isDirectory(existing)) {
				throw new PermanentUploadException(
						"Cannot create the folder " + folder + ": " + existing + " exists and is not a folder", ex);
			}
			throw ex;
		}
	}

	private static void writeAtomically(Path target, ByteBuffer content) throws IOException {
		// createTempFile gives owner-only permissions on POSIX file systems.
		Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
		try {
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				while (content.hasRemaining()) {
					channel.write(content);
				}
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static String sidecar(String uri, Blob blob) {
		StringBuilder json = new StringBuilder(256);
		json.append("{\"uri\":").append(JsonQuoting.quote(uri));
		json.append(",\"contentType\":").append(JsonQuoting.quote(blob.contentType()));
		json.append(",\"size\":").append(blob.size());
		json.append(",\"labels\":{");
		boolean first = true;
		for (Map.Entry<String, String> label : blob.labels().entrySet()) {
			json.append(first ? "" : ",")
				.append(JsonQuoting.quote(label.getKey()))
				.append(':')
				.append(JsonQuoting.quote(label.getValue()));
			first = false;
		}
		return json.append("}}\n").toString();
	}

	@Override
	public String toString() {
		return "FileBlobUploader[" + this.uris.uriPrefix() + "]";
	}

	/** File-system work that may fail. */
	@FunctionalInterface
	private interface FileWrite {

		void run() throws IOException;

	}

}
