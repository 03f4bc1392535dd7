/**
 * The blob-upload API: the Java form of the OpenTelemetry "blob uploader" proposal.
 * <p>
 * A {@link io.github.blobupload.Blob} is some bytes with a content type and labels. A
 * {@link io.github.blobupload.BlobUploader} takes it off the caller's hands, returns at
 * once the URI where it will land, and writes it to storage in the background. Storage
 * providers implement the synchronous {@link io.github.blobupload.SimpleBlobUploader};
 * {@link io.github.blobupload.BlobUploaders#fromSimpleBlobUploader} turns one into an
 * asynchronous uploader with a bounded queue. A
 * {@link io.github.blobupload.BlobUploaderRegistry} hands out the uploader for each use
 * case.
 * <p>
 * This package depends on no Spring Boot, Spring AI or cloud SDK type.
 */
@NullMarked
package io.github.blobupload;

import org.jspecify.annotations.NullMarked;
