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
import java.util.Map;
import java.util.stream.Stream;

import io.github.blobupload.ai.AiUseCases;
import io.github.blobupload.registry.UseCases;
import io.github.blobupload.testsupport.GeneratedMetadata;
import org.junit.jupiter.api.Test;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the configuration metadata generated from the properties classes: what an IDE
 * shows for {@code blob.upload.*}.
 */
class ConfigurationMetadataTests {

	/** Properties without a fixed default, each with what applies when it is not set. */
	private static final Map<String, String> UNSET = Map.ofEntries(
			entry("blob.upload.use-cases", "no use case has settings of its own until one is configured"),
			entry("blob.upload.retention", "kept forever: no retention until one is set"),
			entry("blob.upload.spool.directory", "blob-upload-spool in java.io.tmpdir, resolved at startup"),
			entry("blob.upload.s3.endpoint", "the AWS endpoint of the region, chosen by the SDK"),
			entry("blob.upload.s3.public-endpoint", "the endpoint the application uses"),
			entry("blob.upload.erasure.secret", "a secret has no default; hashes are unkeyed without one"),
			entry("blob.upload.s3.region", "the SDK's region chain: AWS_REGION, the profile file, instance metadata"),
			entry("blob.upload.s3.kms-key-id", "the AWS managed key (aws/s3)"),
			entry("blob.upload.azure.endpoint", "derived from the account in the prefix or the connection string"),
			entry("blob.upload.azure.public-endpoint", "the endpoint of the application's client"),
			entry("blob.upload.azure.connection-string", "a secret; without one, Microsoft Entra ID is used"),
			entry("blob.upload.azure.encryption-scope", "the container's default encryption scope"),
			entry("blob.upload.gcs.project-id", "found in the environment or the key file"),
			entry("blob.upload.gcs.endpoint", "the public Google Cloud Storage endpoint, chosen by the SDK"),
			entry("blob.upload.gcs.credentials-location", "Application Default Credentials"),
			entry("blob.upload.gcs.kms-key-name", "the bucket's default encryption"),
			entry("blob.upload.viewer.base-url", "no links: the BlobLinks bean returns the storage URIs"),
			entry("blob.upload.ai.refs.base-path",
					"OTEL_INSTRUMENTATION_GENAI_UPLOAD_BASE_PATH, else the destination of the use case genai.refs"),
			entry("blob.upload.ai.refs.format", "OTEL_INSTRUMENTATION_GENAI_UPLOAD_FORMAT, else json"));

	private final GeneratedMetadata metadata = GeneratedMetadata.load();

	private final List<Map<String, Object>> properties = this.metadata.properties("blob.upload.");

	@Test
	void listsTheBlobUploadProperties() {
		// Guards the checks below against passing on an empty list.
		assertThat(this.properties).extracting(GeneratedMetadata::name)
			.contains("blob.upload.enabled", "blob.upload.s3.part-size", "blob.upload.ai.layouts",
					"blob.upload.health.failure-threshold", "blob.upload.observations.enabled");
	}

	@Test
	void everyPropertyWithAFixedDefaultShowsIt() {
		assertThat(this.properties).filteredOn((property) -> !UNSET.containsKey(GeneratedMetadata.name(property)))
			.filteredOn((property) -> !property.containsKey("defaultValue"))
			.extracting(GeneratedMetadata::name)
			.as("properties with no defaultValue in the metadata (write the default as a literal, or list the "
					+ "property as unset with a reason)")
			.isEmpty();
	}

	@Test
	void everyPropertyListedAsUnsetExistsAndHasNoDefault() {
		assertThat(UNSET.keySet()).allSatisfy((name) -> {
			Map<String, Object> property = this.metadata.property(name);
			assertThat(property).as(name).isNotNull().doesNotContainKey("defaultValue");
		});
	}

	@Test
	void everyPropertyIsDescribed() {
		assertThat(Stream.concat(this.properties.stream(),
				Stream.ofNullable(this.metadata.property("management.health.blobupload.enabled"))))
			.filteredOn(
					(property) -> !(property.get("description") instanceof String description) || description.isBlank())
			.extracting(GeneratedMetadata::name)
			.as("properties without a description")
			.isEmpty();
	}

	@Test
	void healthContributorSwitchIsListedWithItsDefault() {
		assertThat(this.metadata.property("management.health.blobupload.enabled")).isNotNull()
			.containsEntry("type", "java.lang.Boolean")
			.containsEntry("defaultValue", true);
	}

	@Test
	void useCaseNamesAreHintedWithTheSpringAiUseCases() {
		Map<String, Object> hint = this.metadata.hint("blob.upload.use-cases.keys");
		assertThat(hint).isNotNull();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> values = (List<Map<String, Object>>) hint.get("values");
		// The keys as written in a properties file: a '.' inside a map key needs
		// brackets.
		assertThat(values).extracting((value) -> value.get("value"))
			.containsExactly(Stream
				.of(AiUseCases.CHAT_INPUT, AiUseCases.CHAT_OUTPUT, AiUseCases.IMAGE_OUTPUT, AiUseCases.AUDIO_INPUT,
						AiUseCases.AUDIO_OUTPUT, AiUseCases.REFS)
				.map(UseCases::normalize)
				.toArray());
		assertThat(values).allSatisfy((value) -> assertThat(value.get("description")).asString().isNotBlank());
	}

}
