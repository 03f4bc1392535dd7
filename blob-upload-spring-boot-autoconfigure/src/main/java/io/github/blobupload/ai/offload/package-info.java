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

/**
 * The offload core of the Spring AI integration:
 * {@link io.github.blobupload.ai.offload.MediaOffloader} decides what becomes of each
 * piece of media (the include and exclude rules, the
 * {@link io.github.blobupload.ai.MediaFilter}s, the inline budget), hands it to the blob
 * uploader of its use case, remembers the result so that media seen again is uploaded
 * once and counted once per call, offloads prompt media on a few threads while the model
 * works and tells the {@link io.github.blobupload.ai.BlobOffloadListener}s. A
 * {@link io.github.blobupload.ai.offload.MediaCall} is one model call (span,
 * conversation, operation). Depends on the API ({@code io.github.blobupload},
 * {@code io.github.blobupload.ai}) only.
 */
@NullMarked
package io.github.blobupload.ai.offload;

import org.jspecify.annotations.NullMarked;
