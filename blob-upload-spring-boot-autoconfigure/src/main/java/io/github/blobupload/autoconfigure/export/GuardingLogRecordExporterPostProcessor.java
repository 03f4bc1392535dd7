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

import io.github.blobupload.export.ExportGuard;
import io.github.blobupload.export.ExportSignal;
import io.github.blobupload.export.otel.GuardedLogRecordExporter;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Wraps each {@link LogRecordExporter} bean of the application (Spring Boot's OTLP
 * exporter, the application's own) in a {@link GuardedLogRecordExporter}: the bean stays,
 * and what Spring Boot's log-record processor hands it passes the export guard first. The
 * guard is looked up at the first export, so that wrapping creates no bean early.
 */
final class GuardingLogRecordExporterPostProcessor implements BeanPostProcessor {

	private static final Logger logger = LoggerFactory.getLogger(GuardingLogRecordExporterPostProcessor.class);

	private final ExportGuard guard;

	GuardingLogRecordExporterPostProcessor(ObjectProvider<ExportGuard> guard) {
		this.guard = new ProvidedExportGuard(guard);
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (bean instanceof LogRecordExporter exporter && !(bean instanceof GuardedLogRecordExporter)) {
			logger.info(
					"Export guard on log records: LogRecordExporter bean '{}' ({}) wrapped; each log record it "
							+ "exports is examined first, its inline media stored under use case {}",
					beanName, bean.getClass().getName(), ExportSignal.LOG.useCase());
			return GuardedLogRecordExporter.wrap(exporter, this.guard);
		}
		return bean;
	}

}
