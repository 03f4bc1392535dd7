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

package io.github.blobupload.autoconfigure.ai;

import java.nio.file.Path;

import io.github.blobupload.ai.SpanInfo;
import io.github.blobupload.ai.metrics.AiMediaMetrics;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the meters that {@link BlobUploadSpringAiAutoConfiguration} binds
 * ({@code SpringAiConfigurations.MetricsConfiguration}).
 */
class SpringAiMetricsConfigurationTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class, BlobUploadAutoConfiguration.class,
				BlobUploadSpringAiAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class);

	@Test
	void springAiMediaIsCountedByTheSpringAiAutoConfiguration() {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder)
			.run((context) -> {
				assertThat(context).hasSingleBean(AiMediaMetrics.class);
				context.getBean(MediaOffloader.class)
					.offload(new byte[] { 1, 2, 3 }, "image/png", "chat.input", SpanInfo.NONE, 0, 0);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("blob.upload.ai.media")
					.tags("outcome", "uploaded", "reason", "none")
					.functionCounter()
					.count()).isEqualTo(1);
				assertThat(meters.get("blob.upload.ai.media")
					.tags("outcome", "reused", "reason", "none")
					.functionCounter()
					.count()).isZero();
				assertThat(meters.get("blob.upload.ai.media")
					.tags("outcome", "refused", "reason", "timeout")
					.functionCounter()
					.count()).isZero();
				assertThat(meters.get("blob.upload.ai.prompt.offload.caller")
					.tag("reason", "queue_full")
					.functionCounter()
					.count()).isZero();
			});
	}

	@Test
	void noSpringAiIntegrationMeansNoSpringAiMediaMeter() {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.ai.enabled=false")
			.run((context) -> assertThat(context.getBean(MeterRegistry.class).find("blob.upload.ai.media").meters())
				.isEmpty());
	}

	@Test
	void noSpringAiOnTheClassPathMeansNoSpringAiMediaBinder() {
		this.runner.withClassLoader(new FilteredClassLoader("org.springframework.ai"))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AiMediaMetrics.class));
	}

}
