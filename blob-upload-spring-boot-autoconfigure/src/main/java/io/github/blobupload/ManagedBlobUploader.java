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

package io.github.blobupload;

import java.time.Duration;
import java.util.Optional;

/**
 * A {@link BlobUploader} with a lifecycle: it can be flushed, shut down and inspected.
 * The upload engine, {@code io.github.blobupload.engine.AsyncBlobUploader}, is one.
 */
public interface ManagedBlobUploader extends BlobUploader, AutoCloseable {

	/**
	 * Returns the name of this uploader, used in log lines, metrics and health details
	 * (the use case it serves in a registry).
	 * @return the name
	 */
	String name();

	/**
	 * Waits until every blob accepted before this call has been uploaded, has failed or
	 * has been dropped. Blobs waiting to retry or parked (storage down) are waited for
	 * too, so a flush during an outage returns {@code false} at its timeout. New blobs
	 * may be accepted meanwhile; they are not waited for.
	 * @param timeout how long to wait at most
	 * @return {@code true} if that happened within the timeout
	 */
	boolean flush(Duration timeout);

	/**
	 * Stops accepting blobs, uploads what is queued within the timeout, then stops the
	 * workers; blobs still queued, in progress, waiting to retry or parked at the
	 * deadline are counted as dropped ({@link DropReason#SHUTDOWN_TIMEOUT}) and reported
	 * in one log line, or, when the uploader has a durable spool, left in it for the next
	 * start ({@link BlobUploadStats.Spool#carriedOver()}). Calling it again has no effect
	 * and returns the first call's result.
	 * @param timeout how long to keep uploading at most
	 * @return {@code true} if everything accepted was finished in time
	 */
	boolean shutdown(Duration timeout);

	/**
	 * Returns a snapshot of the counters, the queue and the last error.
	 * @return the statistics
	 */
	BlobUploadStats stats();

	/**
	 * Returns the probe that checks this uploader's destination, for the active health
	 * check, when the storage it writes through can be probed.
	 * @return the probe, or empty
	 */
	default Optional<StorageProbe> storageProbe() {
		return Optional.empty();
	}

	/**
	 * Returns the reader of the objects this uploader wrote, for the media viewer, when
	 * its storage can be read back.
	 * @return the reader, or empty
	 */
	default Optional<BlobReader> blobReader() {
		return Optional.empty();
	}

	/**
	 * Returns the deleter of the objects this uploader wrote, for erasure, when its
	 * storage can delete them.
	 * @return the deleter, or empty
	 */
	default Optional<BlobDeleter> blobDeleter() {
		return Optional.empty();
	}

	/**
	 * Shuts down with the uploader's configured shutdown timeout.
	 * @see #shutdown(Duration)
	 */
	@Override
	void close();

}
