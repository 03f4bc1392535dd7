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

package io.github.blobupload.erasure;

import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Told by an erasure so that what remembers stored content forgets it: the upload
 * engines' memo of recent uploads and their queued, retrying, parked and spooled blobs,
 * the Spring AI media memo, signed-URL caches, the retention memo and the viewer's index
 * cache. Called on the erasing thread; must be quick and must not throw.
 */
public interface ErasureListener {

	/**
	 * Called before an erasure lists anything: blobs of the selected content that are
	 * still waiting to be written (queued, retrying, parked, spooled) must not be written
	 * after it, so an engine drops them (counted as dropped).
	 * @param selected whether a blob's labels belong to the selected content
	 */
	default void beforeErasure(Predicate<Map<String, String>> selected) {
	}

	/**
	 * Called after an erasure (not a dry run) deleted objects: every memo that an object
	 * is stored must forget them, so that the same content given again is written again.
	 * @param deletedUris the storage URIs of the objects deleted
	 * @param traceIds the traces whose index entries were removed
	 */
	default void onErased(Set<String> deletedUris, Set<String> traceIds) {
	}

}
