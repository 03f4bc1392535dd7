/**
 * Auto-configuration of the Spring AI integration ({@code blob.upload.ai.*}).
 */
@NullMarked
package io.github.blobupload.autoconfigure.ai;

import org.jspecify.annotations.NullMarked;
