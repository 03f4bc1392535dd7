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

import java.util.List;

import io.github.blobupload.registry.DefaultBlobUploaderRegistry;

import org.springframework.context.SmartLifecycle;

/**
 * Shuts the {@link DefaultBlobUploaderRegistry} beans down (their graceful flush within
 * {@code blob.upload.shutdown-timeout}) when the application context stops, rather than
 * when their beans are destroyed. Spring stops every lifecycle bean before it destroys
 * any singleton, so the flush runs while every storage client it uploads with is still
 * open: the application's own client beans ({@code S3Client}, {@code Storage}, a
 * {@code BlobServiceClient} and what it is built on), which the registry obtains lazily
 * and Spring therefore does not know it depends on, and the clients the providers built.
 * <p>
 * The phase is late: after Spring Boot's web server has stopped taking requests and has
 * finished those in flight (graceful shutdown, phase {@code DEFAULT_PHASE - 1024}) and
 * has stopped (phase {@code DEFAULT_PHASE - 2048}), so that what those requests offered
 * is uploaded too. Stopping is final, as the uploaders cannot be restarted; a
 * {@link org.springframework.context.ConfigurableApplicationContext#pause() pause} leaves
 * them running.
 */
final class BlobUploaderRegistryLifecycle extends ShutdownStep {

	/**
	 * The phase: below Spring Boot's web server lifecycles (the lowest of which is
	 * {@code DEFAULT_PHASE - 2048}), so stopped after them.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final List<DefaultBlobUploaderRegistry> registries;

	BlobUploaderRegistryLifecycle(List<DefaultBlobUploaderRegistry> registries) {
		super(PHASE);
		this.registries = List.copyOf(registries);
	}

	/**
	 * Shuts the registries down, waiting up to each one's shutdown timeout. Their destroy
	 * methods then have nothing left to do.
	 */
	@Override
	protected void onStop() {
		this.registries.forEach(DefaultBlobUploaderRegistry::close);
	}

}
