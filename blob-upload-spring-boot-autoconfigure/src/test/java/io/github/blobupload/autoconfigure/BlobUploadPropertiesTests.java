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

package io.github.blobupload.autoconfigure;

import java.util.Map;

import io.github.blobupload.engine.AsyncBlobUploaderBuilder;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadProperties}.
 */
class BlobUploadPropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadProperties properties = new BlobUploadProperties();
		assertThat(properties.getMaxBlobSize().toBytes()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_MAX_BLOB_BYTES);
		assertThat(properties.getDedupeCacheSize()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_DEDUPE_CACHE_SIZE);
		assertThat(properties.getShutdownTimeout()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_SHUTDOWN_TIMEOUT)
			.isEqualTo(DefaultBlobUploaderRegistry.DEFAULT_SHUTDOWN_TIMEOUT);
		assertThat(properties.getLogInterval()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_LOG_INTERVAL);
		assertThat(properties.getQueue().getMaxSize()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_MAX_QUEUE_SIZE);
		assertThat(properties.getQueue().getMaxBytes().toBytes())
			.isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_MAX_QUEUE_BYTES);
		assertThat(properties.getWorker().getThreads()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_WORKERS);
		assertThat(properties.getWorker().getUploadTimeout())
			.isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_UPLOAD_TIMEOUT);
		assertThat(properties.getRetry().getMaxAttempts()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_MAX_ATTEMPTS);
		assertThat(properties.getRetry().getInitialBackoff())
			.isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_INITIAL_BACKOFF);
		assertThat(properties.getRetry().getMaxBackoff()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_MAX_BACKOFF);
		assertThat(properties.getRetry().getMaxAge()).isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_MAX_AGE);
		assertThat(properties.getRetry().getMaxParkedBackoff())
			.isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_MAX_PARKED_BACKOFF);
		assertThat(properties.getSpool().isEnabled()).isFalse();
		assertThat(properties.getSpool().getMaxBytes().toBytes())
			.isEqualTo(AsyncBlobUploaderBuilder.DEFAULT_SPOOL_MAX_BYTES);
		assertThat(new BlobUploadProperties.UseCase().isEnabled()).isTrue();
	}

	@Test
	void uploadingIsOffAndTheDefaultPrefixIsAFolderInTheWorkingDirectory() {
		BlobUploadProperties properties = new BlobUploadProperties();
		assertThat(properties.isEnabled()).isFalse();
		assertThat(properties.getUriPrefix()).isEqualTo("file:blob-uploads");
		assertThat(properties.isUriPrefixSet()).isFalse();
		assertThat(properties.getNaming()).isEqualTo(BlobUploadProperties.Naming.CONTENT_ADDRESSED);
	}

	@Test
	void aBoundPrefixIsSetAndABlankOneKeepsTheDefault() {
		assertThat(bind(Map.of("blob.upload.uri-prefix", " s3://bucket/genai ")))
			.satisfies((properties) -> assertThat(properties.getUriPrefix()).isEqualTo("s3://bucket/genai"))
			.satisfies((properties) -> assertThat(properties.isUriPrefixSet()).isTrue());
		assertThat(bind(Map.of("blob.upload.uri-prefix", " ")))
			.satisfies((properties) -> assertThat(properties.getUriPrefix()).isEqualTo("file:blob-uploads"))
			.satisfies((properties) -> assertThat(properties.isUriPrefixSet()).isFalse());
	}

	private static BlobUploadProperties bind(Map<String, String> values) {
		return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("blob.upload",
				Bindable.of(BlobUploadProperties.class));
	}

}
