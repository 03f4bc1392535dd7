/**
 * Operations support: the {@code blobUpload} actuator health indicator and the Micrometer
 * metrics of the upload engine.
 */
@NullMarked
package io.github.blobupload.actuate;

import org.jspecify.annotations.NullMarked;
