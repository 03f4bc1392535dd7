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

package io.github.blobupload.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadListener;

/**
 * A listener that records which generated blob (see {@link GeneratedBlobs}) each uploaded
 * URI holds, without keeping the blobs, and runs a hook on every acceptance and upload
 * (while the engine still counts the blob as held).
 */
public final class UploadRecorder implements BlobUploadListener {

	private final Map<String, Integer> uploaded = new ConcurrentHashMap<>();

	private final Runnable onEvent;

	/** Creates a recorder without a hook. */
	public UploadRecorder() {
		this(() -> {
		});
	}

	/**
	 * Creates a recorder.
	 * @param onEvent run on the caller's thread for each accepted blob and on the
	 * worker's thread for each uploaded blob
	 */
	public UploadRecorder(Runnable onEvent) {
		this.onEvent = onEvent;
	}

	@Override
	public void onAccepted(String name, String uri, Blob blob) {
		this.onEvent.run();
	}

	@Override
	public void onUploaded(String name, String uri, Blob blob, Duration duration, int attempts) {
		this.uploaded.put(uri, GeneratedBlobs.indexOf(blob));
		this.onEvent.run();
	}

	/**
	 * Returns the uploaded URIs and the index of the generated blob each holds.
	 * @return a live map
	 */
	public Map<String, Integer> uploaded() {
		return this.uploaded;
	}

}
