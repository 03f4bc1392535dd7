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
import java.net.URI;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.blobupload.provider.RetentionSupport.RetentionSweeper;
import io.github.blobupload.provider.RetentionSupport.SweepCounts;

/**
 * Deletes the objects of one {@code file:} folder whose last write or refresh (the file's
 * modification time) is older than the retention, each with its sidecar. Folders of other
 * use cases nested inside it are left to their own sweeper; temporary files of writes in
 * progress (names starting with a dot) and sidecars are never examined on their own.
 */
final class FileRetentionSweeper implements RetentionSweeper {

	private final Path root;

	private final Duration retention;

	private final List<Path> excluded;

	FileRetentionSweeper(Path root, Duration retention, List<String> excludedPrefixes) {
		this.root = root;
		this.retention = retention;
		List<Path> paths = new ArrayList<>();
		for (String prefix : excludedPrefixes) {
			if (prefix.startsWith("file:")) {
				paths.add(Path.of(URI.create(prefix)).toAbsolutePath().normalize());
			}
		}
		this.excluded = List.copyOf(paths);
	}

	@Override
	public SweepCounts sweep(Instant now) throws IOException {
		if (!Files.isDirectory(this.root)) {
			return new SweepCounts(0, 0, 0);
		}
		Instant cutoff = now.minus(this.retention);
		int[] counts = new int[3];
		Files.walkFileTree(this.root, new SimpleFileVisitor<>() {

			@Override
			public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
				return FileRetentionSweeper.this.excluded.contains(dir.toAbsolutePath().normalize())
						? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
				String name = file.getFileName().toString();
				if (!attrs.isRegularFile() || name.startsWith(".") || isSidecar(file, name)) {
					return FileVisitResult.CONTINUE;
				}
				counts[0]++;
				if (attrs.lastModifiedTime().toInstant().isAfter(cutoff)) {
					return FileVisitResult.CONTINUE;
				}
				try {
					Files.deleteIfExists(file);
					Files.deleteIfExists(file.resolveSibling(name + FileBlobStorageProvider.SIDECAR_SUFFIX));
					counts[1]++;
				}
				catch (IOException ex) {
					counts[2]++;
				}
				return FileVisitResult.CONTINUE;
			}

			@Override
			public FileVisitResult visitFileFailed(Path file, IOException ex) {
				if (!(ex instanceof NoSuchFileException)) {
					counts[2]++;
				}
				return FileVisitResult.CONTINUE;
			}

		});
		return new SweepCounts(counts[0], counts[1], counts[2]);
	}

	/** A sidecar is deleted with its object, or kept while its object is. */
	private static boolean isSidecar(Path file, String name) {
		return name.endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX) && Files.exists(file
			.resolveSibling(name.substring(0, name.length() - FileBlobStorageProvider.SIDECAR_SUFFIX.length())));
	}

}
