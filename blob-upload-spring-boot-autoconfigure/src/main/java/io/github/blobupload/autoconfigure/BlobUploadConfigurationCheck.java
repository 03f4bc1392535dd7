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

import org.springframework.core.env.Environment;

/**
 * The starter's own {@link ConfigurationCheck}: the {@code blob.upload.*} names (a use
 * case written with dots outside brackets), then every value the registry is built from,
 * through the engine's and the registry's builders.
 */
final class BlobUploadConfigurationCheck implements ConfigurationCheck {

	@Override
	public void check(ConfigurationReport report) {
		Environment environment = report.environment();
		if (environment != null) {
			PropertyNameCheck.check(environment, report);
		}
		BlobUploaderRegistryFactory.check(report.bind("blob.upload", BlobUploadProperties.class), report);
	}

}
