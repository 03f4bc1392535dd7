/**
 * The storage-provider SPI: a {@link io.github.blobupload.provider.BlobStorageProvider}
 * turns a URI prefix of its scheme into a {@link io.github.blobupload.SimpleBlobUploader}.
 * Each provider lives in a sub-package of its own.
 */
@NullMarked
package io.github.blobupload.provider;

import org.jspecify.annotations.NullMarked;
