/**
 * The asynchronous upload engine: a bounded queue, upload workers, retries and
 * deduplication, modelled on OpenTelemetry's {@code BatchSpanProcessor}.
 */
@NullMarked
package io.github.blobupload.engine;

import org.jspecify.annotations.NullMarked;
