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

import java.util.List;

import io.github.blobupload.ai.format.GenAiSchemas;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiSemconvAttributes} with content capture on
 * ({@code blob.upload.ai.capture-content=true}) on the model span of a real
 * {@code ChatClient} call (spring-ai-openai against a local server, OpenTelemetry SDK):
 * the system prompt is recorded as {@code gen_ai.system_instructions} and every message
 * attribute matches the GenAI JSON schemas.
 */
@SpringBootTest(classes = SpringAiTestSupport.TestApplication.class,
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}",
				"blob.upload.ai.capture-content=true", "spring.ai.openai.api-key=test-key",
				"spring.ai.retry.max-attempts=1", "management.tracing.sampling.probability=1.0",
				"management.otlp.metrics.export.enabled=false" })
class SpringAiCaptureContentIntegrationTests extends SpringAiIntegrationTest {

	@Test
	@SuppressWarnings("unchecked")
	void systemPromptIsRecordedAsSystemInstructionsPerSchema() {
		SpringAiTestSupport.stubTextAnswer(server, "A chart.");
		byte[] image = png(5_000);

		this.chatClientBuilder.build()
			.prompt()
			.system("You describe pictures in one sentence.")
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.call()
			.content();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		List<SpanData> spans = flushSpans(this.tracerProvider, this.exporter);
		SpanData span = spanWith(spans, GenAiSemconvAttributes.SYSTEM_INSTRUCTIONS);
		String instructions = attribute(span, GenAiSemconvAttributes.SYSTEM_INSTRUCTIONS);
		assertThat(instructions)
			.isEqualTo("[{\"type\":\"text\",\"content\":\"You describe pictures in one sentence.\"}]");
		assertThat(GenAiSchemas.SYSTEM_INSTRUCTIONS.validate(instructions)).isEmpty();
		String input = attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES);
		assertThat((List<String>) SpringAiTestSupport.json(input, "$[*].role")).containsExactly("user");
		assertThat((List<String>) SpringAiTestSupport.json(input, "$[0].parts[*].type")).containsExactly("text", "uri");
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(input)).isEmpty();
		String output = attribute(span, GenAiSemconvAttributes.OUTPUT_MESSAGES);
		assertThat((List<String>) SpringAiTestSupport.json(output, "$[0].parts[*].content"))
			.containsExactly("A chart.");
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(output)).isEmpty();
	}

}
