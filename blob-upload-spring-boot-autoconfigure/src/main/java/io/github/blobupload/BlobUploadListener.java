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
import java.util.List;

/**
 * Receives what happens to each blob, for metrics and integrations. Every method has an
 * empty default. Methods about a refusal or acceptance run on the caller's thread and
 * must be cheap; the others run on upload workers. An exception thrown by a listener is
 * logged (rate-limited) and otherwise ignored.
 */
public interface BlobUploadListener {

	/** A listener that does nothing. */
	BlobUploadListener NONE = new BlobUploadListener() {
	};

	/**
	 * A blob was accepted and queued.
	 * @param uploader the uploader's name
	 * @param uri the destination URI
	 * @param blob the blob
	 */
	default void onAccepted(String uploader, String uri, Blob blob) {
	}

	/**
	 * A blob was not queued because its destination was uploaded recently or is being
	 * uploaded; its URI was returned.
	 * @param uploader the uploader's name
	 * @param uri the destination URI
	 * @param blob the blob
	 */
	default void onDeduplicated(String uploader, String uri, Blob blob) {
	}

	/**
	 * A blob was refused or dropped.
	 * @param uploader the uploader's name
	 * @param reason why
	 * @param blob the blob
	 */
	default void onDropped(String uploader, DropReason reason, Blob blob) {
	}

	/**
	 * An attempt failed and will be retried.
	 * @param uploader the uploader's name
	 * @param uri the destination URI
	 * @param blob the blob
	 * @param attempt the attempt that failed, from 1
	 * @param error the failure
	 */
	default void onRetry(String uploader, String uri, Blob blob, int attempt, Throwable error) {
	}

	/**
	 * Called on a worker thread when a blob's attempts failed for a transient reason and
	 * it is parked, to be retried later until it is uploaded or reaches its maximum age.
	 * @param uploader the uploader's name
	 * @param uri the destination URI
	 * @param blob the blob
	 * @param attempts the attempts made so far
	 * @param error what the last attempt threw
	 */
	default void onParked(String uploader, String uri, Blob blob, int attempts, Throwable error) {
	}

	/**
	 * A blob was written to storage.
	 * @param uploader the uploader's name
	 * @param uri the destination URI
	 * @param blob the blob
	 * @param duration the time from the first attempt to success, backoff included
	 * @param attempts the number of attempts
	 */
	default void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
	}

	/**
	 * A blob was given up.
	 * @param uploader the uploader's name
	 * @param uri the destination URI
	 * @param blob the blob
	 * @param error the last failure
	 * @param permanent whether the provider marked it permanent
	 * @param attempts the number of attempts
	 */
	default void onFailed(String uploader, String uri, Blob blob, Throwable error, boolean permanent, int attempts) {
	}

	/**
	 * Returns a listener that tells each of the given ones about every event, in order. A
	 * listener that throws does not keep the others from being told; the first exception
	 * is rethrown afterwards.
	 * @param listeners the listeners
	 * @return {@link #NONE}, the single listener, or one that tells them all
	 */
	static BlobUploadListener composite(List<BlobUploadListener> listeners) {
		return CompositeBlobUploadListener.of(listeners);
	}

}
