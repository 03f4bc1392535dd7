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

import java.io.IOException;
import java.nio.file.Path;

/**
 * Thrown when a spool file is truncated or its checksum does not match: what a crash in
 * the middle of a write, a full disk or tampering leave behind.
 */
final class CorruptSpoolFileException extends IOException {

	private static final long serialVersionUID = 1L;

	CorruptSpoolFileException(Path path, String problem) {
		super("spool file " + path.getFileName() + " is unreadable: " + problem);
	}

}
