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

package io.github.blobupload.autoconfigure.actuate;

import io.github.blobupload.actuate.BlobRetentionHealthIndicator;
import io.github.blobupload.actuate.BlobRetentionMetrics;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the retention's health contributor and meters in
 * {@link BlobUploadHealthAutoConfiguration} and
 * {@link BlobUploadMetricsAutoConfiguration}.
 */
class BlobRetentionActuatorTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
				BlobUploadHealthAutoConfiguration.class, BlobUploadMetricsAutoConfiguration.class));

	@Test
	void healthShowsNoSweepBeforeTheFirstAndMetersAreBound() {
		this.runner.run((context) -> {
			Health health = context.getBean(BlobRetentionHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("sweeping", false)
				.containsEntry("sweeps", 0L)
				.doesNotContainKey("lastSweep");
			assertThat(context).hasSingleBean(BlobRetentionMetrics.class);
		});
	}

	@Test
	void healthContributorHasAnOffSwitch() {
		this.runner.withPropertyValues("management.health.blobretention.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BlobRetentionHealthIndicator.class)
				.hasSingleBean(BlobRetentionMetrics.class));
	}

}
