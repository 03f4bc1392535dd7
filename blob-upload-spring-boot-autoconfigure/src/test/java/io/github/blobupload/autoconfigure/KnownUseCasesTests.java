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
import java.util.List;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploaderRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for how configured use cases are checked against {@link KnownUseCases}.
 */
@ExtendWith(OutputCaptureExtension.class)
class KnownUseCasesTests {

	@TempDir
	Path folder;

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class))
		.withBean(KnownUseCases.class, () -> new KnownUseCases("the test integration", List.of("chat.input")));

	private final Blob blob = new Blob("hello".getBytes(StandardCharsets.UTF_8), "text/plain", null);

	@Test
	void aUseCaseNoIntegrationKnowsGetsAWarningListingTheKnownOnes(CapturedOutput output) {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.use-cases.chat-inptu.enabled=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(output)
					.contains("blob.upload.use-cases.chat-inptu names the use case 'chat-inptu', "
							+ "which no integration uploads under")
					.contains("Known use cases: chat.input (the test integration)");
			});
	}

	@Test
	void anotherSpellingOfAKnownUseCaseWritesToItsFolder(CapturedOutput output) {
		this.runner
			.withPropertyValues("blob.upload.enabled=true", "blob.upload.uri-prefix=file://" + this.folder,
					"blob.upload.use-cases.chatinput.enabled=true")
			.run((context) -> {
				BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
				assertThat(registry.getBlobUploader("chat.input").uploadAsync(this.blob))
					.startsWith("file://" + this.folder + "/chat-input/");
				assertThat(registry.flush(Duration.ofSeconds(10))).isTrue();
				assertThat(output).doesNotContain("which no integration uploads under");
			});
	}

}
