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

package io.github.blobupload.sample;

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
 * Tests that the core-API sample runs and prints what the README shows.
 */
@ExtendWith(OutputCaptureExtension.class)
class BlobUploadSampleApplicationTests {

	@TempDir
	Path folder;

	@Test
	void uploadsTheSampleBlobsAndPrintsWhereTheyLanded(CapturedOutput output) throws Exception {
		BlobUploadSampleApplication.main(new String[] { "--blob.upload.uri-prefix=file://" + this.folder });
		assertThat(output).contains("flushed: true")
			.contains("URI:  file://" + this.folder + "/chat-input/")
			.contains("URI:  /dev/null")
			.contains("[chat-input] submitted=4 uploaded=2 deduplicated=1 failed=0 dropped=1")
			.contains("[default] submitted=1 uploaded=1");
		try (Stream<Path> files = Files.walk(this.folder)) {
			assertThat(files.filter(Files::isRegularFile).map((file) -> file.getFileName().toString())).hasSize(6)
				.anyMatch((name) -> name.matches("[0-9a-f]{64}\\.png"))
				.anyMatch((name) -> name.matches("[0-9a-f]{64}\\.pdf"))
				.anyMatch((name) -> name.matches("[0-9a-f]{64}\\.txt"))
				.anyMatch((name) -> name.endsWith(".png.meta.json"));
		}
	}

}
