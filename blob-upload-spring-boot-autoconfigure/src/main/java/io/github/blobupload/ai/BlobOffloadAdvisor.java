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

package io.github.blobupload.ai;

import org.springframework.ai.chat.client.advisor.api.CallAdvisor;
import org.springframework.ai.chat.client.advisor.api.StreamAdvisor;
import org.springframework.core.Ordered;

/**
 * A {@code ChatClient} advisor that offloads the media of each call to storage and
 * records it on the model's span: prompt media while the model works, response media
 * after it (for a stream, once, at completion). The request is passed on unchanged; the
 * response is returned with the {@code List<OffloadedMedia>} of the call in its context
 * under {@link #OFFLOADED_MEDIA} (for a stream, in its last response). Never throws into
 * the call.
 * <p>
 * The Spring AI auto-configuration adds one to every auto-configured
 * {@code ChatClient.Builder} ({@code blob.upload.ai.advisor.enabled}); declare a bean of
 * this type to replace it, built with
 * {@code io.github.blobupload.ai.chat.DefaultBlobOffloadAdvisor.builder(walker)}.
 */
public interface BlobOffloadAdvisor extends CallAdvisor, StreamAdvisor {

	/**
	 * The key under which the response context holds the {@code List<OffloadedMedia>}.
	 */
	String OFFLOADED_MEDIA = "blob.upload.offloaded-media";

	/**
	 * The default order: late, so that the advisor sees the prompt as it is sent to the
	 * model (after memory and retrieval advisors have added to it).
	 */
	int DEFAULT_ORDER = Ordered.LOWEST_PRECEDENCE - 1000;

}
