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

package io.github.blobupload.autoconfigure.erasure;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobReader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceKeys;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.FaultyDeleter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.jackson.JacksonEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.web.WebEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementContextAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.servlet.autoconfigure.actuate.web.ServletManagementContextAutoConfiguration;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the {@code blobErasure} endpoint in a running application: the starter on a
 * {@code file:} store, embedded Tomcat, Spring MVC's actuator endpoints, with and without
 * Spring Security, requests sent by the JDK's HTTP client.
 */
class BlobErasureEndpointIntegrationTests {

	private static final String SECRET = "an erasure endpoint test secret, 32+ bytes";

	private static final String CONVERSATION = "conversation-7f3a";

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@TempDir
	private Path folder;

	private SimpleBlobUploader uploader;

	private BlobReader reader;

	private String stored;

	@BeforeEach
	void storeAConversation() throws IOException {
		this.uploader = new FileBlobStorageProvider().createUploader("file://" + this.folder + "/blobs",
				BlobNamingStrategies.contentAddressed());
		this.reader = this.uploader.blobReader().orElseThrow();
		Blob blob = new Blob("a voice".getBytes(StandardCharsets.UTF_8), "audio/wav", Map.of());
		this.stored = this.uploader.generateDestinationUri(blob);
		this.uploader.uploadSync(this.stored, blob);
		Instant old = Instant.parse("2020-01-01T00:00:00Z");
		FaultyDeleter.touch(this.stored, old);
		String key = new OwnerLabels(ReferenceKeys.keyed(SECRET), false).keys().keyOf(CONVERSATION);
		ReferenceRecord record = new ReferenceRecord(this.stored, "chat-input", null, null, key, null, "chat-app", old);
		for (String uri : ReferenceLayout.recordUris(this.reader.uriPrefix(), record)) {
			this.uploader.uploadSync(uri, new Blob(ReferenceLayout.toJson(record), "application/json", Map.of()));
		}
	}

	@Test
	void unreachableUnlessExposed() throws Exception {
		try (ConfigurableApplicationContext context = start(OpenApplication.class,
				"management.endpoint.bloberasure.access=unrestricted")) {
			assertThat(post(context, "{\"conversation\":\"" + CONVERSATION + "\",\"dryRun\":false}", null).statusCode())
				.isEqualTo(404);
		}
		assertThat(Files.exists(Path.of(URI.create(this.stored)))).isTrue();
	}

	@Test
	void springBootsDefaultSecurityRefusesAPostWithoutACsrfToken() throws Exception {
		try (ConfigurableApplicationContext context = start(DefaultSecuredApplication.class,
				"management.endpoint.bloberasure.access=unrestricted",
				"management.endpoints.web.exposure.include=blobErasure", "spring.security.user.name=ops",
				"spring.security.user.password=secret")) {
			assertThat(send(context, "GET", null, null).statusCode()).isEqualTo(401);
			// Under Spring Security's defaults a POST needs a CSRF token, checked before
			// the credentials: the docs show a chain for the actuator without it.
			String body = "{\"conversation\":\"" + CONVERSATION + "\",\"dryRun\":false}";
			assertThat(send(context, "POST", body, null).statusCode()).isEqualTo(403);
			assertThat(send(context, "POST", body, "ops:secret").statusCode()).isEqualTo(403);
		}
		assertThat(Files.exists(Path.of(URI.create(this.stored)))).isTrue();
	}

	@Test
	void authorisedCallerGetsTheReceiptAndBadRequestsA400() throws Exception {
		try (ConfigurableApplicationContext context = start(OpsSecuredApplication.class,
				"management.endpoint.bloberasure.access=unrestricted",
				"management.endpoints.web.exposure.include=health,blobErasure")) {
			String body = "{\"conversation\":\"" + CONVERSATION + "\"}";
			assertThat(post(context, body, null).statusCode()).isEqualTo(401);
			assertThat(post(context, body, "viewer:secret").statusCode()).isEqualTo(403);
			badRequestsAnswer400WithoutRepeatingTheValue(context);
			whatACrossSiteFormCanSendIsRefused(context);
			HttpResponse<String> dry = post(context, body, "ops:secret");
			assertThat(dry.statusCode()).isEqualTo(200);
			assertThat(dry.body()).contains("\"kind\":\"conversation\"", "\"dryRun\":true", "\"complete\":true",
					"\"deleted\":[\"" + this.stored + "\"]", "\"kept\":[]", "\"failed\":[]", "\"finishedAt\":");
			assertThat(Files.exists(Path.of(URI.create(this.stored)))).isTrue();
			HttpResponse<String> real = post(context, "{\"conversation\":\"" + CONVERSATION + "\",\"dryRun\":false}",
					"ops:secret");
			assertThat(real.statusCode()).isEqualTo(200);
			assertThat(real.body()).contains("\"dryRun\":false", "\"deleted\":[\"" + this.stored + "\"]");
			assertThat(Files.exists(Path.of(URI.create(this.stored)))).isFalse();
			HttpResponse<String> again = post(context, "{\"conversation\":\"" + CONVERSATION + "\",\"dryRun\":false}",
					"ops:secret");
			assertThat(again.body()).contains("\"deleted\":[]", "\"complete\":true");
		}
	}

	private void badRequestsAnswer400WithoutRepeatingTheValue(ConfigurableApplicationContext context) throws Exception {
		List<String> bodies = new ArrayList<>();
		bodies.add("{\"trace\":\"user-4711@example.com\"}");
		bodies.add("{\"conversation\":\"user-4711@example.com\",\"owner\":\"user-4711@example.com\"}");
		bodies.add("{\"owner\":\"user-4711@example.com\",\"dryRun\":\"user-4711@example.com\"}");
		bodies.add("{\"owner\":\"" + "user-4711@example.com".repeat(100) + "\"}");
		bodies.add("{}");
		for (String body : bodies) {
			HttpResponse<String> response = post(context, body, "ops:secret");
			assertThat(response.statusCode()).as(body).isEqualTo(400);
			assertThat(response.body()).as(body).doesNotContain("user-4711");
		}
		assertThat(Files.exists(Path.of(URI.create(this.stored)))).isTrue();
	}

	/**
	 * A page on another site can make a browser POST with the operator's cached Basic
	 * credentials, but only with a form's content types (or none) and without a
	 * preflight: never JSON. Write operations take JSON only, so none of these reaches
	 * the erasure, selector in the query or in the body.
	 */
	private void whatACrossSiteFormCanSendIsRefused(ConfigurableApplicationContext context) throws Exception {
		String query = "?conversation=" + CONVERSATION + "&dryRun=false";
		String form = "conversation=" + CONVERSATION + "&dryRun=false";
		assertThat(crossSite(context, query, null, null).statusCode()).isEqualTo(415);
		assertThat(crossSite(context, query, "text/plain", form).statusCode()).isEqualTo(415);
		assertThat(crossSite(context, "", "application/x-www-form-urlencoded", form).statusCode()).isEqualTo(415);
		assertThat(crossSite(context, query, "multipart/form-data; boundary=x", "--x--").statusCode()).isEqualTo(415);
		assertThat(Files.exists(Path.of(URI.create(this.stored)))).isTrue();
	}

	private static HttpResponse<String> crossSite(ConfigurableApplicationContext context, String query,
			@Nullable String contentType, @Nullable String body) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/blobErasure" + query))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString("ops:secret".getBytes(StandardCharsets.UTF_8)))
			.POST((body != null) ? HttpRequest.BodyPublishers.ofString(body) : HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private ConfigurableApplicationContext start(Class<?> application, String... properties) {
		List<String> all = new ArrayList<>(List.of("server.port=0", "server.address=127.0.0.1",
				"spring.main.banner-mode=off", "spring.application.name=chat-app", "blob.upload.erasure.enabled=true",
				"blob.upload.erasure.secret=" + SECRET));
		all.add("blob.upload.enabled=true");
		all.add("blob.upload.uri-prefix=file://" + this.folder + "/blobs");
		all.addAll(List.of(properties));
		return new SpringApplicationBuilder(application).web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new))
			.run();
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext context, String json,
			@Nullable String credentials) throws IOException, InterruptedException {
		return send(context, "POST", json, credentials);
	}

	private static HttpResponse<String> send(ConfigurableApplicationContext context, String method,
			@Nullable String json, @Nullable String credentials) throws IOException, InterruptedException {
		int port = ((WebServerApplicationContext) context).getWebServer().getPort();
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/blobErasure"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.method(method,
					(json != null) ? HttpRequest.BodyPublishers.ofString(json) : HttpRequest.BodyPublishers.noBody());
		if (credentials != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** An application serving actuator endpoints with Spring MVC, and the starter. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, DispatcherServletAutoConfiguration.class,
			WebMvcAutoConfiguration.class, JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
			EndpointAutoConfiguration.class, JacksonEndpointAutoConfiguration.class, WebEndpointAutoConfiguration.class,
			ManagementContextAutoConfiguration.class, ServletManagementContextAutoConfiguration.class,
			BlobUploadAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class })
	static class Actuated {

	}

	/** No Spring Security. */
	@SpringBootConfiguration
	@ImportAutoConfiguration(Actuated.class)
	static class OpenApplication {

	}

	/** Spring Boot's default security: every request authenticated, CSRF on. */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ Actuated.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
			UserDetailsServiceAutoConfiguration.class, ManagementWebSecurityAutoConfiguration.class })
	static class DefaultSecuredApplication {

	}

	/**
	 * The security the docs recommend: the actuator for an operations role, HTTP Basic,
	 * no CSRF token (no browser calls it).
	 */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ Actuated.class, SecurityAutoConfiguration.class,
			ServletWebSecurityAutoConfiguration.class, SecurityFilterAutoConfiguration.class,
			ManagementWebSecurityAutoConfiguration.class })
	static class OpsSecuredApplication {

		@Bean
		SecurityFilterChain actuatorSecurity(HttpSecurity http) throws Exception {
			http.securityMatcher(EndpointRequest.toAnyEndpoint())
				.authorizeHttpRequests((requests) -> requests.anyRequest().hasRole("ERASER"))
				.httpBasic(Customizer.withDefaults())
				.csrf((csrf) -> csrf.disable());
			return http.build();
		}

		@Bean
		UserDetailsService users() {
			return new InMemoryUserDetailsManager(
					User.withUsername("ops").password("{noop}secret").roles("ERASER").build(),
					User.withUsername("viewer").password("{noop}secret").roles("VIEWER").build());
		}

	}

}
