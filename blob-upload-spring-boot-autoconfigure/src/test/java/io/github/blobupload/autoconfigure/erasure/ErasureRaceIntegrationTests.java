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

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.ErasureListener;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Uploads of the same image racing an erasure, on {@code file:} and S3 (s3proxy), with
 * the starter's own engine, reference index and erasure and a real (short) grace period:
 * conversation A's image is older than the window; several threads upload the same image
 * for conversation B (each with a trace and span of its own) while another erases A again
 * and again. Every URI handed to a B upload exists once everything is written, no erasure
 * deleted the image after a B upload had returned (its reference is written before an
 * erasure lists), and once B's references are older than the window too, erasing A keeps
 * the image (shared) and erasing B deletes it.
 */
class ErasureRaceIntegrationTests {

	/**
	 * The grace period on {@code file:}; S3 gets one second more, as its last-modified
	 * times are whole seconds (an object can look up to one second older than it is).
	 */
	private static final Duration GRACE_PERIOD = Duration.ofSeconds(1);

	private static final int UPLOADERS = 3;

	private static final int UPLOADS_PER_ROUND = 3;

	private static final int ROUNDS = 3;

	private static final byte[] IMAGE = Arrays.copyOf("a shared race image ".getBytes(StandardCharsets.UTF_8), 4096);

	@TempDir
	Path folder;

	@ParameterizedTest
	@ValueSource(strings = { "file", "s3" })
	void uploadsRacingAnErasureNeverPointAtNothing(String store) {
		Duration gracePeriod = store.equals("file") ? GRACE_PERIOD : GRACE_PERIOD.plusSeconds(1);
		runner(store, gracePeriod).run((context) -> {
			BlobUploader uploader = context.getBean(BlobUploaderRegistry.class).getBlobUploader(null);
			BlobErasure erasure = context.getBean(BlobErasure.class);
			String image = uploader.uploadAsync(image("conversation-a", "a0"));
			flush(context);
			awaitUntil(erasure, "conversation-a", (receipt) -> receipt.deleted().contains(image), gracePeriod);

			BlobDeleter deleter = deleter(context);
			Race race = race(uploader, erasure, deleter, image, context.getBean(RoundStarter.class),
					() -> flush(context));
			flush(context);
			for (String uri : race.uris) {
				assertThat(deleter.lastModified(uri)).as("%s, recorded by a B upload, exists", uri).isPresent();
			}
			for (Erasure done : race.erasures) {
				assertThat(done.receipt().failed()).isEmpty();
				if (done.receipt().deleted().contains(image)) {
					assertThat(race.returnedAt.stream().filter((returned) -> returned < done.startedAt()))
						.as("no B upload had returned when an erasure deleted the image")
						.isEmpty();
				}
			}
			System.out.printf(
					"%s: %d B uploads racing %d erasures of A: %d deleted the image, %d kept it recent, %d residual%n",
					store, race.uris.size(), race.erasures.size(), race.count(image, null),
					race.count(image, KeptReason.RECENT), race.residuals);

			// A references the image again (an upload, or a deduplicated reuse while the
			// memo trusts the last one), so that both conversations reference it once the
			// window has passed.
			uploader.uploadAsync(image("conversation-a", "a1"));
			flush(context);
			ErasureReceipt eraseA = awaitUntil(erasure, "conversation-a",
					(receipt) -> receipt.kept().contains(new ErasureReceipt.Kept(image, KeptReason.SHARED)),
					gracePeriod);
			ErasureReceipt erasedA = erasure.erase(ErasureSelector.conversation("conversation-a"), false);
			assertThat(erasedA.kept()).isEqualTo(eraseA.kept());
			assertThat(erasedA.complete()).isTrue();
			assertThat(deleter.lastModified(image)).isPresent();
			ErasureReceipt eraseB = erasure.erase(ErasureSelector.conversation("conversation-b"), false);
			assertThat(eraseB.deleted()).containsExactly(image);
			assertThat(eraseB.complete()).isTrue();
			assertThat(deleter.lastModified(image)).isEmpty();
		});
	}

	/**
	 * {@value #ROUNDS} erasures of conversation A, one after the other; each starts
	 * {@value #UPLOADERS} threads (when the erasure tells its listeners, before it
	 * flushes the index and lists) that ask the store for the image and upload it for
	 * conversation B, {@value #UPLOADS_PER_ROUND} times each, so that the uploads land
	 * while the erasure lists, decides and deletes. After each round, once everything is
	 * written, the image exists (checked before the next round could write it again), or
	 * else that round's erasure deleted it: the documented residual of a write between
	 * the erasure's last-modified check and its delete, which the next upload repairs.
	 */
	private static Race race(BlobUploader uploader, BlobErasure erasure, BlobDeleter deleter, String image,
			RoundStarter starter, Runnable flush) throws Exception {
		Race race = new Race();
		ExecutorService threads = Executors.newFixedThreadPool(UPLOADERS + 1);
		CyclicBarrier round = new CyclicBarrier(UPLOADERS + 1);
		CyclicBarrier roundEnd = new CyclicBarrier(UPLOADERS + 1);
		starter.barrier = round;
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < UPLOADERS; t++) {
				int thread = t;
				work.add(threads.submit(() -> {
					for (int r = 0; r < ROUNDS; r++) {
						round.await(30, TimeUnit.SECONDS);
						for (int i = 0; i < UPLOADS_PER_ROUND; i++) {
							deleter.lastModified(image);
							race.uris
								.add(uploader.uploadAsync(image("conversation-b", "b" + thread + "-" + r + "-" + i)));
							race.returnedAt.add(System.nanoTime());
						}
						roundEnd.await(30, TimeUnit.SECONDS);
					}
					return null;
				}));
			}
			work.add(threads.submit(() -> {
				for (int r = 0; r < ROUNDS; r++) {
					long startedAt = System.nanoTime();
					ErasureReceipt receipt = erasure.erase(ErasureSelector.conversation("conversation-a"), false);
					race.erasures.add(new Erasure(startedAt, receipt));
					// Before the next round's uploads can write it again.
					roundEnd.await(30, TimeUnit.SECONDS);
					flush.run();
					if (deleter.lastModified(image).isEmpty()) {
						// Only the documented residual: this round's erasure deleted the
						// image just after a B upload wrote it (between its last-modified
						// check and its delete); the memo forgot, the next upload writes
						// it.
						assertThat(receipt.deleted()).as("the image after round %d", r).contains(image);
						race.residuals++;
						uploader.uploadAsync(image("conversation-b", "b-after-" + r));
						flush.run();
						assertThat(deleter.lastModified(image)).as("the image written again").isPresent();
					}
				}
				return null;
			}));
			for (Future<?> future : work) {
				future.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			starter.barrier = null;
			threads.shutdownNow();
		}
		assertThat(race.uris).hasSize(ROUNDS * UPLOADERS * UPLOADS_PER_ROUND).doesNotContain(BlobUploader.NOT_UPLOADED);
		return race;
	}

	/**
	 * Runs dry erasures of a conversation until one gives a receipt that matches: the
	 * grace window passes by the store's own clock, without a fixed sleep.
	 */
	static ErasureReceipt awaitUntil(BlobErasure erasure, String conversation, Predicate<ErasureReceipt> matches,
			Duration gracePeriod) throws InterruptedException {
		Duration limit = gracePeriod.multipliedBy(3).plusSeconds(10);
		long deadline = System.nanoTime() + limit.toNanos();
		while (true) {
			ErasureReceipt receipt = erasure.erase(ErasureSelector.conversation(conversation), true);
			if (matches.test(receipt)) {
				return receipt;
			}
			assertThat(System.nanoTime()).as("a receipt like that within %s: %s", limit, receipt).isLessThan(deadline);
			TimeUnit.MILLISECONDS.sleep(100);
		}
	}

	static Blob image(String conversation, String span) {
		String trace = String.format("%032x", (long) span.hashCode() & 0xffffffffL);
		return new Blob(IMAGE, "image/png", Map.of(ReferenceIndexWriter.CONVERSATION_LABEL, conversation,
				BlobLabels.TRACE_ID, trace, BlobLabels.SPAN_ID, String.format("%016x", span.hashCode())));
	}

	static void flush(ApplicationContext context) {
		assertThat(context.getBean(BlobUploaderRegistry.class).flush(Duration.ofSeconds(10))).isTrue();
		assertThat(context.getBean(ReferenceIndexWriter.class).flush(Duration.ofSeconds(10))).isTrue();
	}

	static BlobDeleter deleter(ApplicationContext context) {
		return ((ManagedBlobUploader) context.getBean(BlobUploaderRegistry.class).getBlobUploader(null)).blobDeleter()
			.orElseThrow();
	}

	private ApplicationContextRunner runner(String store, Duration gracePeriod) {
		ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BlobUploadAutoConfiguration.class,
					S3StorageAutoConfiguration.class, BlobUploadErasureAutoConfiguration.class))
			.withBean(RoundStarter.class, RoundStarter::new)
			.withPropertyValues("blob.upload.enabled=true", "spring.application.name=race-app",
					"blob.upload.erasure.enabled=true",
					"blob.upload.erasure.grace-period=" + gracePeriod.toMillis() + "ms");
		if (store.equals("file")) {
			return runner.withPropertyValues("blob.upload.uri-prefix=file://" + this.folder + "/blobs");
		}
		String bucket = UploadProbe.newBucketName("race");
		S3Emulator.shared().createBucket(bucket);
		return runner.withPropertyValues("blob.upload.uri-prefix=" + StorageTarget.S3.uriPrefix(bucket, "race"))
			.withPropertyValues(S3Emulator.shared().starterProperties());
	}

	/** What the racing threads saw. */
	private static final class Race {

		final ConcurrentLinkedQueue<String> uris = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<Long> returnedAt = new ConcurrentLinkedQueue<>();

		final ConcurrentLinkedQueue<Erasure> erasures = new ConcurrentLinkedQueue<>();

		volatile int residuals;

		long count(String image, KeptReason reason) {
			return this.erasures.stream()
				.map(Erasure::receipt)
				.filter((receipt) -> (reason != null) ? receipt.kept().contains(new ErasureReceipt.Kept(image, reason))
						: receipt.deleted().contains(image))
				.count();
		}

	}

	/**
	 * Starts a round of uploads when an erasure begins: the erasure tells its listeners
	 * before it flushes the index.
	 */
	static final class RoundStarter implements ErasureListener {

		volatile @Nullable CyclicBarrier barrier;

		@Override
		public void beforeErasure(Predicate<Map<String, String>> selected) {
			CyclicBarrier round = this.barrier;
			if (round != null) {
				try {
					round.await(30, TimeUnit.SECONDS);
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}
		}

	}

	/** One erasure of the race: when it started and its receipt. */
	private record Erasure(long startedAt, ErasureReceipt receipt) {
	}

}
