package io.github.blobupload.autoconfigure.actuate;

import io.github.blobupload.actuate.BlobUploadHealthIndicator;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.BlobUploadProperties;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code blobUpload} health contributor, present when Spring
 * Boot's health support is on the classpath; switch it off with
 * {@code management.health.blobupload.enabled=false}.
 */
@AutoConfiguration(after = BlobUploadAutoConfiguration.class)
@ConditionalOnClass(AbstractHealthIndicator.class)
@ConditionalOnBean(DefaultBlobUploaderRegistry.class)
@ConditionalOnEnabledHealthIndicator("blobupload")
public final class BlobUploadHealthAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "blobUploadHealthIndicator")
	BlobUploadHealthIndicator blobUploadHealthIndicator(DefaultBlobUploaderRegistry blobUploaderRegistry,
			BlobUploadProperties properties) {
		return new BlobUploadHealthIndicator(blobUploaderRegistry, properties.getHealth().getFailureThreshold());
	}

}
