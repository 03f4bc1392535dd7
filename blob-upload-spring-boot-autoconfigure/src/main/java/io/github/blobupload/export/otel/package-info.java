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
 * The export guard on the OpenTelemetry SDK: a {@code SpanExporter} and a
 * {@code LogRecordExporter} that pass every span and log record through an
 * {@link io.github.blobupload.export.ExportGuard} before handing it to the exporter they
 * wrap. Used by the OpenTelemetry Spring Boot starter's customizer SPI, by the log path
 * of Spring Boot's own OpenTelemetry auto-configuration, and by hand-built SDKs.
 */
@NullMarked
package io.github.blobupload.export.otel;

import org.jspecify.annotations.NullMarked;
