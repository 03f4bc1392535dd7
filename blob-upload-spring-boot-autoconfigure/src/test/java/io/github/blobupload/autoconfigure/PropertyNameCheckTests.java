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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link PropertyNameCheck}: mistyped and misplaced {@code blob.upload.*} names
 * are reported, and every spelling of a use case routes to it.
 */
@ExtendWith(OutputCaptureExtension.class)
class PropertyNameCheckTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class));

	private final Blob blob = new Blob("hello".getBytes(StandardCharsets.UTF_8), "text/plain", null);

	@Test
	void aTypoIsReportedWithTheClosestKnownName(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.uri-prefx=file:somewhere").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Unknown property blob.upload.uri-prefx")
				.contains("is ignored; did you mean blob.upload.uri-prefix?");
		});
	}

	@Test
	void aMistypedEnvironmentVariableIsReportedAsWritten(CapturedOutput output) {
		withEnvironment(Map.of("BLOB_UPLOAD_ENABLE", "true")).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output)
				.contains("Unknown property BLOB_UPLOAD_ENABLE is ignored; did you mean blob.upload.enabled?");
		});
	}

	@Test
	void knownNamesInEveryFormAreNotReported(CapturedOutput output) {
		withEnvironment(Map.of("BLOB_UPLOAD_URI_PREFIX", "file://" + this.folder, "BLOB_UPLOAD_QUEUE_MAXBYTES", "50MB"))
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.retry.max-attempts=2",
					"blob.upload.use-cases[chat.input].uri-prefix=file://" + this.folder + "/in")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output).doesNotContain("Unknown property");
			});
	}

	@Test
	void aDottedUseCaseFailsStartupNamingTheFormsThatWork() {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.use-cases.chat.input.uri-prefix=file://" + this.folder + "/in")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property blob.upload.use-cases.chat.input.uri-prefix with value")
				.hasMessageContaining("blob.upload.use-cases.[chat.input].uri-prefix")
				.hasMessageContaining("blob.upload.use-cases.chat-input.uri-prefix")
				.hasMessageContaining("in YAML, the key under use-cases is \"[chat.input]\": with the quotes")
				.hasMessageContaining("BLOB_UPLOAD_USECASES_CHATINPUT_URIPREFIX"));
	}

	@Test
	void aDottedUseCaseInTheEnvironmentFailsStartupToo() {
		withEnvironment(Map.of("BLOB_UPLOAD_USECASES_CHAT_OUTPUT_URIPREFIX", "file://" + this.folder + "/out"))
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(InvalidConfigurationPropertyValueException.class)
				.hasMessageContaining("Property BLOB_UPLOAD_USECASES_CHAT_OUTPUT_URIPREFIX with value")
				.hasMessageContaining("BLOB_UPLOAD_USECASES_CHATOUTPUT_URIPREFIX"));
	}

	@Test
	void theEnvironmentVariableFormRoutesTheUseCase() {
		withEnvironment(
				Map.of("BLOB_UPLOAD_ENABLED", "true", "BLOB_UPLOAD_URI_PREFIX", "file://" + this.folder + "/all",
						"BLOB_UPLOAD_USECASES_CHATINPUT_URIPREFIX", "file://" + this.folder + "/inputs"))
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				assertThat(registry.getBlobUploader("chat.input").uploadAsync(this.blob))
					.startsWith("file://" + this.folder + "/inputs/");
				assertThat(registry.getBlobUploader("image.output").uploadAsync(this.blob))
					.startsWith("file://" + this.folder + "/all/");
				assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
			});
	}

	@Test
	void uploadingOffSaysSoOnceNamingTheIgnoredPrefix(CapturedOutput output) {
		this.runner.withPropertyValues("blob.upload.uri-prefix=s3://user:secret@bucket/traces").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Blob upload is off: nothing is uploaded")
				.contains("blob.upload.uri-prefix is set (s3://bucket/traces) but is not used while uploading is off")
				.contains("Set blob.upload.enabled=true (BLOB_UPLOAD_ENABLED=true) to upload.")
				.doesNotContain("secret");
		});
	}

	@Test
	void closestNameIsOnlyOfferedForATypo() {
		assertThat(PropertyNameCheck.closest("blob.upload.worker.thread",
				java.util.List.of("blob.upload.worker.threads", "blob.upload.enabled")))
			.isEqualTo("blob.upload.worker.threads");
		assertThat(PropertyNameCheck.closest("blob.upload.something-else-entirely",
				java.util.List.of("blob.upload.enabled")))
			.isNull();
	}

	private ApplicationContextRunner withEnvironment(Map<String, Object> variables) {
		return this.runner.withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					variables)));
	}

}
