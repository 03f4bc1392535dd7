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

import io.github.blobupload.BlobUploaders;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.github.blobupload.autoconfigure.ConfigurationCheck;
import io.github.blobupload.autoconfigure.ConfigurationReport;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;

/**
 * Checks the {@code blob.upload.ai.*} values before any bean is created, through the
 * offloader's builder, so that they join the one report of every invalid
 * {@code blob.upload.*} value.
 */
final class SpringAiConfigurationCheck implements ConfigurationCheck {

	@Override
	public void check(ConfigurationReport report) {
		BlobUploadAiProperties ai = report.bind("blob.upload.ai", BlobUploadAiProperties.class);
		// A builder that is never built: it only checks the values.
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(BlobUploaders.disabled())
			.build();
		OffloaderSettings.apply(ai, MediaOffloader.builder(registry), report::set);
		if (ai.getLayouts() == null || ai.getLayouts().isEmpty()) {
			report.invalid("blob.upload.ai.layouts", ai.getLayouts(),
					"Name at least one layout: semconv, openinference, refs.");
		}
	}

}
