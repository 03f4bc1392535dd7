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

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.github.blobupload.ai.format.GenAiSchemas;
import io.github.blobupload.ai.format.GenAiSemconvAttributes;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.tool.ToolCallback;
import org.springframework.ai.tool.function.FunctionToolCallback;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.MimeTypeUtils;

import static io.github.blobupload.ai.SpringAiTestSupport.attribute;
import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;
import static io.github.blobupload.ai.SpringAiTestSupport.json;
import static io.github.blobupload.ai.SpringAiTestSupport.pathOf;
import static io.github.blobupload.ai.SpringAiTestSupport.png;
import static io.github.blobupload.ai.SpringAiTestSupport.spanWith;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link GenAiRefsWriter} through the {@code refs} layout on the model span of
 * a real {@code ChatClient} call (spring-ai-openai against a local server, OpenTelemetry
 * SDK, {@code file:} storage): the four {@code *_ref} attributes name stored files in the
 * upstream naming and format.
 */
@SpringBootTest(classes = SpringAiTestSupport.TestApplication.class,
		properties = { "blob.upload.enabled=true", "blob.upload.uri-prefix=${test.storage}blobs",
				"blob.upload.ai.refs.base-path=${test.storage}refs", "blob.upload.ai.layouts=semconv,refs",
				"spring.ai.openai.api-key=test-key", "spring.ai.retry.max-attempts=1",
				"management.tracing.sampling.probability=1.0", "management.otlp.metrics.export.enabled=false" })
class SpringAiRefsIntegrationTests extends SpringAiIntegrationTest {

	private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private static final String SHA256 = "[0-9a-f]{64}";

	@Test
	@SuppressWarnings("unchecked")
	void fourRefsNameStoredFilesInTheUpstreamFormat() throws Exception {
		SpringAiTestSupport.stubTextAnswer(server, "A chart of rain.");
		byte[] image = png(5_000);

		this.chatClientBuilder.build()
			.prompt()
			.system("You describe pictures in one sentence.")
			.user((user) -> user.text("What is this?").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
			.toolCallbacks(weatherTool())
			.call()
			.content();

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter), GenAiRefsWriter.INPUT_MESSAGES_REF);
		String inputsRef = attribute(span, GenAiRefsWriter.INPUT_MESSAGES_REF);
		String outputsRef = attribute(span, GenAiRefsWriter.OUTPUT_MESSAGES_REF);
		String instructionsRef = attribute(span, GenAiRefsWriter.SYSTEM_INSTRUCTIONS_REF);
		String toolsRef = attribute(span, GenAiRefsWriter.TOOL_DEFINITIONS_REF);
		for (String ref : List.of(inputsRef, outputsRef, instructionsRef, toolsRef)) {
			assertThat(pathOf(ref)).exists().hasParent(storage.resolve("refs"));
		}
		String uuid = fileName(inputsRef).substring(0, 36);
		assertThat(fileName(inputsRef)).matches(UUID + "_inputs\\.json");
		assertThat(fileName(outputsRef)).isEqualTo(uuid + "_outputs.json");
		assertThat(fileName(instructionsRef)).matches(SHA256 + "_system_instruction\\.json");
		assertThat(fileName(toolsRef)).matches(SHA256 + "_tool\\.definitions\\.json");

		String inputs = read(inputsRef);
		assertThat(inputs).endsWith("]\n");
		assertThat(GenAiSchemas.INPUT_MESSAGES.validate(inputs)).isEmpty();
		assertThat((List<String>) json(inputs, "$[0].parts[*].type")).containsExactly("text", "uri");
		assertThat((String) json(inputs, "$[0].parts[0].content")).isEqualTo("What is this?");
		String imageUri = json(inputs, "$[0].parts[1].uri");
		SpringAiTestSupport.assertStored(imageUri, image);
		assertThat(pathOf(imageUri)).hasParent(storage.resolve("blobs"));
		assertThat(inputs).doesNotContain(Base64.getEncoder().encodeToString(image).substring(0, 40));
		// Content capture is off: the span's own attribute holds the image but no text.
		assertThat((List<String>) json(attribute(span, GenAiSemconvAttributes.INPUT_MESSAGES), "$[0].parts[*].type"))
			.containsExactly("uri");

		String outputs = read(outputsRef);
		assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate(outputs)).isEmpty();
		assertThat((List<String>) json(outputs, "$[0].parts[*].content")).containsExactly("A chart of rain.");

		String instructions = read(instructionsRef);
		assertThat(instructions)
			.isEqualTo("[{\"type\":\"text\",\"content\":\"You describe pictures in one sentence.\"}]\n");
		assertThat(GenAiSchemas.SYSTEM_INSTRUCTIONS.validate(instructions)).isEmpty();

		String tools = read(toolsRef);
		assertThat((String) json(tools, "$[0].type")).isEqualTo("function");
		assertThat((String) json(tools, "$[0].name")).isEqualTo("current_weather");
		assertThat((String) json(tools, "$[0].description")).isEqualTo("Tells the weather in a city.");
		assertThat((String) json(tools, "$[0].parameters.properties.city.type")).isEqualTo("string");
	}

	@Test
	void sameSystemPromptIsOneStoredObject() {
		SpringAiTestSupport.stubTextAnswer(server, "Fine.");
		String system = "You answer in French, always.";
		List<String> instructionRefs = new ArrayList<>();
		List<String> inputRefs = new ArrayList<>();
		for (String question : List.of("How are you?", "And now?")) {
			this.exporter.reset();
			this.chatClientBuilder.build().prompt().system(system).user(question).call().content();
			SpanData span = spanWith(flushSpans(this.tracerProvider, this.exporter),
					GenAiRefsWriter.SYSTEM_INSTRUCTIONS_REF);
			instructionRefs.add(attribute(span, GenAiRefsWriter.SYSTEM_INSTRUCTIONS_REF));
			inputRefs.add(attribute(span, GenAiRefsWriter.INPUT_MESSAGES_REF));
			// No tools offered: no tool definitions file.
			assertThat(span.getAttributes().asMap().keySet().stream().map((key) -> key.getKey()))
				.doesNotContain(GenAiRefsWriter.TOOL_DEFINITIONS_REF);
		}

		assertThat(this.registry.flush(SpringAiTestSupport.flushTimeout())).isTrue();
		assertThat(instructionRefs.get(1)).isEqualTo(instructionRefs.get(0));
		assertThat(inputRefs.get(1)).isNotEqualTo(inputRefs.get(0));
		assertThat(storedFiles(storage.resolve("refs")).filter((name) -> name.endsWith("_system_instruction.json"))
			.filter((name) -> read(storage.resolve("refs").resolve(name).toUri().toString()).contains("French")))
			.hasSize(1);
	}

	@Test
	void environmentVariablesGiveFormatAndBasePath(@TempDir Path other) throws Exception {
		Path refs = other.resolve("hook");
		try (ConfigurableApplicationContext context = start(other, "blob.upload.ai.layouts=refs",
				"OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT=jsonl",
				"OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH=" + refs.toUri())) {
			SpringAiTestSupport.stubTextAnswer(server, "Two lines.");
			byte[] image = png(3_000);

			context.getBean(ChatClient.Builder.class)
				.build()
				.prompt()
				.system("Be brief.")
				.user((user) -> user.text("Look.").media(MimeTypeUtils.IMAGE_PNG, new ByteArrayResource(image)))
				.call()
				.content();

			assertThat(context.getBean(BlobUploaderRegistry.class).flush(SpringAiTestSupport.flushTimeout())).isTrue();
			SpanData span = spanWith(
					flushSpans(context.getBean(SdkTracerProvider.class), context.getBean(InMemorySpanExporter.class)),
					GenAiRefsWriter.INPUT_MESSAGES_REF);
			String inputsRef = attribute(span, GenAiRefsWriter.INPUT_MESSAGES_REF);
			assertThat(fileName(inputsRef)).matches(UUID + "_inputs\\.jsonl");
			assertThat(pathOf(inputsRef)).hasParent(refs);
			assertThat(fileName(attribute(span, GenAiRefsWriter.SYSTEM_INSTRUCTIONS_REF)))
				.matches(SHA256 + "_system_instruction\\.jsonl");
			// Only the refs layout: no message attributes on the span.
			assertThat(span.getAttributes().asMap().keySet().stream().map((key) -> key.getKey()))
				.doesNotContain(GenAiSemconvAttributes.INPUT_MESSAGES);

			List<String> lines = Files.readAllLines(pathOf(inputsRef), StandardCharsets.UTF_8);
			assertThat(lines).hasSize(1);
			assertThat(GenAiSchemas.INPUT_MESSAGES.validate("[" + lines.get(0) + "]")).isEmpty();
			assertThat((Integer) json(lines.get(0), "$.index")).isZero();
			String imageUri = json(lines.get(0), "$.parts[1].uri");
			SpringAiTestSupport.assertStored(imageUri, image);
			for (String line : Files.readAllLines(pathOf(attribute(span, GenAiRefsWriter.OUTPUT_MESSAGES_REF)))) {
				assertThat(GenAiSchemas.OUTPUT_MESSAGES.validate("[" + line + "]")).isEmpty();
			}
		}
	}

	@Test
	void refsAreOffByDefault(@TempDir Path other) {
		try (ConfigurableApplicationContext context = start(other)) {
			SpringAiTestSupport.stubTextAnswer(server, "Hello.");

			context.getBean(ChatClient.Builder.class).build().prompt().system("Be kind.").user("Hi").call().content();

			List<SpanData> spans = flushSpans(context.getBean(SdkTracerProvider.class),
					context.getBean(InMemorySpanExporter.class));
			SpanData span = spanWith(spans, GenAiSemconvAttributes.INPUT_MESSAGES);
			assertThat(span.getAttributes().asMap().keySet().stream().map((key) -> key.getKey()))
				.noneMatch((key) -> key.endsWith("_ref"));
			assertThat(context.getBeanProvider(GenAiRefsWriter.class).getIfAvailable()).isNull();
		}
	}

	@Test
	void refusedFileLeavesItsAttributeOutAndTheCallWorks(@TempDir Path other) {
		try (ConfigurableApplicationContext context = start(other, "blob.upload.ai.layouts=semconv,refs",
				"blob.upload.use-cases.genai-refs.enabled=false")) {
			SpringAiTestSupport.stubTextAnswer(server, "Still here.");

			String answer = context.getBean(ChatClient.Builder.class)
				.build()
				.prompt()
				.system("Be kind.")
				.user("Hi")
				.call()
				.content();

			assertThat(answer).isEqualTo("Still here.");
			SpanData span = spanWith(
					flushSpans(context.getBean(SdkTracerProvider.class), context.getBean(InMemorySpanExporter.class)),
					GenAiSemconvAttributes.OUTPUT_MESSAGES);
			assertThat(span.getAttributes().asMap().keySet().stream().map((key) -> key.getKey()))
				.noneMatch((key) -> key.endsWith("_ref"));
			// System instructions, inputs and outputs: three files refused, and counted.
			assertThat(context.getBean(MeterRegistry.class)
				.get("blob.upload.ai.refs")
				.tag("outcome", "refused")
				.functionCounter()
				.count()).isEqualTo(3);
		}
	}

	private ConfigurableApplicationContext start(Path folder, String... properties) {
		List<String> all = new ArrayList<>(
				List.of("blob.upload.enabled=true", "blob.upload.uri-prefix=" + folder.resolve("blobs").toUri(),
						"spring.ai.openai.api-key=test-key", "spring.ai.openai.base-url=" + server.baseUrl() + "/v1",
						"spring.ai.retry.max-attempts=1", "management.tracing.sampling.probability=1.0",
						"management.otlp.metrics.export.enabled=false", "spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(SpringAiTestSupport.TestApplication.class).web(WebApplicationType.NONE)
			.properties(all.toArray(String[]::new))
			.run();
	}

	private static ToolCallback weatherTool() {
		return FunctionToolCallback.builder("current_weather", (City city) -> "sunny in " + city.city())
			.description("Tells the weather in a city.")
			.inputType(City.class)
			.build();
	}

	private static String fileName(String uri) {
		return pathOf(uri).getFileName().toString();
	}

	private static String read(String uri) {
		try {
			return Files.readString(pathOf(uri), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static Stream<String> storedFiles(Path folder) {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).toList().stream();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/**
	 * The input of the test tool.
	 *
	 * @param city the city
	 */
	record City(String city) {

	}

}
