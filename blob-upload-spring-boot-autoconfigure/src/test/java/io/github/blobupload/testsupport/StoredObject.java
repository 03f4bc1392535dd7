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

package io.github.blobupload.testsupport;

import java.util.Map;

/**
 * What a store holds for one object, read back through the store's own client.
 *
 * @param content the bytes
 * @param contentType the content type the store serves
 * @param metadata the object's metadata (S3 user metadata, Azure metadata)
 * @param parts how many parts (S3 multipart) or blocks (Azure) the object was committed
 * from; 1 when it was sent in one request
 */
public record StoredObject(byte[] content, String contentType, Map<String, String> metadata, int parts) {
}
