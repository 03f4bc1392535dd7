/**
 * The {@code azblob://ACCOUNT/CONTAINER[/prefix]} provider, on the Azure Storage Blob
 * client: content type and labels are sent with the blob, large blobs are staged as
 * blocks, errors are classified as retryable or permanent, and SAS URLs can be recorded.
 */
@NullMarked
package io.github.blobupload.provider.azure;

import org.jspecify.annotations.NullMarked;
