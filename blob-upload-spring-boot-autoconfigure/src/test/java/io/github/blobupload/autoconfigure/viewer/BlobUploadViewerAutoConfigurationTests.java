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

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.blobupload.BlobLinks;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.testsupport.InMemoryStore;
import io.github.blobupload.viewer.BlobViewerServlet;
import io.github.blobupload.viewer.TraceIndex;
import io.github.blobupload.viewer.ViewerAccess;
import io.github.blobupload.viewer.ViewerLinks;
import jakarta.servlet.Servlet;
import jakarta.servlet.http.HttpServlet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.web.SecurityFilterChain;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadViewerAutoConfiguration}.
 */
class BlobUploadViewerAutoConfigurationTests {

	private static final String STORAGE_URI = "s3://bucket/genai/chat-input/ab12.png";

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadViewerAutoConfiguration.class))
		.withBean(BlobUploaderRegistry.class, BlobUploadViewerAutoConfigurationTests::registry);

	@Test
	void offByDefaultWithIdentityLinks() {
		this.runner.withPropertyValues("blob.upload.viewer.base-url=https://ops.example.com/blob-viewer")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
				assertThat(context.getBean(BlobLinks.class)).isSameAs(BlobLinks.IDENTITY);
			});
	}

	@Test
	void enabledRegistersTheServletAtItsPath() {
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true").run((context) -> {
			ServletRegistrationBean<?> registration = context.getBean(ServletRegistrationBean.class);
			assertThat(registration.getServlet()).isInstanceOf(BlobViewerServlet.class);
			assertThat(registration.getUrlMappings()).containsExactly("/blob-viewer/*");
			assertThat(context.getBean(BlobLinks.class)).as("no base-url: nothing to link to")
				.isSameAs(BlobLinks.IDENTITY);
		});
	}

	@ParameterizedTest
	@CsvSource({ "true, 'private, max-age=300'", "false, 'private, max-age=31536000, immutable'" })
	void erasureBoundsHowLongBrowsersKeepTheBytes(boolean erasure, String cacheControl) {
		InMemoryStore store = new InMemoryStore("s3://bucket/genai");
		store.put("ab12.png", new byte[] { 1, 2, 3 }, "image/png", Map.of());
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadViewerAutoConfiguration.class))
			.withBean(BlobUploaderRegistry.class, () -> InMemoryStore.registry(Map.of("default", store)))
			.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.erasure.enabled=" + erasure)
			.run((context) -> {
				Servlet servlet = context.getBean(ServletRegistrationBean.class).getServlet();
				MockHttpServletRequest request = new MockHttpServletRequest("GET", "/blob-viewer/default/ab12.png");
				request.setServletPath("/blob-viewer");
				request.setPathInfo("/default/ab12.png");
				MockHttpServletResponse response = new MockHttpServletResponse();
				servlet.service(request, response);
				assertThat(response.getStatus()).isEqualTo(200);
				assertThat(response.getHeader("Cache-Control")).isEqualTo(cacheControl);
			});
	}

	@Test
	void enabledWithBaseUrlGivesViewerLinks() {
		this.runner
			.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.path=/ops/media",
					"blob.upload.viewer.base-url=https://ops.example.com/ops/media/")
			.run((context) -> {
				assertThat(context.getBean(ServletRegistrationBean.class).getUrlMappings())
					.containsExactly("/ops/media/*");
				assertThat(context.getBean(BlobLinks.class)).isInstanceOf(ViewerLinks.class);
				assertThat(context.getBean(BlobLinks.class).linkFor(STORAGE_URI))
					.isEqualTo("https://ops.example.com/ops/media/chat-input/ab12.png");
			});
	}

	@Test
	void notRegisteredOutsideServletWebApplications() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BlobUploadViewerAutoConfiguration.class))
			.withBean(BlobUploaderRegistry.class, BlobUploadViewerAutoConfigurationTests::registry)
			.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ServletRegistrationBean.class);
				assertThat(context).hasSingleBean(BlobLinks.class);
			});
	}

	@Test
	void notRegisteredWithoutTheServletApi() {
		this.runner.withClassLoader(new FilteredClassLoader(HttpServlet.class))
			.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> assertThat(context).doesNotHaveBean(ServletRegistrationBean.class));
	}

	@Test
	void notRegisteredWithoutARegistry() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadViewerAutoConfiguration.class))
			.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ServletRegistrationBean.class);
				assertThat(context.getBean(BlobLinks.class)).isSameAs(BlobLinks.IDENTITY);
			});
	}

	@Test
	void usersBlobLinksWins() {
		BlobLinks own = (uri) -> "https://own/" + uri;
		this.runner.withBean(BlobLinks.class, () -> own)
			.withPropertyValues("blob.upload.viewer.enabled=true",
					"blob.upload.viewer.base-url=https://ops.example.com/blob-viewer")
			.run((context) -> assertThat(context.getBean(BlobLinks.class)).isSameAs(own));
	}

	@Test
	void usersServletRegistrationWins() {
		ServletRegistrationBean<HttpServlet> own = new ServletRegistrationBean<>(new HttpServlet() {
		}, "/mine/*");
		this.runner.withBean("blobViewerServlet", ServletRegistrationBean.class, () -> own)
			.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> assertThat(context.getBean(ServletRegistrationBean.class)).isSameAs(own));
	}

	@Test
	void localOnlyWithoutSpringSecurity() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> assertThat(servlet(context).getAccess()).isEqualTo(ViewerAccess.LOCAL));
	}

	@Test
	void springSecurityServesAuthenticatedOrLocalRequests() {
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> assertThat(servlet(context).getAccess()).isEqualTo(ViewerAccess.AUTHENTICATED_OR_LOCAL));
	}

	@Test
	void allowRemoteOpensIt() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.allow-remote=true")
			.run((context) -> assertThat(servlet(context).getAccess()).isEqualTo(ViewerAccess.OPEN));
	}

	@ParameterizedTest
	@ValueSource(strings = { "server.forward-headers-strategy=native", "server.forward-headers-strategy=FRAMEWORK",
			"spring.main.cloud-platform=kubernetes" })
	void forwardHeadersWithoutSpringSecurityFailStartup(String setting) {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.withPropertyValues("blob.upload.viewer.enabled=true", setting)
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("blob.upload.viewer.allow-remote")
				.hasMessageContaining("server.forward-headers-strategy"));
	}

	@Test
	void redirectExpiryOutOfRangeFailsStartup() {
		this.runner
			.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.delivery=redirect",
					"blob.upload.viewer.redirect-expiry=8d")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("blob.upload.viewer.redirect-expiry")
				.hasMessageContaining("at most 7 days"));
	}

	@Test
	void kubernetesDetectedFromTheEnvironmentFailsStartup() {
		Map<String, Object> kubernetes = Map.of("KUBERNETES_SERVICE_HOST", "10.0.0.1", "KUBERNETES_SERVICE_PORT",
				"443");
		this.runner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource(
						StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, kubernetes)))
			.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining(
						"server.forward-headers-strategy turned on by the detected cloud platform " + "KUBERNETES"));
	}

	@Test
	void explicitNoneOverridesTheDetectedPlatform() {
		this.runner.withClassLoader(new FilteredClassLoader(SecurityFilterChain.class))
			.withPropertyValues("blob.upload.viewer.enabled=true", "spring.main.cloud-platform=kubernetes",
					"server.forward-headers-strategy=none")
			.run((context) -> assertThat(servlet(context).getAccess()).isEqualTo(ViewerAccess.LOCAL));
	}

	@Test
	void forwardHeadersWithSpringSecurityServeAuthenticatedRequestsOnly() {
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true", "server.forward-headers-strategy=native")
			.run((context) -> assertThat(servlet(context).getAccess()).isEqualTo(ViewerAccess.AUTHENTICATED));
		this.runner
			.withPropertyValues("blob.upload.viewer.enabled=true", "server.forward-headers-strategy=native",
					"blob.upload.viewer.allow-remote=true")
			.run((context) -> assertThat(servlet(context).getAccess()).isEqualTo(ViewerAccess.OPEN));
	}

	@Test
	void traceIndexBeanIsUsedUnlessTheIndexIsOff() {
		TraceIndex index = (traceId) -> java.util.List.of();
		this.runner.withBean(TraceIndex.class, () -> index)
			.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> assertThat(servlet(context).hasTraceIndex()).isTrue());
		this.runner.withBean(TraceIndex.class, () -> index)
			.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.index.enabled=false")
			.run((context) -> assertThat(servlet(context).hasTraceIndex()).isFalse());
	}

	@Test
	void reusedSpringAiMediaIsIndexedOnlyWithTheIndexAndSpringAi() {
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(ReusedMediaIndexer.class));
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.index.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReusedMediaIndexer.class));
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true")
			.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ReusedMediaIndexer.class));
	}

	@Test
	void recordLinksWithoutBaseUrlFailsNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.record-links=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("blob.upload.viewer.record-links")
				.hasMessageContaining("blob.upload.viewer.base-url"));
	}

	@Test
	void badBaseUrlFailsNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.base-url=ops/viewer")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("blob.upload.viewer.base-url")
				.hasMessageContaining("It must be an absolute http or https URL"));
	}

	@Test
	void badPathFailsNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.path=/")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("blob.upload.viewer.path")
				.hasMessageContaining("such as /blob-viewer"));
	}

	@Test
	void noReadsAllowedFailsNamingTheProperty() {
		this.runner.withPropertyValues("blob.upload.viewer.enabled=true", "blob.upload.viewer.max-concurrent-reads=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("blob.upload.viewer.max-concurrent-reads")
				.hasMessageContaining("at least 1"));
	}

	private static BlobViewerServlet servlet(org.springframework.context.ApplicationContext context) {
		return (BlobViewerServlet) context.getBean(ServletRegistrationBean.class).getServlet();
	}

	private static BlobUploaderRegistry registry() {
		Map<String, InMemoryStore> stores = new LinkedHashMap<>();
		stores.put("default", new InMemoryStore("s3://bucket/genai"));
		stores.put("chat-input", new InMemoryStore("s3://bucket/genai/chat-input"));
		return InMemoryStore.registry(stores);
	}

}
