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

package io.github.blobupload.viewer;

import java.io.IOException;
import java.util.List;

/**
 * Finds the blobs recorded for a trace, across restarts and across every instance of the
 * application writing to the same destinations: the index lives in storage, next to the
 * blobs, with a bounded cache in front. It holds no content, only where each blob is and
 * its labels.
 */
public interface TraceIndex {

	/**
	 * Returns every blob recorded for a trace, in every configured destination.
	 * @param traceId the trace id, 32 lower-case hexadecimal characters
	 * @return the blobs, in the order they were recorded; empty if none or if the trace
	 * id is malformed
	 * @throws IOException if storage could not be read
	 */
	List<IndexedBlob> find(String traceId) throws IOException;

}
