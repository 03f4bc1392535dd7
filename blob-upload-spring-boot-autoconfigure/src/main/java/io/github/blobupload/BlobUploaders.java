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
import java.util.Objects;

import io.github.blobupload.internal.RateLimitedLogger;
import org.slf4j.LoggerFactory;

/**
 * Factory methods for the {@link BlobUploader}s that upload nothing. The uploader that
 * does upload is the engine, built with
 * {@code io.github.blobupload.engine.AsyncBlobUploader.builder(simpleBlobUploader)}.
 */
public final class BlobUploaders {

	/** How often the not-configured uploader repeats its warning at most. */
	private static final Duration NOT_CONFIGURED_LOG_INTERVAL = Duration.ofSeconds(30);

	private static final BlobUploader DISABLED = (blob) -> BlobUploader.NOT_UPLOADED;

	private BlobUploaders() {
	}

	/**
	 * Flushes several uploaders within one timeout, shared among them: each waits at most
	 * for what is left of it.
	 * @param uploaders the uploaders, flushed in order
	 * @param timeout how long to wait at most, for all of them together
	 * @return whether every one flushed within the timeout
	 */
	public static boolean flushAll(Iterable<? extends ManagedBlobUploader> uploaders, Duration timeout) {
		long deadline = System.nanoTime() + timeout.toNanos();
		boolean flushed = true;
		for (ManagedBlobUploader uploader : uploaders) {
			flushed &= uploader.flush(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
		}
		return flushed;
	}

	/**
	 * Returns an uploader that uploads nothing and returns
	 * {@link BlobUploader#NOT_UPLOADED} silently, for when uploading is switched off.
	 * @return the disabled uploader
	 */
	public static BlobUploader disabled() {
		return DISABLED;
	}

	/**
	 * Returns an uploader that uploads nothing, returns
	 * {@link BlobUploader#NOT_UPLOADED}, and logs a warning with the reason the first
	 * time it is used (then at most once per interval, with the number of blobs discarded
	 * meanwhile).
	 * @param reason why nothing is configured, and how to fix it
	 * @return the uploader
	 */
	public static BlobUploader notConfigured(String reason) {
		Objects.requireNonNull(reason, "reason must not be null");
		RateLimitedLogger log = new RateLimitedLogger(LoggerFactory.getLogger(BlobUploaders.class),
				NOT_CONFIGURED_LOG_INTERVAL);
		return (blob) -> {
			log.warn(() -> "Blob not uploaded: " + reason);
			return BlobUploader.NOT_UPLOADED;
		};
	}

}
