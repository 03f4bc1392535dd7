/**
 * An application that uploads to Amazon S3 with the README's dependency snippet.
 */
@NullMarked
package io.github.blobupload.sample.s3;

import org.jspecify.annotations.NullMarked;
