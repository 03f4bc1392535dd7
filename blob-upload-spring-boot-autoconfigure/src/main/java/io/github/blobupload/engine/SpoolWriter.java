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

import java.io.IOException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

import io.github.blobupload.Blob;

/**
 * Writes accepted blobs to the {@link DiskSpool} on its own thread, never the caller's,
 * and deletes each file once its blob has finished. A blob that finishes before its turn
 * is never written. Memory is bounded by the upload queue's byte budget: only blobs that
 * hold room in it wait here.
 */
final class SpoolWriter {

	private final DiskSpool spool;

	private final LinkedBlockingQueue<UploadTask> waiting = new LinkedBlockingQueue<>();

	private final Consumer<UploadTask> written;

	private final Consumer<IOException> failed;

	private final Thread thread;

	private volatile boolean stopped;

	/**
	 * Starts the writer.
	 * @param name the uploader's name, for the thread's name
	 * @param spool where blobs are written
	 * @param written told of each blob once its file is in place
	 * @param failed told of each write that failed (the blob stays in memory only)
	 */
	SpoolWriter(String name, DiskSpool spool, Consumer<UploadTask> written, Consumer<IOException> failed) {
		this.spool = spool;
		this.written = written;
		this.failed = failed;
		this.thread = new Thread(this::run, "blob-upload-" + name + "-spool");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	DiskSpool spool() {
		return this.spool;
	}

	/**
	 * Hands a blob whose spool room is reserved to the writer; cheap, for the caller.
	 */
	void submit(UploadTask task) {
		this.waiting.add(task);
	}

	/**
	 * Returns how many blobs wait to be written: the blobs a crash now would lose.
	 */
	int backlog() {
		return this.waiting.size();
	}

	/**
	 * Deletes the file of a blob that has finished, if it was written. Call after
	 * {@link UploadTask#finish()}.
	 */
	void finished(UploadTask task) {
		SpoolFile file = task.spoolFile();
		if (file != null) {
			this.spool.delete(file);
		}
	}

	/**
	 * Stops the thread and writes, on the calling thread, every blob still waiting that
	 * has not finished, so that a shutdown leaves it for the next start.
	 */
	void stopAndWriteRest() {
		this.stopped = true;
		this.thread.interrupt();
		try {
			this.thread.join(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		UploadTask task;
		while ((task = this.waiting.poll()) != null) {
			write(task);
		}
	}

	private void run() {
		while (!this.stopped) {
			UploadTask task;
			try {
				task = this.waiting.take();
			}
			catch (InterruptedException ex) {
				continue;
			}
			write(task);
		}
	}

	private void write(UploadTask task) {
		long charge = DiskSpool.chargeFor(task.size());
		Blob blob = task.blob();
		if (blob == null || task.isFinished()) {
			this.spool.unreserve(charge);
			return;
		}
		SpoolFile file;
		try {
			file = this.spool.write(task, blob);
		}
		catch (IOException ex) {
			this.spool.unreserve(charge);
			this.failed.accept(ex);
			return;
		}
		synchronized (task) {
			if (task.isFinished()) {
				// Uploaded while it was being written: the file is not needed.
				this.spool.delete(file);
				return;
			}
			task.spooled(file);
		}
		this.written.accept(task);
	}

}
