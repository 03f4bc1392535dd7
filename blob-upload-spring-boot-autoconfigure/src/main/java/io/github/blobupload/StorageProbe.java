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

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * An optional capability of a {@link io.github.blobupload.SimpleBlobUploader}: checks
 * that its destination is reachable and writable, for the active health check.
 * <p>
 * The only honest proof that a destination is writable is a write, so a check writes the
 * small, private {@linkplain #probeBlob() probe object} named {@value #PROBE_OBJECT_NAME}
 * directly under the uploader's prefix, the same way (same client, encryption and error
 * classification) as a blob, overwriting it each time. It is not deleted afterwards:
 * deleting needs a permission (such as {@code s3:DeleteObject}) that an upload-only role
 * does not have, and a single object of a few bytes that is overwritten in place does not
 * accumulate (except as old versions in a versioned bucket, which a lifecycle rule should
 * expire).
 * <p>
 * Content-addressed and UUID object names never start with an underscore, so the probe
 * cannot collide with a blob.
 */
@FunctionalInterface
public interface StorageProbe {

	/** The name of the object a check writes, directly under the uploader's prefix. */
	String PROBE_OBJECT_NAME = "_blob-upload-health-probe";

	/**
	 * Writes the probe object, blocking until storage has answered.
	 * @throws PermanentUploadException if the destination cannot be written (bucket or
	 * folder missing, access denied)
	 * @throws IOException for any other failure, such as storage being unreachable
	 */
	void check() throws IOException;

	/**
	 * Returns the object a check writes: a short plain-text note, no labels.
	 * @return a new blob
	 */
	static Blob probeBlob() {
		return new Blob(
				"Written by the blob-upload health check to test that this folder is writable; safe to delete.\n"
					.getBytes(StandardCharsets.UTF_8),
				"text/plain", null);
	}

}
