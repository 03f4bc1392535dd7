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

package io.github.blobupload.autoconfigure;

import java.util.Map;
import java.util.function.Supplier;

/**
 * Labels every blob gets on the thread that hands it over (the caller's), before any work
 * moves to the starter's own threads: given to every upload engine of the registry and to
 * the Spring AI offloader, which captures them when a model call starts. A feature's
 * auto-configuration declares at most one (erasure declares the owner label when the
 * application declares a {@code BlobOwnerResolver}).
 * <p>
 * For the starter's auto-configurations; applications declare a {@code BlobOwnerResolver}
 * instead. Must be cheap and should return an empty map rather than allocate when there
 * is nothing to add; a failure gives no labels.
 */
@FunctionalInterface
public interface CallerBlobLabels extends Supplier<Map<String, String>> {

}
