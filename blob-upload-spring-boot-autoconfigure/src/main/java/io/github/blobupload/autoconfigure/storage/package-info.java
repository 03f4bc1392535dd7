/**
 * Auto-configuration of the cloud storage providers, each active when its SDK is on the
 * class path and building its client only when a prefix of its scheme is used.
 */
@NullMarked
package io.github.blobupload.autoconfigure.storage;

import org.jspecify.annotations.NullMarked;
