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

package io.github.blobupload.ai;

import java.util.concurrent.TimeUnit;

import io.github.blobupload.ai.format.GenAiEventEmitter;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.opentelemetry.sdk.logs.LogRecordProcessor;
import io.opentelemetry.sdk.logs.SdkLoggerProvider;
import io.opentelemetry.sdk.logs.export.SimpleLogRecordProcessor;
import io.opentelemetry.sdk.testing.exporter.InMemoryLogRecordExporter;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that {@link GenAiEventEmitter} emits nothing by default: a real
 * {@code ChatClient} call (spring-ai-openai against a local server) with the
 * OpenTelemetry SDK and an in-memory log exporter, {@code blob.upload.ai.events.enabled}
 * left unset.
 */
@SpringBootTest(
		classes = { SpringAiTestSupport.TestApplication.class, SpringAiGenAiEventsDisabledIntegrationTests.Logs.class },
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}",
				"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
				"management.tracing.sampling.probability=1.0", "management.otlp.metrics.export.enabled=false" })
class SpringAiGenAiEventsDisabledIntegrationTests extends SpringAiIntegrationTest {

	private static final InMemoryLogRecordExporter logs = InMemoryLogRecordExporter.create();

	@Autowired
	private SdkLoggerProvider loggerProvider;

	@Test
	void noEventIsEmittedWhenTheSwitchIsOff() {
		SpringAiTestSupport.stubTextAnswer(server, "A chart.");

		this.chatClientBuilder.build()
			.prompt()
			.user((user) -> user.text("What is this?")
				.media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(png(5_000))))
			.call()
			.chatResponse();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		spanWith(flushSpans(this.tracerProvider, this.exporter), GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat(this.loggerProvider.forceFlush().join(10, TimeUnit.SECONDS).isSuccess()).isTrue();
		assertThat(logs.getFinishedLogRecordItems())
			.noneMatch((record) -> GenAiEventEmitter.EVENT_NAME.equals(record.getEventName()));
	}

	/** The log processor with the in-memory exporter. */
	@Configuration(proxyBeanMethods = false)
	static class Logs {

		@Bean
		LogRecordProcessor inMemoryLogRecordProcessor() {
			return SimpleLogRecordProcessor.create(logs);
		}

	}

}
