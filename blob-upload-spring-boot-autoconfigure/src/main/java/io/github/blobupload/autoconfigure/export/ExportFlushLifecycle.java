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

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.autoconfigure.ShutdownStep;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Flushes the application's OpenTelemetry SDKs (Spring Boot's, the OpenTelemetry Spring
 * Boot starter's) when the application context stops, just before the starter's upload
 * registries shut down: the spans and log records still queued for export pass the export
 * guard while their media can still be stored. Without it the SDK would flush them when
 * it is closed, after the registries, and their media would be replaced by markers or
 * lost. What is recorded after this flush (during shutdown) is guarded with uploading
 * already stopped.
 */
final class ExportFlushLifecycle extends ShutdownStep {

	/**
	 * The phase: one above the upload registries' lifecycle
	 * ({@code DEFAULT_PHASE - 4096}), so stopped just before it.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4095;

	/** The longest wait for each SDK's flush, in seconds. */
	static final long FLUSH_TIMEOUT_SECONDS = 10;

	private static final Logger logger = LoggerFactory.getLogger(ExportFlushLifecycle.class);

	private final List<OpenTelemetry> openTelemetries;

	ExportFlushLifecycle(List<OpenTelemetry> openTelemetries) {
		super(PHASE);
		this.openTelemetries = List.copyOf(openTelemetries);
	}

	@Override
	protected void onStop() {
		for (OpenTelemetry openTelemetry : this.openTelemetries) {
			if (openTelemetry instanceof OpenTelemetrySdk sdk) {
				flush("spans", sdk.getSdkTracerProvider().forceFlush());
				flush("log records", sdk.getSdkLoggerProvider().forceFlush());
			}
		}
	}

	private static void flush(String what, CompletableResultCode result) {
		if (!result.join(FLUSH_TIMEOUT_SECONDS, TimeUnit.SECONDS).isSuccess()) {
			logger.warn("Could not flush the OpenTelemetry SDK's {} within {} s before the upload registries stop; "
					+ "media in what it exports later is not stored", what, FLUSH_TIMEOUT_SECONDS);
		}
	}

}
