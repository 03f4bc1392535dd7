/**
 * Architecture tests: the dependency rules between the starter's packages.
 */
@NullMarked
package io.github.blobupload.architecture;

import org.jspecify.annotations.NullMarked;
