/**
 * Optional Micrometer observation of each upload attempt ({@code blob.upload.attempt}):
 * the context, the documented key names, the convention users can replace, and the
 * decorator that wraps a provider's uploader. Off unless
 * {@code blob.upload.observations.enabled=true}.
 */
@NullMarked
package io.github.blobupload.observation;

import org.jspecify.annotations.NullMarked;
