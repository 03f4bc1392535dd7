/**
 * The {@code s3://BUCKET[/prefix]} provider, on the AWS SDK v2 {@code S3Client}: content
 * type and labels are sent with the object, large blobs go as multipart uploads, errors
 * are classified as retryable or permanent, and presigned GET URLs can be recorded.
 */
@NullMarked
package io.github.blobupload.provider.s3;

import org.jspecify.annotations.NullMarked;
