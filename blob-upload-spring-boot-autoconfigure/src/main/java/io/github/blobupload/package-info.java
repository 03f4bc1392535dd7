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
 * The blob-upload API: the Java form of the OpenTelemetry "blob uploader" proposal.
 * <p>
 * A {@link io.github.blobupload.Blob} is some bytes with a content type and labels. A
 * {@link io.github.blobupload.BlobUploader} takes it off the caller's hands, returns at
 * once the URI where it will land, and writes it to storage in the background. Storage
 * providers implement the synchronous {@link io.github.blobupload.SimpleBlobUploader};
 * the engine, {@code io.github.blobupload.engine.AsyncBlobUploader.builder(...)}, turns
 * one into an asynchronous uploader with a bounded queue (this package does not depend on
 * the engine: dependencies point from the engine to the API). A
 * {@link io.github.blobupload.BlobUploaderRegistry} hands out the uploader for each use
 * case.
 * <p>
 * This package depends on no Spring Boot, Spring AI or cloud SDK type.
 */
@NullMarked
package io.github.blobupload;

import org.jspecify.annotations.NullMarked;
