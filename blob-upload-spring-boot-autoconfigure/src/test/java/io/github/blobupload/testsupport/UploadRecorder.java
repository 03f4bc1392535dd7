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
	 * @param onEvent run on the caller's thread for each accepted blob and on the worker's
	 * thread for each uploaded blob
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
