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
