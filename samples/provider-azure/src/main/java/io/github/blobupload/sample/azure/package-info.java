/**
 * An application that uploads to Azure Blob Storage with the README's dependency snippet.
 */
@NullMarked
package io.github.blobupload.sample.azure;

import org.jspecify.annotations.NullMarked;
