/**
 * A Spring AI application whose media is offloaded by blob-upload.
 */
@NullMarked
package io.github.blobupload.sample.ai;

import org.jspecify.annotations.NullMarked;
