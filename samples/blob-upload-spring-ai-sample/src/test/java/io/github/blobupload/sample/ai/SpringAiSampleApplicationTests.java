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
			.contains("file://" + this.folder + "/chat-input/")
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
