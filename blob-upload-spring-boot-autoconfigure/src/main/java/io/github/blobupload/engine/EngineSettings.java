package io.github.blobupload.engine;

import java.time.Duration;

import io.github.blobupload.BlobUploadListener;

/**
 * The validated, immutable settings of one {@link AsyncBlobUploader}, as its
 * {@link AsyncBlobUploaderBuilder} left them.
 */
record EngineSettings(String name, int maxQueueSize, long maxQueueBytes, long maxBlobBytes, int workers,
		Duration uploadTimeout, int maxAttempts, Duration initialBackoff, Duration maxBackoff, int dedupeCacheSize,
		Duration shutdownTimeout, Duration logInterval, BlobUploadListener listener) {

	@Override
	public String toString() {
		return "name=" + this.name + ", maxQueueSize=" + this.maxQueueSize + ", maxQueueBytes=" + this.maxQueueBytes
				+ ", maxBlobBytes=" + this.maxBlobBytes + ", workers=" + this.workers + ", uploadTimeout="
				+ this.uploadTimeout + ", maxAttempts=" + this.maxAttempts + ", initialBackoff=" + this.initialBackoff
				+ ", maxBackoff=" + this.maxBackoff + ", dedupeCacheSize=" + this.dedupeCacheSize
				+ ", shutdownTimeout=" + this.shutdownTimeout + ", logInterval=" + this.logInterval;
	}

}
