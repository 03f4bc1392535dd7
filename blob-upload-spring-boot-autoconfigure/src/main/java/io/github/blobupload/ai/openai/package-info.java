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
 * Recovers what the OpenAI client of Spring AI drops: an OkHttp interceptor of
 * spring-ai-openai's HTTP client reads the audio deltas of streamed chat completions as
 * they pass to the client, unchanged, and assembles them in a
 * {@link io.github.blobupload.ai.audio.StreamedChatAudio}, from which the model's
 * observation offloads them once. Depends on the Spring AI integration, never the other
 * way.
 */
@NullMarked
package io.github.blobupload.ai.openai;

import org.jspecify.annotations.NullMarked;
