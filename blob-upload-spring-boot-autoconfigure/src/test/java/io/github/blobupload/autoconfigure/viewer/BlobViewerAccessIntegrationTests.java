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
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.testsupport.InMemoryStore;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Tests of who the blob viewer answers, in a real Tomcat: requests sent over sockets from
 * the loopback address and from another address of this machine (a "remote" peer), with
 * the forwarding headers an attacker would add.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobViewerAccessIntegrationTests {

	private static final String PLAIN = "/blob-viewer/default/plain.txt";

	private static final byte[] CONTENT = "a person's stored words".getBytes(StandardCharsets.UTF_8);

	private static @Nullable InetAddress remote;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	@BeforeAll
	static void findAnotherAddressOfThisMachine() throws SocketException {
		for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
			if (network.isUp() && !network.isLoopback()) {
				for (InetAddress address : Collections.list(network.getInetAddresses())) {
					if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
						remote = address;
						return;
					}
				}
			}
		}
	}

	@AfterEach
	void close() {
		this.contexts.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void localOnlyServesTheLoopbackPeer() throws IOException {
		int port = start(false, ViewerOnly.class);
		assertThat(send(loopback(), port, PLAIN)).startsWith("HTTP/1.1 200").endsWith("a person's stored words");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "X-Forwarded-For: 127.0.0.1", "X-Forwarded-For: 0:0:0:0:0:0:0:1", "Forwarded: for=127.0.0.1",
					"Forwarded: for=\"[::1]\"", "X-Real-IP: 127.0.0.1", "X-Forwarded-For: 127.0.0.1, 198.51.100.7" })
	void localOnlyRefusesForwardedRequestsEvenFromLoopback(String header) throws IOException {
		int port = start(false, ViewerOnly.class);
		String response = send(loopback(), port, PLAIN, header);
		assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("a person's stored words");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "X-Forwarded-For: 127.0.0.1", "Forwarded: for=\"[::1]\"" })
	void localOnlyRefusesAnotherMachine(String header) throws IOException {
		int port = start(false, ViewerOnly.class);
		String response = send(remote(), port, PLAIN, header);
		assertThat(response).startsWith("HTTP/1.1 403").doesNotContain("a person's stored words");
	}

	@ParameterizedTest
	@ValueSource(strings = { "server.forward-headers-strategy=framework", "server.forward-headers-strategy=native",
			"spring.main.cloud-platform=kubernetes" })
	void forwardHeadersWithoutSpringSecurityFailStartup(String setting, CapturedOutput output) {
		assertThatException().isThrownBy(() -> start(false, ViewerOnly.class, setting))
			.havingRootCause()
			.isInstanceOf(InvalidConfigurationPropertyValueException.class)
			.withMessageContaining("blob.upload.viewer.allow-remote")
			.withMessageContaining("server.forward-headers-strategy");
		// Reported before the web server starts: no error of a half-started Tomcat first.
		String all = output.getAll();
		String beforeReport = all.substring(0, all.lastIndexOf('\n', all.indexOf("LoggingFailureAnalysisReporter")));
		assertThat(beforeReport).doesNotContain(" ERROR ").doesNotContain("Tomcat");
	}

	@Test
	void kubernetesVariablesWithoutSpringSecurityFailStartup() {
		Map<String, Object> variables = Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT", "443");
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
		assertThatException().isThrownBy(() -> start(builder(false, ViewerOnly.class).environment(environment)))
			.havingRootCause()
			.withMessageContaining("server.forward-headers-strategy turned on by the detected cloud platform");
	}

	@Test
	void apiOnlySecurityLeavesTheViewerLocalOnly() throws IOException {
		int port = start(true, ApiOnlySecurity.class);
		assertThat(send(remote(), port, "/api/x")).startsWith("HTTP/1.1 401");
		assertThat(send(remote(), port, PLAIN)).startsWith("HTTP/1.1 403").doesNotContain("stored words");
		assertThat(send(remote(), port, PLAIN, "X-Forwarded-For: 127.0.0.1")).startsWith("HTTP/1.1 403");
		assertThat(send(loopback(), port, PLAIN, "X-Forwarded-For: 127.0.0.1")).startsWith("HTTP/1.1 403");
		assertThat(send(loopback(), port, PLAIN)).startsWith("HTTP/1.1 200");
	}

	@Test
	void apiOnlySecurityBehindForwardHeadersServesNoUnauthenticatedRequest() throws IOException {
		int port = start(true, ApiOnlySecurity.class, "server.forward-headers-strategy=native");
		assertThat(send(loopback(), port, PLAIN)).startsWith("HTTP/1.1 403");
		assertThat(send(remote(), port, PLAIN, "X-Forwarded-For: 127.0.0.1")).startsWith("HTTP/1.1 403");
	}

	@Test
	void viewerChainFromTheDocsRequiresTheRole() throws IOException {
		int port = start(true, ViewerRoleSecurity.class);
		assertThat(send(remote(), port, PLAIN)).startsWith("HTTP/1.1 401");
		assertThat(send(remote(), port, PLAIN, basic("dev:dev-password"))).startsWith("HTTP/1.1 403");
		assertThat(send(remote(), port, PLAIN, basic("ops:ops-password"))).startsWith("HTTP/1.1 200")
			.endsWith("a person's stored words");
		assertThat(send(loopback(), port, PLAIN, basic("ops:ops-password"), "X-Forwarded-For: 198.51.100.7"))
			.startsWith("HTTP/1.1 200");
		assertThat(send(remote(), port, "/api/x")).startsWith("HTTP/1.1 401");
		assertThat(send(remote(), port, "/api/x", basic("dev:dev-password"))).startsWith("HTTP/1.1 200");
	}

	private int start(boolean springSecurity, Class<?> application, String... properties) {
		return start(builder(springSecurity, application, properties));
	}

	private int start(SpringApplicationBuilder builder) {
		ConfigurableApplicationContext context = builder.run();
		this.contexts.add(context);
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static SpringApplicationBuilder builder(boolean springSecurity, Class<?> application,
			String... properties) {
		List<String> all = new ArrayList<>(
				List.of("server.port=0", "blob.upload.viewer.enabled=true", "spring.main.banner-mode=off"));
		all.addAll(List.of(properties));
		SpringApplicationBuilder builder = new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new));
		return springSecurity ? builder
				: builder.resourceLoader(new DefaultResourceLoader(new FilteredClassLoader(SecurityFilterChain.class)));
	}

	private static InetAddress loopback() {
		return InetAddress.getLoopbackAddress();
	}

	private static InetAddress remote() {
		assumeTrue(remote != null, "this machine has no address but loopback");
		return remote;
	}

	private static String basic(String credentials) {
		return "Authorization: Basic "
				+ Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
	}

	private static String send(InetAddress from, int port, String path, String... headers) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(from, 0));
			socket.connect(new InetSocketAddress(from, port), 10_000);
			socket.setSoTimeout(10_000);
			StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n");
			for (String header : headers) {
				if (!header.isEmpty()) {
					request.append(header).append("\r\n");
				}
			}
			request.append("Connection: close\r\n\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream response = new ByteArrayOutputStream();
			in.transferTo(response);
			return response.toString(StandardCharsets.UTF_8);
		}
	}

	private static BlobUploaderRegistry registry() {
		InMemoryStore store = new InMemoryStore("s3://bucket/genai");
		store.put("plain.txt", CONTENT, "text/plain", Map.of());
		Map<String, InMemoryStore> stores = new LinkedHashMap<>();
		stores.put("default", store);
		return InMemoryStore.registry(stores);
	}

	/** The viewer in a web application, with the storage the tests read. */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, BlobUploadViewerAutoConfiguration.class })
	static class ViewerOnly {

		@Bean
		BlobUploaderRegistry blobUploaderRegistry() {
			return registry();
		}

	}

	/**
	 * Spring Security auto-configured, with users {@code ops} (role OPS) and {@code dev}.
	 */
	@SpringBootConfiguration
	@Import(ViewerOnly.class)
	@ImportAutoConfiguration({ SecurityAutoConfiguration.class, ServletWebSecurityAutoConfiguration.class,
			SecurityFilterAutoConfiguration.class, UserDetailsServiceAutoConfiguration.class })
	static class SecuredApplication {

		@Bean
		InMemoryUserDetailsManager users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password("{noop}ops-password").roles("OPS").build(),
					User.withUsername("dev").password("{noop}dev-password").roles("DEV").build());
		}

	}

	/**
	 * The common "secure the API only" chain, in front of an API servlet: the viewer is
	 * under no chain.
	 */
	@SpringBootConfiguration
	@Import(SecuredApplication.class)
	static class ApiOnlySecurity {

		@Bean
		ServletRegistrationBean<HttpServlet> api() {
			return new ServletRegistrationBean<>(new HttpServlet() {

				@Override
				protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
					response.getWriter().write("api");
				}

			}, "/api/*");
		}

		@Bean
		SecurityFilterChain apiSecurity(HttpSecurity http) {
			return http.securityMatcher("/api/**")
				.authorizeHttpRequests((requests) -> requests.anyRequest().authenticated())
				.httpBasic(Customizer.withDefaults())
				.build();
		}

	}

	/** The API chain and the viewer's chain as docs/viewer.md shows it. */
	@SpringBootConfiguration
	@Import(ApiOnlySecurity.class)
	static class ViewerRoleSecurity {

		// docs/viewer.md: require a role
		@Bean
		@Order(1)
		SecurityFilterChain blobViewerSecurity(HttpSecurity http) {
			return http.securityMatcher(BlobViewerRequest.toViewer())
				.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("OPS"))
				.httpBasic(Customizer.withDefaults())
				.build();
		}
		// end of snippet

	}

}
