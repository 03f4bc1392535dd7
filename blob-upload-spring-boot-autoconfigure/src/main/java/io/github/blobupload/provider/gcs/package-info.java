/**
 * The {@code gs://BUCKET[/prefix]} provider: uploads blobs to Google Cloud Storage with
 * the google-cloud-storage client, content type and labels sent with the object, and
 * optionally records V4 signed URLs signed offline with a service-account key.
 */
@NullMarked
package io.github.blobupload.provider.gcs;

import org.jspecify.annotations.NullMarked;
