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

package io.github.blobupload;

/**
 * Maps the storage URI of a blob to the link a person can open, such as the media
 * viewer's {@code https://ops.example.com/blob-viewer/chat-input/<name>.png}, for
 * applications that record URIs themselves. Computed without I/O.
 */
@FunctionalInterface
public interface BlobLinks {

	/** Links that are the storage URIs themselves, as when no viewer is on. */
	BlobLinks IDENTITY = (recordedUri) -> recordedUri;

	/**
	 * Returns the link of a recorded URI.
	 * @param recordedUri a URI an uploader returned
	 * @return the viewer link, or {@code recordedUri} unchanged when it has none
	 */
	String linkFor(String recordedUri);

}
