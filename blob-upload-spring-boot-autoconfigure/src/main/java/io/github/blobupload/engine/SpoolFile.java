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

import java.nio.file.Path;
import java.util.Map;

/**
 * A blob written to the spool: the file and what its header says.
 *
 * @param path the file
 * @param uri the blob's destination
 * @param size the blob's size in bytes
 * @param acceptedEpochMillis when the blob was first accepted
 * @param chargedBytes what the file counts against the spool's byte bound
 * @param labels the blob's labels, so that a blob on disk only can still be selected by
 * them
 */
record SpoolFile(Path path, String uri, int size, long acceptedEpochMillis, long chargedBytes,
		Map<String, String> labels) {

	SpoolFile {
		labels = Map.copyOf(labels);
	}

}
