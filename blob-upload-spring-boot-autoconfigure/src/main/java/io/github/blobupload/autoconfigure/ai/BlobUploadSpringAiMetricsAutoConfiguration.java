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
