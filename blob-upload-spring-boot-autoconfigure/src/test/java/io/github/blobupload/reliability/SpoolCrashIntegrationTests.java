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

package io.github.blobupload.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.testsupport.S3Emulator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the durable spool across a crash: a JVM killed with {@code kill -9} while its
 * uploads are under way, and a second JVM started on the same spool, against real S3
 * (s3proxy, slowed down so that the crash finds most blobs not yet uploaded).
 */
class SpoolCrashIntegrationTests {

	private static final int BLOBS = 1000;

	@TempDir
	Path folder;

	@Test
	void aSecondJvmUploadsWhatAKilledOneHadAccepted() throws Exception {
		try (S3Emulator s3 = S3Emulator.startSlow(Duration.ofMillis(20))) {
			String bucket = "crash";
			s3.createBucket(bucket);
			Path spool = this.folder.resolve("spool");
			Child offering = Child
				.start(List.of("offer", s3.endpoint().toString(), bucket, spool.toString(), Integer.toString(BLOBS)));
			assertThat(offering.awaitLine("ACCEPTED ")).isEqualTo("ACCEPTED " + BLOBS);
			assertThat(offering.awaitLine("READY")).as("every accepted blob is in the spool within the window")
				.isEqualTo("READY backlog=0");

			// A second process on the same spool while the first still holds it: refused.
			Child intruder = Child.start(List.of("replay", s3.endpoint().toString(), bucket, spool.toString()));
			assertThat(intruder.awaitExit()).isZero();
			assertThat(intruder.output())
				.contains("runs without its spool: the folder " + spool.toAbsolutePath()
						+ " is in use by another process (pid " + offering.pid() + ")")
				.contains("REPLAYED flushed=true active=false recovered=0 uploaded=0");

			offering.kill();
			int uploadedBeforeTheCrash = s3.listKeys(bucket).size();
			assertThat(uploadedBeforeTheCrash).as("the crash came while uploads were under way").isLessThan(BLOBS);
			System.out.println("Killed with " + uploadedBeforeTheCrash + " of " + BLOBS + " blobs uploaded");

			Child replaying = Child.start(List.of("replay", s3.endpoint().toString(), bucket, spool.toString()));
			assertThat(replaying.awaitExit()).isZero();
			assertThat(replaying.output()).contains("REPLAYED flushed=true active=true").contains("failed=0 corrupt=0");
			Set<String> expected = new HashSet<>();
			for (int i = 0; i < BLOBS; i++) {
				expected.add(BlobNamingStrategies.contentAddressed().objectName(SpoolCrashChild.blob(i)));
			}
			assertThat(s3.listKeys(bucket)).containsExactlyInAnyOrderElementsOf(expected);
			assertThat(s3.read(bucket, BlobNamingStrategies.contentAddressed().objectName(SpoolCrashChild.blob(7))))
				.isEqualTo(SpoolCrashChild.blob(7).rawBytes());
			try (Stream<Path> left = Files.list(spool)) {
				assertThat(left.map((path) -> path.getFileName().toString()).filter((name) -> name.endsWith(".blob")))
					.as("the spool is empty once everything is uploaded")
					.isEmpty();
			}
		}
	}

	/**
	 * A child JVM running {@link SpoolCrashChild}, its output collected line by line.
	 */
	private static final class Child {

		private final Process process;

		private final List<String> lines = new ArrayList<>();

		private final CompletableFuture<Void> drained;

		private Child(Process process) {
			this.process = process;
			this.drained = CompletableFuture.runAsync(this::drain);
		}

		static Child start(List<String> arguments) throws IOException {
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
							"-XX:TieredStopAtLevel=1", "-Daws.accessKeyId=" + S3Emulator.ACCESS_KEY,
							"-Daws.secretAccessKey=" + S3Emulator.SECRET_KEY, "-cp",
							System.getProperty("java.class.path"), SpoolCrashChild.class.getName()));
			command.addAll(arguments);
			return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
		}

		long pid() {
			return this.process.pid();
		}

		String awaitLine(String prefix) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			synchronized (this.lines) {
				while (System.nanoTime() < deadline) {
					for (String line : this.lines) {
						if (line.startsWith(prefix)) {
							return line;
						}
					}
					if (this.drained.isDone()) {
						break;
					}
					this.lines.wait(100);
				}
				throw new AssertionError(
						"no line starting with '" + prefix + "' in:\n" + String.join("\n", this.lines));
			}
		}

		int awaitExit() throws InterruptedException {
			if (!this.process.waitFor(120, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("the child did not end in 120 s:\n" + output());
			}
			this.drained.join();
			return this.process.exitValue();
		}

		/** Kills the child as {@code kill -9} does: no shutdown hook, no flush. */
		void kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(10, TimeUnit.SECONDS)).isTrue();
			assertThat(this.process.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);
		}

		String output() {
			synchronized (this.lines) {
				return String.join("\n", this.lines);
			}
		}

		private void drain() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					synchronized (this.lines) {
						this.lines.add(line);
						this.lines.notifyAll();
					}
				}
			}
			catch (IOException ex) {
				// The child was killed; what was read is kept.
			}
		}

	}

}
