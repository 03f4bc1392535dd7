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
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.testsupport.InMemoryStore;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.audit.AuditEvent;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.actuate.autoconfigure.audit.AuditAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the viewer's reads on record in a running application: embedded Tomcat,
 * Spring Security, Spring Boot's auditing (an {@code AuditEventRepository}) and
 * Micrometer. Requests are sent as raw HTTP with {@code Connection: close}, so each
 * answer is complete, and recorded, when the test reads it.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobViewerAuditIntegrationTests {

	private static final String OBJECT = "/blob-viewer/chat-input/c4.wav";

	private static final InMemoryStore store = new InMemoryStore("s3://bucket/genai/chat-input");

	@Test
	void eachViewIsOneLogLineAndOneAuditEventWithThePrincipal(CapturedOutput output) throws IOException {
		store.put("c4.wav", new byte[1000], "audio/wav", Map.of());
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuditedApplication.class)
			.web(WebApplicationType.SERVLET)
			.properties("server.port=0", "server.address=127.0.0.1", "blob.upload.viewer.enabled=true",
					"spring.security.user.name=ops", "spring.security.user.password=secret",
					"spring.main.banner-mode=off")
			.run()) {
			int port = ((WebServerApplicationContext) context).getWebServer().getPort();
			assertThat(send(port, OBJECT, "ops:secret", null)).startsWith("HTTP/1.1 200");
			// an <audio> element: its first range, then two seeks
			assertThat(send(port, OBJECT, "ops:secret", "bytes=0-")).startsWith("HTTP/1.1 206");
			assertThat(send(port, OBJECT, "ops:secret", "bytes=500-")).startsWith("HTTP/1.1 206");
			assertThat(send(port, OBJECT, "ops:secret", "bytes=900-999")).startsWith("HTTP/1.1 206");
			assertThat(send(port, "/blob-viewer/blobs/chat-input/c4.wav", "ops:secret", null))
				.startsWith("HTTP/1.1 200");
			assertThat(send(port, OBJECT, null, null)).startsWith("HTTP/1.1 401");

			assertThat(output.getOut().lines().filter((line) -> line.contains("Blob viewer read:")).toList())
				.satisfiesExactly(
						(line) -> assertThat(line).contains("io.github.blobupload.viewer.audit")
							.endsWith("principal=ops peer=127.0.0.1 page=raw use-case=chat-input object=c4.wav "
									+ "status=200"),
						(line) -> assertThat(line).endsWith("page=raw use-case=chat-input object=c4.wav status=206"),
						(line) -> assertThat(line).endsWith("page=blob use-case=chat-input object=c4.wav status=200"));
			List<AuditEvent> events = context.getBean(InMemoryAuditEventRepository.class)
				.find(null, null, "BLOB_VIEWER_READ");
			assertThat(events).hasSize(3).allSatisfy((event) -> {
				assertThat(event.getPrincipal()).isEqualTo("ops");
				assertThat(event.getData()).containsEntry("remoteAddress", "127.0.0.1")
					.containsEntry("useCase", "chat-input")
					.containsEntry("object", "c4.wav");
			});
			assertThat(events).extracting((event) -> event.getData().get("status")).containsExactly(200, 206, 200);

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			assertThat(meters.get("blob.upload.viewer.requests")
				.tags("page", "raw", "status", "2xx")
				.functionCounter()
				.count()).isEqualTo(4);
			assertThat(meters.get("blob.upload.viewer.requests")
				.tags("page", "blob", "status", "2xx")
				.functionCounter()
				.count()).isEqualTo(1);
			assertThat(meters.get("blob.upload.viewer.bytes").functionCounter().count())
				.isEqualTo(1000 + 1000 + 500 + 100);
			assertThat(meters.get("blob.upload.viewer.requests.active").gauge().value()).isZero();
		}
	}

	private static String send(int port, String path, String credentials, String range) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			OutputStream out = socket.getOutputStream();
			String request = "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n"
					+ ((credentials != null) ? "Authorization: Basic "
							+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)) + "\r\n"
							: "")
					+ ((range != null) ? "Range: " + range + "\r\n" : "") + "Connection: close\r\n\r\n";
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			socket.getInputStream().transferTo(response);
			return response.toString(StandardCharsets.ISO_8859_1);
		}
	}

	/**
	 * An application secured by Spring Boot's default security, keeping audit events in
	 * memory, with a meter registry.
	 */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
			UserDetailsServiceAutoConfiguration.class, AuditAutoConfiguration.class, MetricsAutoConfiguration.class,
			BlobUploadViewerAutoConfiguration.class })
	static class AuditedApplication {

		@Bean
		BlobUploaderRegistry blobUploaderRegistry() {
			return InMemoryStore.registry(Map.of("chat-input", store));
		}

		@Bean
		InMemoryAuditEventRepository auditEventRepository() {
			return new InMemoryAuditEventRepository();
		}

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
