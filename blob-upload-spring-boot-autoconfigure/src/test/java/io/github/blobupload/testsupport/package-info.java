/**
 * Support for tests against real storage emulators started on loopback ports.
 */
@NullMarked
package io.github.blobupload.testsupport;

import org.jspecify.annotations.NullMarked;
