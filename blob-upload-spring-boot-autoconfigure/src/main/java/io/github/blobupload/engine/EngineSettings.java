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

package io.github.blobupload.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

import io.github.blobupload.BlobUploadListener;
import org.jspecify.annotations.Nullable;

/**
 * The validated, immutable settings of one {@link AsyncBlobUploader}, as its
 * {@link AsyncBlobUploaderBuilder} left them.
 */
record EngineSettings(String name, int maxQueueSize, long maxQueueBytes, long maxBlobBytes, int workers,
		Duration uploadTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff, int dedupeCacheSize,
		Duration shutdownTimeout, Duration logInterval, BlobUploadListener listener, Duration maxAge,
		Duration maxParkedBackoff, @Nullable Path spoolDirectory, long spoolMaxBytes, boolean spoolFsync,
		@Nullable Duration recentUploadsLifetime,
		@Nullable Supplier<? extends @Nullable Map<String, String>> callerLabels) {

	@Override
	public String toString() {
		return "name=" + this.name + ", maxQueueSize=" + this.maxQueueSize + ", maxQueueBytes=" + this.maxQueueBytes
				+ ", maxBlobBytes=" + this.maxBlobBytes + ", workers=" + this.workers + ", uploadTimeout="
				+ this.uploadTimeout + ", maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff
				+ ", maxBackoff=" + this.maxBackoff + ", dedupeCacheSize=" + this.dedupeCacheSize + ", shutdownTimeout="
				+ this.shutdownTimeout + ", logInterval=" + this.logInterval + ", maxAge=" + this.maxAge
				+ ", maxParkedBackoff=" + this.maxParkedBackoff + ", spoolDirectory=" + this.spoolDirectory
				+ ", spoolMaxBytes=" + this.spoolMaxBytes + ", spoolFsync=" + this.spoolFsync
				+ ", recentUploadsLifetime="
				+ ((this.recentUploadsLifetime != null) ? this.recentUploadsLifetime : "unlimited");
	}

}
