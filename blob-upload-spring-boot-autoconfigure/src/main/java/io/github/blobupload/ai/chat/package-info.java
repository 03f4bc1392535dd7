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
 * The chat hooks of the Spring AI integration: the {@code ChatClient} advisor
 * ({@link io.github.blobupload.ai.chat.DefaultBlobOffloadAdvisor}), the observation
 * handler that offloads prompt media as a {@code ChatModel} call starts, the observation
 * filter that records the media of {@code ChatModel} and {@code ImageModel} calls on
 * their spans, and the {@link io.github.blobupload.ai.chat.MediaWalker} they share, which
 * walks Spring AI messages. Depends on the API, the offload core, the formats and the
 * audio assembly (streamed chat audio).
 */
@NullMarked
package io.github.blobupload.ai.chat;

import org.jspecify.annotations.NullMarked;
