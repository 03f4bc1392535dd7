/**
 * The reliability fault matrix: each provider, driven through the real
 * auto-configuration, against a store that is down, stopped, slow, failing or refusing.
 */
@NullMarked
package io.github.blobupload.reliability;

import org.jspecify.annotations.NullMarked;
