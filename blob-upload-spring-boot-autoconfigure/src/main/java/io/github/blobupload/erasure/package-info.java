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
 * Erasure: deleting one conversation's, one trace's or one owner's stored content on
 * request, keeping what others still reference. A reference index, written next to the
 * blobs when erasure is on, records which conversations, traces and owners reference each
 * stored object; {@link io.github.blobupload.erasure.BlobErasure} erases through it and
 * answers with an {@link io.github.blobupload.erasure.ErasureReceipt}, and every memo of
 * stored content forgets the erased objects
 * ({@link io.github.blobupload.erasure.ErasureListener}).
 */
@NullMarked
package io.github.blobupload.erasure;

import org.jspecify.annotations.NullMarked;
