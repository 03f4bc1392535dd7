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

package io.github.blobupload.autoconfigure.erasure;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An erasure in one instance racing uploads of the same image in another (a child JVM,
 * {@link ErasureRaceChild}, with memos of its own), on one S3 store (s3proxy).
 * <p>
 * What holds across instances: the instances share nothing but the store, so an erasure
 * cannot make another instance's memos forget. What protects a span recorded by another
 * instance is the grace window. With erasure on, a memo trusts an upload for half the
 * grace period only, and each upload or deduplicated reuse writes a reference: an object
 * any instance could still skip uploading was written, or referenced, within the grace
 * period, and the erasure keeps it ({@code kept: recent}); an instance whose memo has
 * forgotten uploads the object again, which puts it back if it was deleted.
 * <p>
 * What does not hold: a write that lands between the erasure's last-modified check and
 * its delete (milliseconds) is deleted with the object; the reference written with it
 * remains, and the next upload of the same content by an instance whose memo has
 * forgotten writes it again. Nor do the references a crashed instance never wrote.
 */
class ErasureAcrossInstancesIntegrationTests {

	private static final Duration GRACE_PERIOD = Duration.ofSeconds(2);

	/**
	 * How long the child uploads: longer than its memo trusts an upload (half the grace
	 * period), so that it writes the image again if an erasure deleted it.
	 */
	private static final Duration CHILD_UPLOADING = GRACE_PERIOD.dividedBy(2).plusMillis(500);

	@Test
	void urisAnotherInstanceRecordedWhileThisOneErasedExist() throws Exception {
		S3Emulator s3 = S3Emulator.shared();
		String bucket = UploadProbe.newBucketName("instances");
		s3.createBucket(bucket);
		String prefix = StorageTarget.S3.uriPrefix(bucket, "instances");
		Child child = Child.start(List.of(Integer.toString(s3.port()), prefix, Long.toString(GRACE_PERIOD.toMillis()),
				Long.toString(CHILD_UPLOADING.toMillis())));
		try {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
						S3StorageAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class))
				.withPropertyValues("blob.upload.enabled=true", "spring.application.name=race-app",
						"blob.upload.uri-prefix=" + prefix, "blob.upload.erasure.enabled=true",
						"blob.upload.erasure.grace-period=" + GRACE_PERIOD.toMillis() + "ms")
				.withPropertyValues(s3.starterProperties())
				.run((context) -> {
					BlobUploader uploader = context.getBean(BlobUploaderRegistry.class).getBlobUploader(null);
					BlobErasure erasure = context.getBean(BlobErasure.class);
					String image = uploader
						.uploadAsync(ErasureRaceIntegrationTests.image("conversation-a", "parent-a"));
					ErasureRaceIntegrationTests.flush(context);
					child.awaitLine("READY");
					ErasureRaceIntegrationTests.awaitUntil(erasure, "conversation-a",
							(receipt) -> receipt.deleted().contains(image), GRACE_PERIOD);

					child.send("GO");
					List<ErasureReceipt> receipts = new ArrayList<>();
					do {
						receipts.add(erasure.erase(ErasureSelector.conversation("conversation-a"), false));
					}
					while (!child.said("DONE"));
					assertThat(child.awaitLine("DONE")).isEqualTo("DONE written=true");
					assertThat(child.awaitExit()).isZero();

					List<String> recorded = child.lines("URI ");
					assertThat(recorded).isNotEmpty();
					BlobDeleter deleter = ErasureRaceIntegrationTests.deleter(context);
					for (String uri : recorded) {
						assertThat(deleter.lastModified(uri)).as("%s, recorded by the other instance, exists", uri)
							.isPresent();
					}
					assertThat(receipts).allSatisfy((receipt) -> assertThat(receipt.failed()).isEmpty());
					System.out.printf(
							"Across instances: %d uploads in the child racing %d erasures in the parent: "
									+ "%d deleted the image, %d kept it recent, %d kept it shared%n",
							recorded.size(), receipts.size(),
							receipts.stream().filter((r) -> r.deleted().contains(image)).count(),
							count(receipts, image, KeptReason.RECENT), count(receipts, image, KeptReason.SHARED));
				});
		}
		finally {
			child.destroy();
		}
	}

	private static long count(List<ErasureReceipt> receipts, String image, KeptReason reason) {
		return receipts.stream()
			.filter((receipt) -> receipt.kept().contains(new ErasureReceipt.Kept(image, reason)))
			.count();
	}

	/** The child JVM, its output collected line by line. */
	private static final class Child {

		private final Process process;

		private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

		private final List<String> seen = new ArrayList<>();

		private final CompletableFuture<Void> drained;

		private Child(Process process) {
			this.process = process;
			this.drained = CompletableFuture.runAsync(this::drain);
		}

		static Child start(List<String> arguments) throws IOException {
			List<String> command = new ArrayList<>(
					List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
							"-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Daws.accessKeyId=" + S3Emulator.ACCESS_KEY,
							"-Daws.secretAccessKey=" + S3Emulator.SECRET_KEY, "-cp",
							System.getProperty("java.class.path"), ErasureRaceChild.class.getName()));
			command.addAll(arguments);
			return new Child(new ProcessBuilder(command).redirectErrorStream(true).start());
		}

		void send(String line) throws IOException {
			OutputStream in = this.process.getOutputStream();
			in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
			in.flush();
		}

		/**
		 * Whether the child has said a line starting with the prefix, without waiting.
		 */
		boolean said(String prefix) {
			this.lines.drainTo(this.seen);
			return this.seen.stream().anyMatch((line) -> line.startsWith(prefix)) || this.drained.isDone();
		}

		String awaitLine(String prefix) throws InterruptedException {
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
			while (true) {
				this.lines.drainTo(this.seen);
				for (String line : this.seen) {
					if (line.startsWith(prefix)) {
						return line;
					}
				}
				long left = deadline - System.nanoTime();
				String next = (left > 0 && !(this.drained.isDone() && this.lines.isEmpty()))
						? this.lines.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS)
						: null;
				if (next != null) {
					this.seen.add(next);
				}
				else if (left <= 0 || this.drained.isDone()) {
					this.lines.drainTo(this.seen);
					if (this.seen.stream().noneMatch((line) -> line.startsWith(prefix))) {
						throw new AssertionError(
								"no line starting with '" + prefix + "' in:\n" + String.join("\n", this.seen));
					}
				}
			}
		}

		List<String> lines(String prefix) {
			this.lines.drainTo(this.seen);
			return this.seen.stream()
				.filter((line) -> line.startsWith(prefix))
				.map((line) -> line.substring(prefix.length()))
				.toList();
		}

		int awaitExit() throws InterruptedException {
			if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
				throw new AssertionError("the child did not end in 60 s:\n" + String.join("\n", this.seen));
			}
			this.drained.join();
			return this.process.exitValue();
		}

		void destroy() {
			this.process.destroyForcibly();
		}

		private void drain() {
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(this.process.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = reader.readLine()) != null) {
					this.lines.add(line);
				}
			}
			catch (IOException ex) {
				// The child ended.
			}
		}

	}

}
