/**
 * Spring Boot auto-configuration of blob uploading: binds {@code blob.upload.*}, picks
 * the storage provider for each configured prefix, and exposes a
 * {@link io.github.blobupload.BlobUploaderRegistry} and the default
 * {@link io.github.blobupload.BlobUploader} as beans.
 */
@NullMarked
package io.github.blobupload.autoconfigure;

import org.jspecify.annotations.NullMarked;
