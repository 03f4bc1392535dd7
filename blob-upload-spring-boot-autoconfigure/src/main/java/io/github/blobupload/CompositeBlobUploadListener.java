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

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Tells several listeners about each event, in order. A listener that throws does not
 * keep the others from being told; the first exception is rethrown afterwards.
 */
final class CompositeBlobUploadListener implements BlobUploadListener {

	private final List<BlobUploadListener> listeners;

	private CompositeBlobUploadListener(List<BlobUploadListener> listeners) {
		this.listeners = listeners;
	}

	/**
	 * Returns a listener telling all of the given ones.
	 * @param listeners the listeners
	 * @return {@link BlobUploadListener#NONE}, the single listener, or a composite
	 */
	static BlobUploadListener of(List<BlobUploadListener> listeners) {
		if (listeners.isEmpty()) {
			return BlobUploadListener.NONE;
		}
		return (listeners.size() == 1) ? listeners.get(0) : new CompositeBlobUploadListener(List.copyOf(listeners));
	}

	@Override
	public void onAccepted(String uploader, String uri, Blob blob) {
		forEach((listener) -> listener.onAccepted(uploader, uri, blob));
	}

	@Override
	public void onDeduplicated(String uploader, String uri, Blob blob) {
		forEach((listener) -> listener.onDeduplicated(uploader, uri, blob));
	}

	@Override
	public void onDropped(String uploader, DropReason reason, Blob blob) {
		forEach((listener) -> listener.onDropped(uploader, reason, blob));
	}

	@Override
	public void onRetry(String uploader, String uri, Blob blob, int attempt, Throwable error) {
		forEach((listener) -> listener.onRetry(uploader, uri, blob, attempt, error));
	}

	@Override
	public void onParked(String uploader, String uri, Blob blob, int attempts, Throwable error) {
		forEach((listener) -> listener.onParked(uploader, uri, blob, attempts, error));
	}

	@Override
	public void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
		forEach((listener) -> listener.onUploaded(uploader, uri, blob, duration, attempts));
	}

	@Override
	public void onFailed(String uploader, String uri, Blob blob, Throwable error, boolean permanent, int attempts) {
		forEach((listener) -> listener.onFailed(uploader, uri, blob, error, permanent, attempts));
	}

	private void forEach(Consumer<BlobUploadListener> event) {
		RuntimeException first = null;
		for (BlobUploadListener listener : this.listeners) {
			try {
				event.accept(listener);
			}
			catch (RuntimeException ex) {
				if (first == null) {
					first = ex;
				}
			}
		}
		if (first != null) {
			throw first;
		}
	}

}
