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

package io.github.blobupload.autoconfigure;

import java.nio.file.Path;

import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploaderBuilder;

import static io.github.blobupload.autoconfigure.BuilderArguments.format;

/**
 * Hands the engine's {@code blob.upload.*} properties to
 * {@link AsyncBlobUploaderBuilder}, the one place their rules are written: before any
 * bean is created (each refused value reported), for each destination's engine, and for
 * the engines other features keep beside the destinations (such as the reference
 * index's), which must lose nothing the blobs' own engines would keep.
 */
public final class EngineBuilderSettings {

	private static final String PREFIX = "blob.upload.";

	private EngineBuilderSettings() {
	}

	/**
	 * Applies the engine properties to a builder. Each setting is validated by the
	 * builder, and so are the settings against each other; each refused value is added to
	 * the report, naming the property and the value. A rule across settings is reported
	 * only when both settings are valid on their own, and every such rule is reported,
	 * not only the first.
	 */
	static AsyncBlobUploaderBuilder configure(BlobUploadProperties p, AsyncBlobUploaderBuilder builder,
			ConfigurationReport report) {
		report.set(PREFIX + "max-blob-size", p.getMaxBlobSize(), (size) -> builder.maxBlobBytes(size.toBytes()));
		report.set(PREFIX + "queue.max-bytes", p.getQueue().getMaxBytes(),
				(size) -> builder.maxQueueBytes(size.toBytes()));
		report.set(PREFIX + "queue.max-size", p.getQueue().getMaxSize(), builder::maxQueueSize);
		report.set(PREFIX + "worker.threads", p.getWorker().getThreads(), builder::workers);
		report.set(PREFIX + "worker.upload-timeout", p.getWorker().getUploadTimeout(), builder::uploadTimeout);
		report.set(PREFIX + "retry.max-attempts", p.getRetry().getMaxAttempts(), builder::maxAttempts);
		report.set(PREFIX + "retry.initial-backoff", p.getRetry().getInitialBackoff(), builder::initialBackoff);
		report.set(PREFIX + "retry.max-backoff", p.getRetry().getMaxBackoff(), builder::maxBackoff);
		report.set(PREFIX + "dedupe-cache-size", p.getDedupeCacheSize(), builder::dedupeCacheSize);
		report.set(PREFIX + "shutdown-timeout", p.getShutdownTimeout(), builder::shutdownTimeout);
		report.set(PREFIX + "log-interval", p.getLogInterval(), builder::logInterval);
		report.set(PREFIX + "retry.max-age", p.getRetry().getMaxAge(), builder::maxAge);
		report.set(PREFIX + "retry.max-parked-backoff", p.getRetry().getMaxParkedBackoff(), builder::maxParkedBackoff);
		if (p.getSpool().isEnabled()) {
			report.set(PREFIX + "spool.max-bytes", p.getSpool().getMaxBytes(),
					(size) -> builder.spoolMaxBytes(size.toBytes()));
			builder.spoolFsync(p.getSpool().isFsync()).spoolDirectory(spoolDirectory(p));
		}
		checkAcrossSettings(p, builder, report);
		return builder;
	}

	/**
	 * Reports each rule across settings that the builder's
	 * {@link AsyncBlobUploaderBuilder#validate()} refuses. The builder reports one rule
	 * at a time, its message starting with the setting to change; once reported, that
	 * setting is set to a value the rule accepts, and the builder is asked again.
	 */
	private static void checkAcrossSettings(BlobUploadProperties p, AsyncBlobUploaderBuilder builder,
			ConfigurationReport report) {
		for (int rules = 0; rules < 3; rules++) {
			try {
				builder.validate();
				return;
			}
			catch (IllegalArgumentException ex) {
				// The builder's message starts with the setting to change.
				String message = String.valueOf(ex.getMessage());
				if (message.startsWith("spoolMaxBytes")) {
					if (!report.isInvalid(PREFIX + "max-blob-size") && !report.isInvalid(PREFIX + "spool.max-bytes")) {
						report.invalid(PREFIX + "spool.max-bytes", p.getSpool().getMaxBytes(),
								"It must not be smaller than " + PREFIX + "max-blob-size (" + format(p.getMaxBlobSize())
										+ ") plus 1KB of header.");
					}
					builder.spoolDirectory(null);
				}
				else if (message.startsWith("maxBackoff")) {
					if (!report.isInvalid(PREFIX + "retry.initial-backoff")
							&& !report.isInvalid(PREFIX + "retry.max-backoff")) {
						report.invalid(PREFIX + "retry.max-backoff", p.getRetry().getMaxBackoff(),
								"It must not be shorter than " + PREFIX + "retry.initial-backoff ("
										+ format(p.getRetry().getInitialBackoff()) + ").");
					}
					builder.maxBackoff(p.getRetry().getInitialBackoff());
				}
				else {
					if (!report.isInvalid(PREFIX + "max-blob-size") && !report.isInvalid(PREFIX + "queue.max-bytes")) {
						report.invalid(PREFIX + "queue.max-bytes", p.getQueue().getMaxBytes(),
								"It must not be smaller than " + PREFIX + "max-blob-size (" + format(p.getMaxBlobSize())
										+ "), or the largest blobs could never be queued.");
					}
					builder.maxQueueBytes(Long.MAX_VALUE);
				}
			}
		}
	}

	/**
	 * Returns a builder for an engine with the blobs' own settings (bounds, retries,
	 * parking, shutdown timeout) that, when the spool is on, spools into a folder of its
	 * own under the spool's.
	 * @param properties the bound properties, checked at startup
	 * @param provider the storage the engine writes to
	 * @param spoolFolder the engine's folder, relative to
	 * {@code blob.upload.spool.directory}, that no use case's engine uses
	 * @return the builder; give it a name and a listener, then build it
	 * @throws InvalidBlobUploadConfigurationException if a setting is invalid
	 */
	public static AsyncBlobUploaderBuilder engineBuilder(BlobUploadProperties properties, SimpleBlobUploader provider,
			String spoolFolder) {
		ConfigurationReport report = ConfigurationReport.withoutEnvironment();
		AsyncBlobUploaderBuilder builder = configure(properties, AsyncBlobUploader.builder(provider), report);
		report.throwIfInvalid();
		if (properties.getSpool().isEnabled()) {
			builder.spoolDirectory(spoolDirectory(properties).resolve(spoolFolder));
		}
		return builder;
	}

	/**
	 * Returns the spool's folder: {@code blob.upload.spool.directory}, or a folder in the
	 * system's temporary directory.
	 */
	static Path spoolDirectory(BlobUploadProperties properties) {
		String directory = properties.getSpool().getDirectory();
		return (directory != null && !directory.isBlank()) ? Path.of(directory)
				: Path.of(System.getProperty("java.io.tmpdir"), "blob-upload-spool");
	}

}
