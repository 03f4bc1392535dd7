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

package io.github.blobupload.autoconfigure.viewer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.testsupport.InMemoryStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadViewerAutoConfiguration} in a running application: embedded
 * Tomcat and Spring Security's own filter chain in front of the viewer, requests sent as
 * raw HTTP so that no client tidies their paths.
 */
class BlobViewerSecurityIntegrationTests {

	private static final byte[] CONTENT = "not really a png".getBytes(StandardCharsets.UTF_8);

	private static final InMemoryStore store = new InMemoryStore("s3://bucket/genai/chat-input");

	private static ConfigurableApplicationContext context;

	private static int port;

	@BeforeAll
	static void start() {
		store.put("a1b2.png", CONTENT, "image/png", Map.of());
		context = new SpringApplicationBuilder(SecuredApplication.class).web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "blob.upload.viewer.enabled=true",
					"spring.security.user.name=ops", "spring.security.user.password=secret",
					"spring.main.banner-mode=off")
			.run();
		port = ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (context != null) {
			context.close();
		}
	}

	@Test
	void unauthenticatedRequestGets401AndNothingIsRead() throws IOException {
		int opens = store.opens();
		String response = send("/blob-viewer/chat-input/a1b2.png", null);
		assertThat(statusOf(response)).isEqualTo(401);
		assertThat(response).doesNotContain("not really a png");
		assertThat(store.opens()).isEqualTo(opens);
		assertThat(statusOf(send("/blob-viewer/", null))).isEqualTo(401);
	}

	@Test
	void authenticatedRequestGetsTheBytes() throws IOException {
		String response = send("/blob-viewer/chat-input/a1b2.png", "ops:secret");
		assertThat(statusOf(response)).isEqualTo(200);
		assertThat(response).contains("X-Content-Type-Options: nosniff").endsWith("not really a png");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/blob-viewer/chat-input/..%2f..%2fetc%2fpasswd", "/blob-viewer/chat-input/%2e%2e/x.png",
			"/blob-viewer/chat-input/%252e%252e%252fx.png", "/blob-viewer/chat-input/..\\..\\x.png",
			"/blob-viewer/chat-input/../chat-input/a1b2.png", "/blob-viewer//etc/passwd",
			"/blob-viewer/file:/etc/passwd", "/blob-viewer/other/a1b2.png" })
	void traversalThroughTheServerNeverReachesStorage(String path) throws IOException {
		int opens = store.opens();
		int status = statusOf(send(path, "ops:secret"));
		assertThat(status).as(path).isIn(400, 404);
		assertThat(store.opens()).isEqualTo(opens);
	}

	private static int statusOf(String response) {
		return Integer.parseInt(response.substring("HTTP/1.1 ".length(), "HTTP/1.1 ".length() + 3));
	}

	private static String send(String path, String credentials) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
					+ ((credentials != null) ? "Authorization: Basic "
							+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n"
							: "")
					+ "Connection: close\r\n\r\n";
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return response.toString(StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * An application secured by Spring Boot's default security: every request
	 * authenticated.
	 */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
			UserDetailsServiceAutoConfiguration.class, BlobUploadViewerAutoConfiguration.class })
	static class SecuredApplication {

		@Bean
		BlobUploaderRegistry blobUploaderRegistry() {
			Map<String, InMemoryStore> stores = new LinkedHashMap<>();
			stores.put("chat-input", store);
			return InMemoryStore.registry(stores);
		}

	}

}
