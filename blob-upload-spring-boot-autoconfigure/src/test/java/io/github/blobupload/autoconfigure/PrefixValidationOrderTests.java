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

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that a malformed prefix of a well-known scheme is reported before the missing
 * storage SDK, so that one restart fixes both.
 */
class PrefixValidationOrderTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class));

	@ParameterizedTest
	@CsvSource({ "s3:/bucket, s3://BUCKET[/prefix], software.amazon.awssdk:s3",
			"gs:bucket, gs://BUCKET[/prefix], com.google.cloud:google-cloud-storage",
			"azblob:///container, azblob://ACCOUNT/CONTAINER[/prefix], com.azure:azure-storage-blob" })
	void shapeIsReportedFirstWithTheDependency(String prefix, String shape, String dependency) {
		this.runner.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=" + prefix)
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property blob.upload.uri-prefix with value '" + prefix + "' is invalid")
				.hasMessageContaining("use " + shape)
				.hasMessageContaining("also add " + dependency));
	}

}
