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

package io.github.blobupload.engine;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

import io.github.blobupload.Blob;
import org.jspecify.annotations.Nullable;

/**
 * The durable spool of one uploader: a private folder holding one file per accepted blob
 * until it is uploaded, so that a restart or a crash does not lose it.
 * <p>
 * Each file is written to a temporary name and renamed into place, so a crash mid-write
 * leaves a {@code .tmp} file, never a half-written blob; the file holds a header
 * (destination, content type, labels, time of acceptance, size) and the bytes, followed
 * by a CRC-32C of everything before it, checked when the blob is read back. The folder is
 * {@code rwx------} and the files, the lock file included, {@code rw-------} on POSIX
 * file systems. A lock file keeps a second process from replaying the same folder.
 * <p>
 * Nothing here logs content: errors name the file, never what it holds.
 */
final class DiskSpool implements AutoCloseable {

	/** The first bytes of every spool file: a format name and version. */
	private static final byte[] MAGIC = "BLOBSPL1".getBytes(StandardCharsets.US_ASCII);

	/** The file extension of a complete spool file. */
	static final String SUFFIX = ".blob";

	/** The smallest a file counts against the byte bound: one file-system block. */
	private static final long MIN_CHARGE = 4096;

	private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private final Path directory;

	private final long maxBytes;

	private final boolean fsync;

	private final FileChannel lockChannel;

	private final FileLock lock;

	private final AtomicLong usedBytes = new AtomicLong();

	private final AtomicLong fileCounter = new AtomicLong();

	private DiskSpool(Path directory, long maxBytes, boolean fsync, FileChannel lockChannel, FileLock lock) {
		this.directory = directory;
		this.maxBytes = maxBytes;
		this.fsync = fsync;
		this.lockChannel = lockChannel;
		this.lock = lock;
	}

	/**
	 * Opens a spool folder, creating it owner-only if needed, and locks it against other
	 * processes.
	 * @param directory the folder
	 * @param maxBytes the most its files may take
	 * @param fsync whether each file is forced to the device before it counts as written
	 * @return the spool
	 * @throws SpoolUnavailableException if the folder cannot be created, written or
	 * locked; the message says why in words a user can act on
	 */
	static DiskSpool open(Path directory, long maxBytes, boolean fsync) throws SpoolUnavailableException {
		Path folder = directory.toAbsolutePath().normalize();
		try {
			createOwnerOnly(folder);
		}
		catch (IOException ex) {
			throw new SpoolUnavailableException(
					"the folder " + folder + " cannot be created or is not writable (" + describe(ex) + ")");
		}
		Path lockFile = folder.resolve(".lock");
		FileChannel channel;
		try {
			channel = FileChannel.open(lockFile,
					Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
					ownerOnlyFile());
		}
		catch (IOException ex) {
			throw new SpoolUnavailableException(
					"its lock file " + lockFile + " cannot be opened (" + describe(ex) + ")");
		}
		if (isPosix()) {
			try {
				// Owner-only like the spool's other files, also when an older lock file
				// was left with the default permissions.
				Files.setPosixFilePermissions(lockFile, OWNER_ONLY_FILE);
			}
			catch (IOException ex) {
				closeQuietly(channel);
				throw new SpoolUnavailableException(
						"its lock file " + lockFile + " cannot be made owner-only (" + describe(ex) + ")");
			}
		}
		FileLock lock;
		try {
			lock = channel.tryLock();
		}
		catch (OverlappingFileLockException ex) {
			lock = null;
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new SpoolUnavailableException(
					"its lock file " + lockFile + " cannot be locked (" + describe(ex) + ")");
		}
		if (lock == null) {
			String holder = readHolder(channel);
			closeQuietly(channel);
			throw new SpoolUnavailableException("the folder " + folder + " is in use by another process" + holder
					+ "; two processes must not replay one spool, so give each its own folder");
		}
		try {
			channel.truncate(0);
			channel.write(ByteBuffer
				.wrap(("pid " + ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
			Path probe = Files.createTempFile(folder, "probe-", ".tmp");
			Files.delete(probe);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new SpoolUnavailableException("the folder " + folder + " is not writable (" + describe(ex) + ")");
		}
		return new DiskSpool(folder, maxBytes, fsync, channel, lock);
	}

	Path directory() {
		return this.directory;
	}

	long maxBytes() {
		return this.maxBytes;
	}

	long usedBytes() {
		return this.usedBytes.get();
	}

	/**
	 * Returns what a blob of the given size counts against the byte bound.
	 */
	static long chargeFor(int size) {
		return Math.max(MIN_CHARGE, size + 1024L);
	}

	/**
	 * Reserves room for a blob; cheap, for the caller's thread.
	 * @return {@code false} if the spool is full; nothing was reserved then
	 */
	boolean reserve(long charge) {
		while (true) {
			long current = this.usedBytes.get();
			if (current + charge > this.maxBytes) {
				return false;
			}
			if (this.usedBytes.compareAndSet(current, current + charge)) {
				return true;
			}
		}
	}

	/**
	 * Gives back room reserved for a blob that was never written, or whose file is gone.
	 */
	void unreserve(long charge) {
		this.usedBytes.addAndGet(-charge);
	}

	/**
	 * Writes a blob whose room was {@linkplain #reserve reserved}.
	 * @param task the task, whose bytes must be in memory
	 * @param blob its blob
	 * @return the file
	 * @throws IOException if it could not be written; no file is left then
	 */
	SpoolFile write(UploadTask task, Blob blob) throws IOException {
		String name = String.format("%013d-%08d", task.acceptedEpochMillis(), this.fileCounter.incrementAndGet());
		Path target = this.directory.resolve(name + SUFFIX);
		Path temporary = this.directory.resolve(name + ".tmp");
		ByteArrayOutputStream header = new ByteArrayOutputStream(256);
		DataOutputStream out = new DataOutputStream(header);
		out.write(MAGIC);
		out.writeUTF(task.uri());
		out.writeUTF(blob.contentType());
		out.writeLong(task.acceptedEpochMillis());
		Map<String, String> labels = blob.labels();
		out.writeInt(labels.size());
		for (Map.Entry<String, String> label : labels.entrySet()) {
			out.writeUTF(label.getKey());
			out.writeUTF(label.getValue());
		}
		out.writeInt(blob.size());
		out.flush();
		CRC32C crc = new CRC32C();
		byte[] head = header.toByteArray();
		crc.update(head);
		ByteBuffer content = blob.asReadOnlyByteBuffer();
		crc.update(content.duplicate());
		ByteBuffer trailer = ByteBuffer.allocate(Long.BYTES).putLong(0, crc.getValue());
		try (FileChannel channel = FileChannel.open(temporary,
				Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnlyFile())) {
			writeFully(channel, ByteBuffer.wrap(head));
			writeFully(channel, content);
			writeFully(channel, trailer);
			if (this.fsync) {
				channel.force(true);
			}
		}
		catch (IOException ex) {
			Files.deleteIfExists(temporary);
			throw ex;
		}
		try {
			Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
		}
		catch (AtomicMoveNotSupportedException ex) {
			Files.move(temporary, target);
		}
		return new SpoolFile(target, task.uri(), blob.size(), task.acceptedEpochMillis(), chargeFor(blob.size()),
				labels);
	}

	/**
	 * Reads a blob back, checking its checksum.
	 * @param file the file
	 * @return the blob
	 * @throws IOException if it cannot be read
	 * @throws CorruptSpoolFileException if it is truncated or its checksum does not match
	 */
	Blob read(SpoolFile file) throws IOException {
		byte[] bytes = Files.readAllBytes(file.path());
		if (bytes.length < MAGIC.length + Long.BYTES) {
			throw new CorruptSpoolFileException(file.path(), "truncated");
		}
		CRC32C crc = new CRC32C();
		crc.update(bytes, 0, bytes.length - Long.BYTES);
		long stored = ByteBuffer.wrap(bytes, bytes.length - Long.BYTES, Long.BYTES).getLong();
		if (crc.getValue() != stored) {
			throw new CorruptSpoolFileException(file.path(), "checksum mismatch");
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
			Header header = Header.read(in, file.path());
			byte[] content = new byte[header.size()];
			in.readFully(content);
			return new Blob(content, header.contentType(), header.labels());
		}
		catch (EOFException ex) {
			throw new CorruptSpoolFileException(file.path(), "truncated");
		}
	}

	/**
	 * Deletes a file once its blob has finished, and gives back its room.
	 */
	void delete(SpoolFile file) {
		try {
			Files.deleteIfExists(file.path());
		}
		catch (IOException ex) {
			// Left for the next start, which finds it already uploaded (deduplicated
			// by its content-addressed name at worst); its room is given back anyway.
		}
		unreserve(file.chargedBytes());
	}

	/**
	 * Finds the blobs left by an earlier run, oldest first. Files that cannot be blobs
	 * (truncated, empty, garbage, or a {@code .tmp} file a crash left mid-write) are
	 * renamed to {@code .corrupt} and counted, never read again.
	 * @param corrupt counts each such file
	 * @return the files found, their room reserved
	 */
	List<SpoolFile> recover(Runnable corrupt) {
		List<Path> paths = new ArrayList<>();
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(this.directory)) {
			for (Path path : entries) {
				String name = path.getFileName().toString();
				if (name.endsWith(SUFFIX) || name.endsWith(".tmp")) {
					paths.add(path);
				}
			}
		}
		catch (IOException ex) {
			return List.of();
		}
		Collections.sort(paths);
		List<SpoolFile> files = new ArrayList<>();
		for (Path path : paths) {
			SpoolFile file = (path.getFileName().toString().endsWith(SUFFIX)) ? readHeader(path) : null;
			if (file == null) {
				corrupt.run();
				setAside(path);
				continue;
			}
			this.usedBytes.addAndGet(file.chargedBytes());
			files.add(file);
		}
		return files;
	}

	/**
	 * Moves a file that cannot be read aside, so that it is neither read again nor lost
	 * without trace.
	 */
	void setAside(Path path) {
		String name = path.getFileName().toString();
		try {
			Files.move(path, path.resolveSibling(name + ".corrupt"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			try {
				Files.deleteIfExists(path);
			}
			catch (IOException ignored) {
				// Nothing more can be done; the file stays and is counted again next
				// start.
			}
		}
	}

	private @Nullable SpoolFile readHeader(Path path) {
		try {
			long length = Files.size(path);
			try (InputStream stream = Files.newInputStream(path);
					DataInputStream in = new DataInputStream(new BufferedInputStream(stream, 1024))) {
				Header header = Header.read(in, path);
				long expected = header.length() + header.size() + Long.BYTES;
				if (expected != length) {
					return null;
				}
				return new SpoolFile(path, header.uri(), header.size(), header.acceptedEpochMillis(),
						chargeFor(header.size()), header.labels());
			}
		}
		catch (IOException | RuntimeException ex) {
			return null;
		}
	}

	@Override
	public void close() {
		try {
			this.lock.release();
		}
		catch (IOException ex) {
			// Closing the channel below releases it as well.
		}
		closeQuietly(this.lockChannel);
	}

	private static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
		while (buffer.hasRemaining()) {
			channel.write(buffer);
		}
	}

	private static FileAttribute<?>[] ownerOnlyFile() {
		return isPosix() ? new FileAttribute<?>[] { PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE) }
				: new FileAttribute<?>[0];
	}

	private static void createOwnerOnly(Path folder) throws IOException {
		if (!Files.isDirectory(folder)) {
			if (isPosix()) {
				Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY));
			}
			else {
				Files.createDirectories(folder);
			}
		}
		if (isPosix()) {
			Files.setPosixFilePermissions(folder, OWNER_ONLY_DIRECTORY);
		}
		if (!Files.isWritable(folder)) {
			throw new AccessDeniedException(folder.toString());
		}
	}

	private static boolean isPosix() {
		return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
	}

	private static String readHolder(FileChannel channel) {
		try {
			ByteBuffer buffer = ByteBuffer.allocate(64);
			channel.read(buffer, 0);
			String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
			return text.matches("pid \\d+") ? " (" + text + ")" : "";
		}
		catch (IOException ex) {
			return "";
		}
	}

	private static String describe(IOException ex) {
		return ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
	}

	private static void closeQuietly(FileChannel channel) {
		try {
			channel.close();
		}
		catch (IOException ex) {
			// Nothing to do.
		}
	}

	/**
	 * The header of a spool file.
	 */
	private record Header(String uri, String contentType, long acceptedEpochMillis, Map<String, String> labels,
			int size, int length) {

		static Header read(DataInputStream in, Path path) throws IOException {
			CountingInput counting = new CountingInput();
			byte[] magic = new byte[MAGIC.length];
			in.readFully(magic);
			if (!Arrays.equals(magic, MAGIC)) {
				throw new CorruptSpoolFileException(path, "not a spool file");
			}
			counting.add(MAGIC.length);
			String uri = counting.utf(in);
			String contentType = counting.utf(in);
			long accepted = in.readLong();
			counting.add(Long.BYTES);
			int count = in.readInt();
			counting.add(Integer.BYTES);
			if (count < 0 || count > 1024) {
				throw new CorruptSpoolFileException(path, "bad header");
			}
			Map<String, String> labels = new LinkedHashMap<>();
			for (int i = 0; i < count; i++) {
				labels.put(counting.utf(in), counting.utf(in));
			}
			int size = in.readInt();
			counting.add(Integer.BYTES);
			if (size <= 0) {
				throw new CorruptSpoolFileException(path, "bad header");
			}
			return new Header(uri, contentType, accepted, labels, size, (int) counting.total);
		}

	}

	/**
	 * Counts the header's bytes as it is read.
	 */
	private static final class CountingInput {

		private long total;

		void add(int bytes) {
			this.total += bytes;
		}

		String utf(DataInputStream in) throws IOException {
			String value = in.readUTF();
			this.total += 2 + value.getBytes(StandardCharsets.UTF_8).length;
			return value;
		}

	}

}
