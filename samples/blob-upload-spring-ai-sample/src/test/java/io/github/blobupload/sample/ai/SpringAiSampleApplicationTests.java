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

package io.github.blobupload.sample.ai;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the Spring AI sample runs end to end and reports its actuator.
 */
@ExtendWith(OutputCaptureExtension.class)
class SpringAiSampleApplicationTests {

	@TempDir
	Path folder;

	@Test
	void offloadsTheImagesAndShowsThemInTheActuator(CapturedOutput output) throws Exception {
		SpringAiSampleApplication.Run run = SpringAiSampleApplication
			.start(new String[] { "--blob.upload.uri-prefix=file://" + this.folder });
		assertThat(run.exit()).isZero();
		assertThat(output).contains("carrying the original image as a data: URI")
			.contains("gen_ai.input.messages")
			.contains("-> file://" + this.folder + "/chat-input/")
			.contains("\"uri\":\"http://127.0.0.1:")
			.contains("/blob-viewer/traces/")
			.doesNotContain("data:image/png;base64")
			.contains("GET http://127.0.0.1:")
			.contains("\"status\" : \"UP\"")
			.contains("\"chat-input\" : {")
			.contains("\"destination\" : \"file://" + this.folder + "/chat-input\"")
			.contains("  blob.upload.blobs", "  blob.upload.bytes", "  blob.upload.duration",
					"  blob.upload.retries", "  blob.upload.queue.blobs", "  blob.upload.queue.bytes");
		try (Stream<Path> files = Files.walk(this.folder)) {
			assertThat(files.filter(Files::isRegularFile).map((file) -> this.folder.relativize(file).toString()))
				.anyMatch((name) -> name.matches("chat-input/[0-9a-f]{64}\\.png"))
				.anyMatch((name) -> name.matches("image-output/[0-9a-f]{64}\\.png"));
		}
	}

}
