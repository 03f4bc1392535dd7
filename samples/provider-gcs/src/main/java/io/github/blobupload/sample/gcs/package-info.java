/**
 * An application that uploads to Google Cloud Storage with the README's dependency snippet.
 */
@NullMarked
package io.github.blobupload.sample.gcs;

import org.jspecify.annotations.NullMarked;
