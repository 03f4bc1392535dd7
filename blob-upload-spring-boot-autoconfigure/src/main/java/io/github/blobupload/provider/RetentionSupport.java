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

package io.github.blobupload.provider;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;

/**
 * What a provider's uploader offers for retention. The uploader marks each blob that
 * carries the {@link BlobLabels#RETENTION} label when it writes it (an S3 object tag, an
 * Azure blob index tag, a Google Cloud Storage custom time, the file's own modification
 * time), so that the store's lifecycle rules can end it; {@link #refresh} restarts the
 * window of an object that was re-used instead of written again. A store whose lifecycle
 * cannot express retention offers a {@link #sweeper}.
 * <p>
 * Implemented by the uploaders a provider creates; the auto-configuration finds it on the
 * provider's uploader before any decorator is applied.
 */
public interface RetentionSupport {

	/**
	 * Returns the URI prefix this uploader stores under, in the form of the URIs it
	 * returns (such as {@code file:///var/blobs/chat-input/}).
	 * @return the prefix
	 */
	String storedUnder();

	/**
	 * Restarts the retention window of an object already stored, on a background thread
	 * (never the caller's). Must not rewrite the content.
	 * @param uri a URI this uploader returned
	 * @param blob the blob that re-used the object, with its {@link BlobLabels#RETENTION}
	 * label
	 * @param now the current time, from the retention's clock
	 * @return {@code true} if refreshed; {@code false} if the object is not there (its
	 * window ended, or it was deleted), so that the caller writes it again
	 * @throws IOException if the store refused or could not be reached
	 */
	boolean refresh(String uri, Blob blob, Instant now) throws IOException;

	/**
	 * Returns the sweeper that deletes this uploader's objects past their window, for a
	 * store whose lifecycle rules cannot do it.
	 * @param retention how long an object is kept after it was last written or refreshed
	 * @param excludedPrefixes prefixes (in the form of {@link #storedUnder()}) of other
	 * uploaders nested under this one, whose objects are left to their own sweeper
	 * @return the sweeper, or empty when the store's lifecycle rules do the work
	 */
	default Optional<RetentionSweeper> sweeper(Duration retention, List<String> excludedPrefixes) {
		return Optional.empty();
	}

	/**
	 * Deletes the objects of one prefix whose retention window has passed.
	 */
	@FunctionalInterface
	interface RetentionSweeper {

		/**
		 * Runs one sweep.
		 * @param now the current time
		 * @return what was examined, deleted and failed
		 * @throws IOException if the prefix could not be listed at all
		 */
		SweepCounts sweep(Instant now) throws IOException;

	}

	/**
	 * What one sweep did.
	 *
	 * @param examined objects looked at
	 * @param swept objects deleted
	 * @param failed objects past their window that could not be deleted
	 */
	record SweepCounts(int examined, int swept, int failed) {

	}

}
