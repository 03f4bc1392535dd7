/**
 * A runnable sample: uploads a few blobs with the starter's {@code file:} default and
 * prints where they landed.
 */
@NullMarked
package io.github.blobupload.sample;

import org.jspecify.annotations.NullMarked;
