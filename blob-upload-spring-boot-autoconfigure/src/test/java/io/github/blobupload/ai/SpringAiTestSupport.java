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

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.jayway.jsonpath.JsonPath;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Shared parts of the Spring AI integration tests: a WireMock server speaking the OpenAI
 * API, an application with the real auto-configurations and an in-memory span exporter.
 */
final class SpringAiTestSupport {

	private SpringAiTestSupport() {
	}

	static WireMockServer startOpenAiServer() {
		WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		return server;
	}

	static void stubTextAnswer(WireMockServer server, String text) {
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody(completion("{\"role\":\"assistant\",\"content\":" + quote(text) + ",\"refusal\":null}"))));
	}

	static void stubAudioAnswer(WireMockServer server, byte[] pcm, String transcript) {
		String audio = "{\"id\":\"audio_1\",\"data\":\"" + Base64.getEncoder().encodeToString(pcm)
				+ "\",\"expires_at\":1900000000,\"transcript\":" + quote(transcript) + "}";
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody(
					completion("{\"role\":\"assistant\",\"content\":null,\"refusal\":null,\"audio\":" + audio + "}"))));
	}

	static void stubStreamedAnswer(WireMockServer server, String... pieces) {
		StringBuilder body = new StringBuilder();
		for (int i = 0; i < pieces.length; i++) {
			String delta = (i == 0) ? "{\"role\":\"assistant\",\"content\":" + quote(pieces[i]) + "}"
					: "{\"content\":" + quote(pieces[i]) + "}";
			body.append("data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,")
				.append("\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":")
				.append(delta)
				.append(",\"logprobs\":null,\"finish_reason\":null}]}\n\n");
		}
		body.append("data: {\"id\":\"chatcmpl-s\",\"object\":\"chat.completion.chunk\",\"created\":1700000000,")
			.append("\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"delta\":{},\"logprobs\":null,")
			.append("\"finish_reason\":\"stop\"}]}\n\n");
		body.append("data: [DONE]\n\n");
		server.stubFor(post(urlPathEqualTo("/v1/chat/completions"))
			.willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody(body.toString())));
	}

	static void stubImageAnswer(WireMockServer server, byte[] image) {
		server.stubFor(post(urlPathEqualTo("/v1/images/generations"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json")
				.withBody("{\"created\":1700000000,\"data\":[{\"b64_json\":\""
						+ Base64.getEncoder().encodeToString(image) + "\",\"revised_prompt\":\"a red square\"}]}")));
	}

	private static String completion(String message) {
		return "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
				+ "\"choices\":[{\"index\":0,\"message\":" + message
				+ ",\"logprobs\":null,\"finish_reason\":\"stop\"}],"
				+ "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":3,\"total_tokens\":13}}";
	}

	private static String quote(String text) {
		return io.github.blobupload.internal.JsonQuoting.quote(text);
	}

	/**
	 * A small valid PNG followed by random bytes, so that each test has its own content.
	 */
	static byte[] png(int size) {
		byte[] header = Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
		byte[] bytes = new byte[Math.max(size, header.length)];
		ThreadLocalRandom.current().nextBytes(bytes);
		System.arraycopy(header, 0, bytes, 0, header.length);
		return bytes;
	}

	static List<SpanData> flushSpans(SdkTracerProvider tracerProvider, InMemorySpanExporter exporter) {
		tracerProvider.forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
		return exporter.getFinishedSpanItems();
	}

	static SpanData spanWith(List<SpanData> spans, String attribute) {
		return spans.stream()
			.filter((span) -> span.getAttributes()
				.asMap()
				.keySet()
				.stream()
				.anyMatch((key) -> key.getKey().equals(attribute)))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No span has the attribute " + attribute + "; spans: "
					+ spans.stream().map(SpanData::getName).toList()));
	}

	static String attribute(SpanData span, String name) {
		return span.getAttributes()
			.asMap()
			.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().getKey().equals(name))
			.map((entry) -> String.valueOf(entry.getValue()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("The span " + span.getName() + " has no attribute " + name));
	}

	static void assertNoBase64Anywhere(List<SpanData> spans, byte[] content) {
		String base64 = Base64.getEncoder().encodeToString(content);
		String probe = base64.substring(0, Math.min(base64.length(), 40));
		for (SpanData span : spans) {
			span.getAttributes()
				.forEach((key, value) -> assertThat(String.valueOf(value))
					.as("attribute %s of span %s", key.getKey(), span.getName())
					.doesNotContain(probe));
		}
	}

	static Path pathOf(String uri) {
		return Path.of(URI.create(uri));
	}

	static void assertStored(String uri, byte[] expected) throws Exception {
		assertThat(uri).startsWith("file:");
		assertThat(Files.readAllBytes(pathOf(uri))).isEqualTo(expected);
	}

	@SuppressWarnings("unchecked")
	static <T> T json(String json, String path) {
		return (T) JsonPath.read(json, path);
	}

	static Map<String, Object> firstMediaPart(String messagesJson) {
		List<Map<String, Object>> parts = JsonPath.read(messagesJson, "$[*].parts[?(@.type != 'text')]");
		assertThat(parts).isNotEmpty();
		return parts.get(0);
	}

	static Duration flushTimeout() {
		return Duration.ofSeconds(10);
	}

	/** The application under test: only auto-configuration plus the test exporter. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

		@Bean
		InMemorySpanExporter inMemorySpanExporter() {
			return InMemorySpanExporter.create();
		}

	}

}
