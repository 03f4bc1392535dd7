package io.github.blobupload.engine;

import io.github.blobupload.Blob;

/**
 * A blob accepted for upload, its destination and its place in the flush order.
 * @param uri where the blob goes
 * @param blob the blob
 * @param sequence its number in the {@link PendingTracker}
 */
record UploadTask(String uri, Blob blob, long sequence) {
}
