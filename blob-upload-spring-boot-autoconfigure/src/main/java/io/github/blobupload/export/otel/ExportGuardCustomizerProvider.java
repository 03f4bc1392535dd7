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

package io.github.blobupload.export.otel;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.blobupload.export.ExportGuard;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizer;
import io.opentelemetry.sdk.autoconfigure.spi.AutoConfigurationCustomizerProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the export guard into an OpenTelemetry SDK made by the SDK's auto-configuration
 * (the OpenTelemetry Spring Boot starter, which reads this SPI from the application
 * context as well as from {@code ServiceLoader}): each span exporter and each log-record
 * exporter it configures is wrapped in a {@link GuardedSpanExporter} or
 * {@link GuardedLogRecordExporter}. Ordered last ({@link #order()}), so that it wraps
 * what other customizers return and the exporters see only guarded items.
 */
public final class ExportGuardCustomizerProvider implements AutoConfigurationCustomizerProvider {

	private static final Logger logger = LoggerFactory.getLogger(ExportGuardCustomizerProvider.class);

	private final Supplier<ExportGuard> guard;

	private final boolean spans;

	private final boolean logs;

	/**
	 * Creates a provider.
	 * @param guard supplies the guard when the SDK is built
	 * @param spans whether to guard span exporters
	 * @param logs whether to guard log-record exporters
	 */
	public ExportGuardCustomizerProvider(Supplier<ExportGuard> guard, boolean spans, boolean logs) {
		this.guard = Objects.requireNonNull(guard, "guard must not be null");
		this.spans = spans;
		this.logs = logs;
	}

	@Override
	public void customize(AutoConfigurationCustomizer customizer) {
		if (this.spans) {
			customizer.addSpanExporterCustomizer((exporter, config) -> {
				logger.info("Export guard on the OpenTelemetry SDK: span exporter {} wrapped; each span is examined "
						+ "once before it is exported", exporter.getClass().getName());
				return GuardedSpanExporter.wrap(exporter, this.guard.get());
			});
		}
		if (this.logs) {
			customizer.addLogRecordExporterCustomizer((exporter, config) -> {
				logger.info("Export guard on the OpenTelemetry SDK: log-record exporter {} wrapped; each log record "
						+ "is examined once before it is exported", exporter.getClass().getName());
				return GuardedLogRecordExporter.wrap(exporter, this.guard.get());
			});
		}
	}

	/**
	 * Returns the order of this customizer among the SDK's: last.
	 * @return {@link Integer#MAX_VALUE}
	 */
	@Override
	public int order() {
		return Integer.MAX_VALUE;
	}

}
