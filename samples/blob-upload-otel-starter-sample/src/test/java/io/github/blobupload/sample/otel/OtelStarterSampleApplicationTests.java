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

package io.github.blobupload.sample.otel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests that the OpenTelemetry Spring Boot starter sample runs, and that its span and log
 * event are exported with the stored image's URI in place of the inline image.
 */
@ExtendWith(OutputCaptureExtension.class)
class OtelStarterSampleApplicationTests {

	@TempDir
	Path folder;

	@Test
	void exportsTheSpanAndTheLogEventWithTheImagesUri(CapturedOutput output) throws Exception {
		OtelStarterSampleApplication.main(new String[] { "--blob.upload.uri-prefix=file://" + this.folder });
		String base64 = Base64.getEncoder().encodeToString(OtelStarterSampleApplication.IMAGE);
		assertThat(output).contains("Export guard on the OpenTelemetry SDK: span exporter")
			.contains("Export guard on the OpenTelemetry SDK: log-record exporter")
			.contains("'chat gpt-4o'")
			.contains("gen_ai.client.inference.operation.details")
			.contains("\"type\":\"uri\",\"modality\":\"image\",\"mime_type\":\"image/png\",\"uri\":\"file:")
			.doesNotContain(base64.substring(0, 64));
		List<Path> images;
		try (Stream<Path> files = Files.walk(this.folder)) {
			images = files.filter((file) -> file.getFileName().toString().endsWith(".png")).toList();
		}
		assertThat(images).as("the image of the span and of the log event, stored once").hasSize(1);
		for (Path image : images) {
			assertThat(Files.readAllBytes(image)).isEqualTo(OtelStarterSampleApplication.IMAGE);
			assertThat(output).contains(image.toUri().toString());
		}
	}

}
