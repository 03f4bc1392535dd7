/*
 * Copyright 2026 the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.blobupload.autoconfigure.export;

import io.github.blobupload.autoconfigure.ai.OffloaderSettings;
import io.github.blobupload.export.media.MediaExportGuard;
import org.springframework.util.unit.DataSize;

/**
 * Hands the {@code blob.upload.export.*} values to the guard's builder, the one place
 * their rules are written: once before any bean is created
 * ({@link BlobUploadExportAutoConfiguration#blobUploadExportConfigurationCheck()}), and
 * once to build the guard.
 */
final class ExportGuardSettings {

	/** The property of the length from which values are examined. */
	static final String EXAMINE_ABOVE = "blob.upload.export.examine-above";

	private ExportGuardSettings() {
	}

	/**
	 * Hands each value to its builder setter.
	 * @param properties the bound properties
	 * @param builder the builder
	 * @param setter what hands a value to a setter and names the property if it is
	 * refused
	 */
	static void apply(BlobUploadExportProperties properties, MediaExportGuard.Builder builder,
			OffloaderSettings.PropertySetter setter) {
		setter.set(EXAMINE_ABOVE, properties.getExamineAbove(), (size) -> builder.examineAtLeast(characters(size)));
	}

	private static int characters(DataSize size) {
		long bytes = size.toBytes();
		if (bytes > Integer.MAX_VALUE) {
			throw new IllegalArgumentException(
					"examineAtLeast must be at most " + Integer.MAX_VALUE + " but was " + bytes);
		}
		return (int) bytes;
	}

}
