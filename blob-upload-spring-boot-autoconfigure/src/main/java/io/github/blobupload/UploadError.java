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

import java.time.Instant;

/**
 * The last upload failure an uploader saw, for health details and diagnostics. Holds what
 * the storage answered, never the content.
 *
 * @param time when the upload was given up
 * @param uri the destination URI of the failed upload
 * @param message the exception type and message from the provider
 * @param permanent whether the provider marked the error as permanent (not retried)
 * @param attempts how many attempts were made
 */
public record UploadError(Instant time, String uri, String message, boolean permanent, int attempts) {
}
