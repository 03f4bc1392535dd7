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
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.blobupload.ByteRange;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.internal.FlatJson;
import io.github.blobupload.provider.internal.ByteRanges;
import io.github.blobupload.provider.internal.KeyedBlobReader;
import io.github.blobupload.provider.internal.RecordedUris;
import org.jspecify.annotations.Nullable;

/**
 * Reads back the files of one {@link FileBlobUploader}: the bytes from the file (a
 * positioned channel, limited to the range), the content type and labels from its sidecar
 * {@code <name>.meta.json} when there is one. Only regular files whose real path is
 * inside the folder are read: a symbolic link leading out of it names nothing.
 */
final class FileBlobReader extends KeyedBlobReader {

	/** The largest sidecar read; the uploader writes a few hundred bytes. */
	private static final long MAX_SIDECAR_BYTES = 64 * 1024;

	/** How deep a listing walks below the folder it starts in. */
	private static final int MAX_LIST_DEPTH = 8;

	private final Path root;

	FileBlobReader(Path root, RecordedUris uris) {
		super(uris);
		this.root = root;
	}

	@Override
	protected Optional<StoredBlob> open(String uri, String key, @Nullable ByteRange range) throws IOException {
		Optional<Path> file = Optional.of(key)
			.filter((name) -> !name.endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX))
			.map(this.root::resolve)
			.filter(this::isInside);
		if (file.isEmpty()) {
			return Optional.empty();
		}
		BasicFileAttributes attributes;
		try {
			attributes = Files.readAttributes(file.get(), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		if (!attributes.isRegularFile()) {
			return Optional.empty();
		}
		FileChannel channel;
		try {
			channel = FileChannel.open(file.get(), StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS);
		}
		catch (NoSuchFileException ex) {
			return Optional.empty();
		}
		try {
			long size = channel.size();
			ByteRange served = (range != null) ? ByteRanges.clip(uri, range, size) : null;
			Map<String, Object> sidecar = sidecar(file.get());
			String contentType = (sidecar.get("contentType") instanceof String type) ? type
					: "application/octet-stream";
			String etag = "\"" + Long.toHexString(size) + "-"
					+ Long.toHexString(attributes.lastModifiedTime().toMillis()) + "\"";
			InputStream content = Channels.newInputStream(channel.position((served != null) ? served.first() : 0));
			return Optional.of(new StoredBlob(uri, contentType, size, etag, labels(sidecar), served,
					(served != null) ? new LimitedInputStream(content, served.last() - served.first() + 1) : content));
		}
		catch (IOException | RuntimeException ex) {
			channel.close();
			throw ex;
		}
	}

	private boolean isInside(Path file) {
		return isInside(this.root, file);
	}

	/**
	 * Whether a file's folder is inside the root once symbolic links are followed (or
	 * does not exist yet): the check the reader and the deleter share.
	 * @param root the uploader's folder
	 * @param file a file resolved against it
	 * @return whether the file may be touched
	 */
	static boolean isInside(Path root, Path file) {
		try {
			Path parent = file.getParent();
			return parent != null && Files.isDirectory(root)
					&& (!Files.exists(parent) || parent.toRealPath().startsWith(root.toRealPath()));
		}
		catch (IOException ex) {
			return false;
		}
	}

	/** The sidecar's members, or none when it is missing, too large or malformed. */
	private static Map<String, Object> sidecar(Path file) {
		Path sidecar = file.resolveSibling(file.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX);
		try {
			if (!Files.isRegularFile(sidecar, LinkOption.NOFOLLOW_LINKS) || Files.size(sidecar) > MAX_SIDECAR_BYTES) {
				return Map.of();
			}
			return FlatJson.parse(Files.readString(sidecar, StandardCharsets.UTF_8));
		}
		catch (IOException | IllegalArgumentException ex) {
			return Map.of();
		}
	}

	private static Map<String, String> labels(Map<String, Object> sidecar) {
		if (!(sidecar.get("labels") instanceof Map<?, ?> labels)) {
			return Map.of();
		}
		Map<String, String> result = new LinkedHashMap<>();
		labels.forEach((key, value) -> {
			if (value instanceof String text) {
				result.put((String) key, text);
			}
		});
		return Collections.unmodifiableMap(result);
	}

	@Override
	protected void listKeys(String uriPrefix, String keyPrefix, int limit, Predicate<String> more) throws IOException {
		Path start = this.root.resolve(keyPrefix.substring(0, keyPrefix.lastIndexOf('/') + 1));
		if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS) || !isInside(start.resolve("x"))) {
			return;
		}
		try (Stream<Path> files = Files.walk(start, MAX_LIST_DEPTH)) {
			Iterator<Path> iterator = files.iterator();
			boolean wanted = true;
			while (wanted && iterator.hasNext()) {
				Path file = iterator.next();
				String key = this.root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
				if (key.startsWith(keyPrefix) && !key.endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX)
						&& Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
					wanted = more.test(key);
				}
			}
		}
		catch (NoSuchFileException ex) {
			// The folder went away while it was listed: nothing more to list.
		}
	}

	/** Reads at most a given number of bytes of a stream. */
	private static final class LimitedInputStream extends InputStream {

		private final InputStream delegate;

		private long remaining;

		LimitedInputStream(InputStream delegate, long limit) {
			this.delegate = delegate;
			this.remaining = limit;
		}

		@Override
		public int read() throws IOException {
			if (this.remaining <= 0) {
				return -1;
			}
			int b = this.delegate.read();
			if (b >= 0) {
				this.remaining--;
			}
			return b;
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (this.remaining <= 0) {
				return -1;
			}
			int count = this.delegate.read(target, offset, (int) Math.min(length, this.remaining));
			if (count > 0) {
				this.remaining -= count;
			}
			return count;
		}

		@Override
		public void close() throws IOException {
			this.delegate.close();
		}

	}

}
