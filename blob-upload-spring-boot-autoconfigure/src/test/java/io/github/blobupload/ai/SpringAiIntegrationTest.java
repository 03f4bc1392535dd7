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

import java.nio.file.Path;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.github.blobupload.ai.SpringAiTestSupport.flushSpans;

/**
 * The one way to write a Spring AI integration test: extend this class and annotate the
 * test with {@code @SpringBootTest(classes = SpringAiTestSupport.TestApplication.class,
 * properties = ...)}, adding the test's own configuration classes and properties, among
 * them where its blobs go ({@code blob.upload.uri-prefix=${test.storage}}).
 * <p>
 * Each test class gets a WireMock server speaking the OpenAI API ({@link #server},
 * started before the class, stopped after it, and named by
 * {@code spring.ai.openai.base-url}), a folder of its own ({@link #storage}, whose
 * {@code file:} URI, ending with a slash, is the property {@code test.storage}), an
 * application context of its own (closed after the class, so that none outlives its
 * server and folder), the beans most tests use, and no finished spans left from an
 * earlier test.
 */
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
abstract class SpringAiIntegrationTest {

	/** The OpenAI API of the test class; stub its answers in each test. */
	static WireMockServer server;

	/** The folder of the test class, where its blobs are stored. */
	@TempDir
	static Path storage;

	@Autowired
	ChatClient.Builder chatClientBuilder;

	@Autowired
	BlobUploaderRegistry registry;

	@Autowired
	MediaOffloader offloader;

	@Autowired
	InMemorySpanExporter exporter;

	@Autowired
	SdkTracerProvider tracerProvider;

	@BeforeAll
	static void startOpenAiServer() {
		server = SpringAiTestSupport.startOpenAiServer();
	}

	/**
	 * Puts another OpenAI server in place of the default one, for a test class whose
	 * server needs WireMock extensions; call it from the test class's own
	 * {@code @BeforeAll}, which runs before the application starts.
	 * @param replacement the started server
	 */
	static void replaceOpenAiServer(WireMockServer replacement) {
		server.stop();
		server = replacement;
	}

	@AfterAll
	static void stopOpenAiServer() {
		server.stop();
	}

	@DynamicPropertySource
	static void springAiTestProperties(DynamicPropertyRegistry properties) {
		properties.add("spring.ai.openai.base-url", () -> server.baseUrl() + "/v1");
		properties.add("test.storage", () -> storage.toUri().toString());
	}

	@BeforeEach
	void forgetEarlierSpans() {
		flushSpans(this.tracerProvider, this.exporter);
		this.exporter.reset();
	}

}
