package io.github.blobupload;

import java.io.IOException;

import org.jspecify.annotations.Nullable;

/**
 * Thrown by a {@link SimpleBlobUploader} when retrying the upload cannot help: the
 * bucket or folder does not exist, access is denied, the credentials are invalid. The
 * upload engine counts such an upload as failed without retrying it.
 */
public class PermanentUploadException extends IOException {

	private static final long serialVersionUID = 1L;

	/**
	 * Creates an exception.
	 * @param message what the storage answered and about which bucket or folder; never
	 * the content
	 */
	public PermanentUploadException(String message) {
		super(message);
	}

	/**
	 * Creates an exception with a cause.
	 * @param message what the storage answered and about which bucket or folder; never
	 * the content
	 * @param cause the provider's exception
	 */
	public PermanentUploadException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
