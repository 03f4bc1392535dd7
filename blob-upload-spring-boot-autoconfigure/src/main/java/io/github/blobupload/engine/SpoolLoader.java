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

import io.github.blobupload.Blob;
import org.jspecify.annotations.Nullable;

/**
 * Loads the bytes of a blob that waits in the spool only, on a worker's thread, when
 * memory has room for them.
 */
@FunctionalInterface
interface SpoolLoader {

	/** A loader for uploaders without a spool, where every blob is in memory. */
	SpoolLoader NONE = (task) -> {
		throw new IllegalStateException("No spool holds " + task);
	};

	/**
	 * Loads a blob's bytes into memory.
	 * @param task the task, whose bytes are on disk only
	 * @return the blob, or {@code null} if the task was put back (no room yet) or ended
	 * (its file was unreadable, and it was counted failed)
	 */
	@Nullable Blob load(UploadTask task);

}
