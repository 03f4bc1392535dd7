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

/**
 * Told about every piece of Spring AI media that was handed to storage, so that another
 * observability integration (Langfuse, AgentOps, an audit log) can link to it without
 * patching anything. Declare a bean of this type to receive the events.
 * <p>
 * Called on the thread of the chat call, once per piece of media (not again when the
 * same media is seen by both the advisor and the model observation); must be cheap and
 * must not block. Exceptions are logged (rate-limited) and otherwise ignored. The upload
 * itself may still be in progress: its outcome is reported by the blob-upload metrics
 * and {@link io.github.blobupload.BlobUploadListener}.
 */
@FunctionalInterface
public interface BlobOffloadListener {

	/**
	 * A piece of media was given to a blob uploader and its URI recorded.
	 * @param media the use case, URI, content type, size and span
	 */
	void onOffloaded(OffloadedMedia media);

}
