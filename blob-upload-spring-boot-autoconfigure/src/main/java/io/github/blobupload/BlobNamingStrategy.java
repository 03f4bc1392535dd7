package io.github.blobupload;

/**
 * Names the object a blob is stored as, relative to an uploader's prefix. Called on the
 * caller's thread, so it must be cheap and must not touch storage.
 *
 * @see BlobNamingStrategies
 */
@FunctionalInterface
public interface BlobNamingStrategy {

	/**
	 * Returns the object name for the blob.
	 * @param blob the blob
	 * @return a name made only of the characters {@code A-Z a-z 0-9 . _ -} (see
	 * {@link ObjectKeys}), without a leading slash
	 */
	String objectName(Blob blob);

}
