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

import java.nio.file.Path;
import java.util.List;

import io.github.blobupload.BlobUploader;
import io.github.blobupload.ManagedBlobUploader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploaderRegistryLifecycle}.
 */
class BlobUploaderRegistryLifecycleTests {

	@TempDir
	Path folder;

	@Test
	void uploadersAreShutDownBeforeAnyBeanIsDestroyed() {
		runner().withUserConfiguration(UploaderThenClient.class).run((context) -> {
			assertThat(context).hasSingleBean(BlobUploaderRegistryLifecycle.class);
			ClientProbe client = context.getBean(ClientProbe.class);
			context.close();
			assertThat(client.uploaderShutDownWhenClosed).isTrue();
		});
	}

	@Test
	void pausingTheContextLeavesTheUploadersRunning() {
		runner().run((context) -> {
			ManagedBlobUploader uploader = (ManagedBlobUploader) context.getBean(BlobUploader.class);
			context.pause();
			assertThat(uploader.stats().shutdown()).isFalse();
			context.close();
			assertThat(uploader.stats().shutdown()).isTrue();
		});
	}

	@Test
	void stopsAfterTheWebServerHasStopped() {
		// Spring Boot's web server: graceful shutdown at DEFAULT_PHASE - 1024, stop at -
		// 2048.
		assertThat(BlobUploaderRegistryLifecycle.PHASE).isLessThan(SmartLifecycle.DEFAULT_PHASE - 2048);
		assertThat(new BlobUploaderRegistryLifecycle(List.of()).isPauseable()).isFalse();
	}

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + this.folder.toUri());
	}

	/**
	 * A component that injects the uploader, then a client bean created after the
	 * registry, so that Spring destroys it before the registry.
	 */
	@Configuration(proxyBeanMethods = false)
	static class UploaderThenClient {

		@Bean
		UploadingComponent uploadingComponent(BlobUploader uploader) {
			return new UploadingComponent((ManagedBlobUploader) uploader);
		}

		@Bean
		ClientProbe client(UploadingComponent component) {
			return new ClientProbe(component.uploader());
		}

	}

	/** What the application does with the uploader. */
	record UploadingComponent(ManagedBlobUploader uploader) {
	}

	/** A client that records, when closed, whether the uploader had been shut down. */
	static final class ClientProbe implements AutoCloseable {

		private final ManagedBlobUploader uploader;

		private volatile boolean uploaderShutDownWhenClosed;

		ClientProbe(ManagedBlobUploader uploader) {
			this.uploader = uploader;
		}

		@Override
		public void close() {
			this.uploaderShutDownWhenClosed = this.uploader.stats().shutdown();
		}

	}

}
