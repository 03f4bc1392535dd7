/**
 * Auto-configuration of the {@code blobUpload} health indicator, the upload metrics and
 * the optional per-attempt upload observation.
 */
@NullMarked
package io.github.blobupload.autoconfigure.actuate;

import org.jspecify.annotations.NullMarked;
