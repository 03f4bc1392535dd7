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
 * The formats a model call is recorded in: the OpenTelemetry GenAI semantic conventions'
 * message JSON on spans ({@link io.github.blobupload.ai.format.GenAiSemconvAttributes}),
 * the OpenInference attributes
 * ({@link io.github.blobupload.ai.format.OpenInferenceAttributes}), the message files of
 * the {@code refs} layout ({@link io.github.blobupload.ai.format.GenAiRefsWriter}) and
 * the GenAI log event ({@link io.github.blobupload.ai.format.GenAiEventEmitter}), all
 * from the same {@link io.github.blobupload.ai.format.RecordedMessage}s. Depends on the
 * API and the offload core.
 */
@NullMarked
package io.github.blobupload.ai.format;

import org.jspecify.annotations.NullMarked;
