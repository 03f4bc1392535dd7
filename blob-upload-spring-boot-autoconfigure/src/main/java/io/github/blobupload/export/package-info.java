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
 * The export guard's API: {@link io.github.blobupload.export.ExportGuard} looks at one
 * string attribute of a span or log record as it is about to be exported and returns the
 * value to export instead, with inline media (GenAI {@code blob} parts, {@code data:}
 * URLs) replaced by the URI of the stored blob or by a {@code /dev/null} marker. The
 * {@link io.github.blobupload.export.ExportContext} says which span or log record the
 * value belongs to; {@link io.github.blobupload.export.ExportGuardListener}s are told
 * what the guard did. Plain Java: no Spring, Micrometer or OpenTelemetry type, so that
 * every export path (Spring Boot's, the OpenTelemetry Spring Boot starter's, a hand-built
 * SDK) adapts to it.
 */
@NullMarked
package io.github.blobupload.export;

import org.jspecify.annotations.NullMarked;
