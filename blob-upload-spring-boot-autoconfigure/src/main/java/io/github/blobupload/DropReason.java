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

/**
 * Why a blob was not uploaded without ever being tried (or, for {@link #SHUTDOWN_TIMEOUT}
 * and {@link #ERASED}, without being finished). The {@link #tag()} is the value of the
 * {@code reason} tag in metrics.
 */
public enum DropReason {

	/** The blob had no content. Refused: {@link BlobUploader#NOT_UPLOADED} returned. */
	EMPTY("empty", true),

	/** The blob was larger than the maximum blob size. Refused. */
	TOO_LARGE("too_large", true),

	/** The queue was full in items or in bytes. Refused. */
	QUEUE_FULL("queue_full", true),

	/**
	 * The durable spool was full: accepting the blob would have taken it past its byte
	 * bound. Refused.
	 */
	SPOOL_FULL("spool_full", true),
	/** The uploader had been shut down. Refused. */
	ALREADY_SHUTDOWN("already_shutdown", true),

	/**
	 * The blob's content type could not be sent to storage (control or non-ASCII
	 * characters, or too long), or the provider could not name a destination for it.
	 * Refused.
	 */
	INVALID("invalid", true),

	/**
	 * The blob had been accepted (its URI returned) but was still queued, in progress or
	 * waiting to retry when the shutdown timeout ran out.
	 */
	SHUTDOWN_TIMEOUT("shutdown_timeout", false),

	/**
	 * The blob had been accepted (its URI returned) but was dropped while it still waited
	 * (queued, waiting to retry, parked or in the spool) because its content was being
	 * erased: its labels matched an erasure's selection.
	 */
	ERASED("erased", false);

	private final String tag;

	private final boolean refusal;

	DropReason(String tag, boolean refusal) {
		this.tag = tag;
		this.refusal = refusal;
	}

	/**
	 * Returns the lower-case name used in metrics and logs.
	 * @return the tag value
	 */
	public String tag() {
		return this.tag;
	}

	/**
	 * Returns whether the blob was refused by {@link BlobUploader#uploadAsync(Blob)}
	 * (which then returned {@link BlobUploader#NOT_UPLOADED}) rather than dropped after
	 * being accepted.
	 * @return whether this is a refusal
	 */
	public boolean isRefusal() {
		return this.refusal;
	}

}
