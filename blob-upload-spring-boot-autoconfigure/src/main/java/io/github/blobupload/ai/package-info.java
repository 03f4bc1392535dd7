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
 * Spring AI integration: offloads the media of prompts and responses (images, documents,
 * audio) to storage through the {@link io.github.blobupload.BlobUploaderRegistry} and
 * records their URIs on the model's span in place of the bytes. This package holds what
 * an application touches: {@link io.github.blobupload.ai.BlobOffloadListener},
 * {@link io.github.blobupload.ai.MediaFilter},
 * {@link io.github.blobupload.ai.MediaOffloadEvent},
 * {@link io.github.blobupload.ai.OffloadedMedia}, the
 * {@link io.github.blobupload.ai.BlobOffloadAdvisor}, the audio-model wrappers
 * ({@link io.github.blobupload.ai.OffloadingTextToSpeechModel},
 * {@link io.github.blobupload.ai.OffloadingTranscriptionModel}) and their observation,
 * the use cases, labels and layouts. It depends on no package below it.
 * <p>
 * The implementation is split by job, each job a package that depends on this one and on
 * those listed before it:
 * <ul>
 * <li>{@code io.github.blobupload.ai.offload}: the offload core, {@code MediaOffloader}
 * (rules, filters, inline budget, uploads, each media uploaded once and counted once per
 * call, prompt media offloaded while the model works);</li>
 * <li>{@code io.github.blobupload.ai.format}: how a call is recorded (GenAI semantic
 * conventions, OpenInference, the {@code refs} files, the GenAI log event);</li>
 * <li>{@code io.github.blobupload.ai.audio}: the audio-model wrappers and streamed
 * audio;</li>
 * <li>{@code io.github.blobupload.ai.chat}: the {@code ChatClient} advisor and the
 * observation handler and filter of the chat and image models, which walk Spring AI
 * messages with one {@code MediaWalker};</li>
 * <li>{@code io.github.blobupload.ai.metrics}: the meters;</li>
 * <li>{@code io.github.blobupload.ai.openai}: the recovery of streamed OpenAI chat
 * audio.</li>
 * </ul>
 */
@NullMarked
package io.github.blobupload.ai;

import org.jspecify.annotations.NullMarked;
