/**
 * Auto-configuration of the {@code blobUpload} health indicator and the upload metrics.
 */
@NullMarked
package io.github.blobupload.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
