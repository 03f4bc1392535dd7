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
 * The audio side of the Spring AI integration: the wrappers of the audio models, which
 * Spring AI does not observe
 * ({@link io.github.blobupload.ai.audio.DefaultOffloadingTextToSpeechModel},
 * {@link io.github.blobupload.ai.audio.DefaultOffloadingTranscriptionModel}), the bounded
 * assembly of streamed audio, and the audio of streamed chat completions held for the
 * chat observation filter ({@link io.github.blobupload.ai.audio.StreamedChatAudio}).
 * Depends on the API and the offload core.
 */
@NullMarked
package io.github.blobupload.ai.audio;

import org.jspecify.annotations.NullMarked;
