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
 * records their URIs on the model's span in place of the bytes.
 * <p>
 * {@link io.github.blobupload.ai.BlobOffloadAdvisor} covers {@code ChatClient} calls;
 * {@link io.github.blobupload.ai.chat.BlobOffloadObservationHandler} starts offloading
 * prompt media as a {@code ChatModel} observation starts, so that blobs name the model's
 * span and the work overlaps with the model's;
 * {@link io.github.blobupload.ai.chat.BlobOffloadObservationFilter} covers the model
 * observations ({@code ChatModel}, {@code ImageModel}), also when they are called
 * directly, and writes the span attributes (with the {@code refs} layout, a
 * {@link io.github.blobupload.ai.format.GenAiRefsWriter} writes the messages to storage
 * as files and the span records their URIs). All walk messages with one
 * {@link io.github.blobupload.ai.chat.MediaWalker} and go through one
 * {@link io.github.blobupload.ai.offload.MediaOffloader}, which uploads each piece of
 * media once and counts it once per call.
 * {@link io.github.blobupload.ai.OffloadingTextToSpeechModel} and
 * {@link io.github.blobupload.ai.OffloadingTranscriptionModel} wrap the audio models,
 * which Spring AI does not observe, in a {@code blob.upload.audio} observation.
 * <p>
 * Streams: the advisor holds back a stream's last response and gives it the offloaded
 * media; streamed text-to-speech audio is assembled and offloaded once, at completion;
 * the audio of streamed chat completions, which spring-ai-openai drops, is assembled in a
 * {@link io.github.blobupload.ai.audio.StreamedChatAudio} by an interceptor of its HTTP
 * client ({@code io.github.blobupload.ai.openai}) and offloaded once by the filter.
 * <p>
 * Other tools get the media too: {@link io.github.blobupload.ai.BlobOffloadListener}s
 * hear a {@link io.github.blobupload.ai.MediaOffloadEvent} per piece of media per call,
 * and the opt-in {@link io.github.blobupload.ai.format.GenAiEventEmitter} emits the GenAI
 * event {@code gen_ai.client.inference.operation.details} of each model call through the
 * OpenTelemetry Logs API.
 */
@NullMarked
package io.github.blobupload.ai;

import org.jspecify.annotations.NullMarked;
