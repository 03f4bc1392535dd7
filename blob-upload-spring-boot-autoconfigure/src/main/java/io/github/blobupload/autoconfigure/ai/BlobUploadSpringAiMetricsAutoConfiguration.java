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

import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.MediaOffloader;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Exports the Spring AI media outcomes as the {@code blob.upload.ai.media} counter
 * (tags {@code outcome} and {@code reason}) when Micrometer is on the classpath.
 */
@AutoConfiguration(after = BlobUploadSpringAiAutoConfiguration.class)
@ConditionalOnClass({ MeterBinder.class, MediaOffloader.class })
@ConditionalOnBean(MediaOffloader.class)
public final class BlobUploadSpringAiMetricsAutoConfiguration {

	@Bean
	MeterBinder blobUploadAiMediaMetrics(MediaOffloader offloader) {
		return (registry) -> bind(offloader, registry);
	}

	private static void bind(MediaOffloader offloader, MeterRegistry registry) {
		for (MediaOffloadOutcome outcome : MediaOffloadOutcome.values()) {
			FunctionCounter.builder("blob.upload.ai.media", offloader, (o) -> o.count(outcome))
				.description("Spring AI media seen by the blob offloader, by outcome")
				.tag("outcome", outcome.outcome())
				.tag("reason", outcome.reason())
				.register(registry);
		}
	}

}
