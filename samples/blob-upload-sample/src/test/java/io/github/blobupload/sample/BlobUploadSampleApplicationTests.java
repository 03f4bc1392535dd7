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
			assertThat(files.filter(Files::isRegularFile).map((file) -> file.getFileName().toString()))
				.hasSize(6)
				.anyMatch((name) -> name.matches("[0-9a-f]{64}\\.png"))
				.anyMatch((name) -> name.matches("[0-9a-f]{64}\\.pdf"))
				.anyMatch((name) -> name.matches("[0-9a-f]{64}\\.txt"))
				.anyMatch((name) -> name.endsWith(".png.meta.json"));
		}
	}

}
