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
 * The export guard that stores inline media:
 * {@link io.github.blobupload.export.media.MediaExportGuard} reads string values as
 * bounded JSON, finds GenAI {@code blob} parts and {@code data:} URLs and hands each to
 * the Spring AI hooks' {@link io.github.blobupload.ai.offload.MediaOffloader}, so that
 * the same engine, use cases, labels, privacy rules, inline budget and content addressing
 * apply. Depends on the API, the export API and the offload core only; no OpenTelemetry
 * type.
 */
@NullMarked
package io.github.blobupload.export.media;

import org.jspecify.annotations.NullMarked;
