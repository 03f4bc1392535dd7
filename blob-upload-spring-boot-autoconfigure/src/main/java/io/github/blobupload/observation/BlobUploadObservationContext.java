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

package io.github.blobupload.observation;

import java.util.Objects;

import io.github.blobupload.Blob;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * What an upload-attempt observation knows: the use case, the storage scheme, the
 * destination (without query string, so a signed URL's signature is never recorded), the
 * blob's size and content type, and, once the attempt is over, its outcome. Never the
 * content and never the blob's labels.
 */
public class BlobUploadObservationContext extends Observation.Context {

	private final String useCase;

	private final String scheme;

	private final String destination;

	private final int size;

	private final String contentType;

	private @Nullable Outcome outcome;

	/**
	 * Creates a context for one attempt.
	 * @param useCase the use case
	 * @param scheme the storage scheme, such as {@code s3}
	 * @param uri the destination URI; any query string is dropped
	 * @param blob the blob; only its size and content type are kept
	 */
	public BlobUploadObservationContext(String useCase, String scheme, String uri, Blob blob) {
		this.useCase = Objects.requireNonNull(useCase, "useCase must not be null");
		this.scheme = Objects.requireNonNull(scheme, "scheme must not be null");
		int query = uri.indexOf('?');
		this.destination = (query < 0) ? uri : uri.substring(0, query);
		this.size = blob.size();
		this.contentType = blob.contentType();
	}

	/**
	 * Returns the use case.
	 * @return the use-case name, such as {@code default}
	 */
	public String getUseCase() {
		return this.useCase;
	}

	/**
	 * Returns the storage scheme.
	 * @return the scheme of the use case's prefix, such as {@code s3} or {@code file}
	 */
	public String getScheme() {
		return this.scheme;
	}

	/**
	 * Returns the destination.
	 * @return the URI written to, without query string
	 */
	public String getDestination() {
		return this.destination;
	}

	/**
	 * Returns the blob's size.
	 * @return the size in bytes
	 */
	public int getSize() {
		return this.size;
	}

	/**
	 * Returns the blob's content type.
	 * @return the content type
	 */
	public String getContentType() {
		return this.contentType;
	}

	/**
	 * Returns how the attempt ended.
	 * @return the outcome, or {@code null} while the attempt runs
	 */
	public @Nullable Outcome getOutcome() {
		return this.outcome;
	}

	/**
	 * Records how the attempt ended.
	 * @param outcome the outcome
	 */
	public void setOutcome(Outcome outcome) {
		this.outcome = outcome;
	}

	/** How an upload attempt ended. */
	public enum Outcome {

		/** The blob was stored (or was there already). */
		SUCCESS("success"),

		/** The attempt failed in a way that is retried while attempts remain. */
		ERROR("error"),

		/** The attempt failed in a way that retrying cannot fix; the blob is given up. */
		PERMANENT_ERROR("permanent_error");

		private final String value;

		Outcome(String value) {
			this.value = value;
		}

		/**
		 * Returns the key value recorded for this outcome.
		 * @return the value, such as {@code permanent_error}
		 */
		public String value() {
			return this.value;
		}

	}

}
