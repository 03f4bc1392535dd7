/**
 * The embedded {@code file:} provider: writes each blob atomically to a local folder,
 * with a JSON sidecar holding its content type and labels.
 */
@NullMarked
package io.github.blobupload.provider.file;

import org.jspecify.annotations.NullMarked;
