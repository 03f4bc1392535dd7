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
