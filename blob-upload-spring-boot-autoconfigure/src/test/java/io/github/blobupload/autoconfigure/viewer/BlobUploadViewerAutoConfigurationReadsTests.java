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

import java.util.Map;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.testsupport.InMemoryStore;
import io.github.blobupload.viewer.TraceIndexWriter;
import io.github.blobupload.viewer.ViewerAuditLog;
import io.github.blobupload.viewer.ViewerReadListener;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.actuate.audit.AuditEventRepository;
import org.springframework.boot.actuate.audit.InMemoryAuditEventRepository;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.ServletRegistrationBean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadViewerAutoConfiguration}: reads on record, meters, and
 * reactive applications.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobUploadViewerAutoConfigurationReadsTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadViewerAutoConfiguration.class))
		.withBean(BlobUploaderRegistry.class, BlobUploadViewerAutoConfigurationReadsTests::registry)
		.withPropertyValues("blob.upload.viewer.enabled=true");

	@Test
	void readsGoToTheAuditLogAndNoAuditEventsWithoutARepository() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(ViewerAuditLog.class);
			assertThat(context.getBeansOfType(ViewerReadListener.class)).containsOnlyKeys("blobViewerAuditLog");
		});
	}

	@Test
	void readsAreAuditEventsWhenTheApplicationKeepsThem() {
		this.runner.withBean(AuditEventRepository.class, InMemoryAuditEventRepository::new)
			.run((context) -> assertThat(context.getBean("blobViewerAuditEvents"))
				.isInstanceOf(ViewerAuditEvents.class));
	}

	@Test
	void noAuditEventsWithoutSpringBootActuator() {
		this.runner.withClassLoader(new FilteredClassLoader(AuditEventRepository.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("blobViewerAuditEvents"));
	}

	@Test
	void metersAreBoundAtZero() {
		this.runner.run((context) -> {
			MeterRegistry registry = new SimpleMeterRegistry();
			context.getBean("blobViewerMetrics", MeterBinder.class).bindTo(registry);
			assertThat(registry.get("blob.upload.viewer.requests").functionCounters()).hasSize(16);
			assertThat(registry.get("blob.upload.viewer.bytes").functionCounter().count()).isZero();
			assertThat(registry.get("blob.upload.viewer.requests.active").gauge().value()).isZero();
		});
	}

	@Test
	void noMetersWithoutMicrometer() {
		this.runner.withClassLoader(new FilteredClassLoader(MeterRegistry.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ServletRegistrationBean.class)
				.doesNotHaveBean("blobViewerMetrics"));
	}

	@Test
	void reactiveApplicationIsToldItServesNoViewer(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadViewerAutoConfiguration.class))
			.withBean(BlobUploaderRegistry.class, BlobUploadViewerAutoConfigurationReadsTests::registry)
			.withPropertyValues("blob.upload.viewer.enabled=true")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(ServletRegistrationBean.class)
					.hasSingleBean(TraceIndexWriter.class);
				assertThat(output).contains("in a reactive (WebFlux) application: the blob viewer is a servlet");
			});
	}

	@Test
	void reactiveApplicationWithTheViewerOffSaysNothing(CapturedOutput output) {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadViewerAutoConfiguration.class))
			.run((context) -> assertThat(output).doesNotContain("reactive (WebFlux)"));
	}

	private static BlobUploaderRegistry registry() {
		return InMemoryStore.registry(Map.of("chat-input", new InMemoryStore("s3://bucket/genai/chat-input")));
	}

}
