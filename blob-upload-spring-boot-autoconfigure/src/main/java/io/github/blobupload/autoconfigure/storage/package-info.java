/**
 * Auto-configuration of the cloud storage providers: one class per provider, each active
 * only when that provider's SDK is on the classpath. Clients are obtained on first
 * upload, so an application that does not use a provider needs none of its settings.
 */
@NullMarked
package io.github.blobupload.autoconfigure.storage;

import org.jspecify.annotations.NullMarked;
