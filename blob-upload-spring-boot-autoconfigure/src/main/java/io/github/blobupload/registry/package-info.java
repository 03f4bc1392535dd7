/**
 * The default {@link io.github.blobupload.BlobUploaderRegistry}: uploaders by use case,
 * with flush and shutdown across all of them.
 */
@NullMarked
package io.github.blobupload.registry;

import org.jspecify.annotations.NullMarked;
