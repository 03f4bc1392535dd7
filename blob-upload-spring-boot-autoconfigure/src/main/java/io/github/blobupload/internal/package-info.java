/**
 * Small helpers shared by the other packages; not part of the public API.
 */
@NullMarked
package io.github.blobupload.internal;

import org.jspecify.annotations.NullMarked;
