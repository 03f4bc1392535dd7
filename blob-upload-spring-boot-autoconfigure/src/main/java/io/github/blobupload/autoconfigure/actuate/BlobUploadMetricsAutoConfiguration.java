package io.github.blobupload.autoconfigure.actuate;

import java.util.List;

import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.actuate.BlobUploadMetrics;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the upload metrics, present when Micrometer is on the classpath.
 * The {@link BlobUploadMetrics} bean is a listener (so the registry's uploaders report to
 * it) and a meter binder (so Spring Boot binds it to the application's meter registry).
 */
@AutoConfiguration
@ConditionalOnClass(MeterRegistry.class)
public final class BlobUploadMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BlobUploadMetrics blobUploadMetrics(ObjectProvider<BlobUploaderRegistry> blobUploaderRegistry) {
		return new BlobUploadMetrics(() -> {
			BlobUploaderRegistry registry = blobUploaderRegistry.getIfAvailable();
			return (registry != null) ? registry.destinations() : List.of();
		});
	}

}
