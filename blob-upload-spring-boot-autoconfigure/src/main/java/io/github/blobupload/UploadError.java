package io.github.blobupload;

import java.time.Instant;

/**
 * The last upload failure an uploader saw, for health details and diagnostics. Holds
 * what the storage answered, never the content.
 *
 * @param time when the upload was given up
 * @param uri the destination URI of the failed upload
 * @param message the exception type and message from the provider
 * @param permanent whether the provider marked the error as permanent (not retried)
 * @param attempts how many attempts were made
 */
public record UploadError(Instant time, String uri, String message, boolean permanent, int attempts) {
}
