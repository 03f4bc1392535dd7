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
 * The {@code azblob://ACCOUNT/CONTAINER[/prefix]} provider, on the Azure Storage Blob
 * client: content type and labels are sent with the blob, large blobs are staged as
 * blocks, errors are classified as retryable or permanent, and SAS URLs can be recorded.
 */
@NullMarked
package io.github.blobupload.provider.azure;

import org.jspecify.annotations.NullMarked;
