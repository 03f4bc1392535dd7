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

package io.github.blobupload.engine;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.DropReason;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.ScriptedUploader;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link AsyncBlobUploader#dropWaitingBlobs(Predicate)} and
 * {@link AsyncBlobUploader#forget(java.util.Collection)}: what an erasure asks of the
 * engine.
 */
class AsyncBlobUploaderDropWaitingTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	private static final String CONVERSATION = "gen_ai_conversation_id";

	@TempDir
	Path folder;

	private final List<AsyncBlobUploader> uploaders = new ArrayList<>();

	private final List<String> dropped = new CopyOnWriteArrayList<>();

	@AfterEach
	void shutDown() {
		this.uploaders.forEach((uploader) -> uploader.shutdown(Duration.ZERO));
	}

	@Test
	void queuedBlobsOfTheSelectionAreDroppedAndOthersUploaded() throws Exception {
		ScriptedUploader storage = new ScriptedUploader().blockUploads();
		AsyncBlobUploader uploader = uploader(storage, options().workers(1));
		String held = uploader.uploadAsync(blob("held by the worker", "b"));
		storage.awaitStarted(1);
		String a1 = uploader.uploadAsync(blob("a one", "a"));
		String a2 = uploader.uploadAsync(blob("a two", "a"));
		String b = uploader.uploadAsync(blob("b two", "b"));
		assertThat(uploader.dropWaitingBlobs(conversation("a"))).isEqualTo(2);
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.dropped(DropReason.ERASED)).isEqualTo(2);
		assertThat(stats.queuedBlobs()).isOne();
		assertThat(stats.pendingBytes()).isEqualTo("held by the worker".length() + "b two".length());
		assertThat(this.dropped).containsExactly("erased a one", "erased a two");
		storage.open(10);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(storage.stored()).containsOnlyKeys(held, b).doesNotContainKeys(a1, a2);
		assertThat(uploader.stats().submitted()).as("the counts add up")
			.isEqualTo(uploader.stats().uploaded() + uploader.stats().droppedTotal());
	}

	@Test
	void aFlushNoLongerWaitsForDroppedParkedBlobs() {
		ScriptedUploader storage = new ScriptedUploader().storageDown(true);
		AsyncBlobUploader uploader = uploader(storage, parkingAtOnce());
		uploader.uploadAsync(blob("a one", "a"));
		uploader.uploadAsync(blob("a two", "a"));
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().parked().blobs() == 2);
		assertThat(uploader.flush(Duration.ofMillis(50))).as("parked blobs hold a flush").isFalse();
		assertThat(uploader.dropWaitingBlobs(conversation("a"))).isEqualTo(2);
		assertThat(uploader.flush(Duration.ofMillis(50))).isTrue();
		BlobUploadStats stats = uploader.stats();
		assertThat(stats.parked().blobs()).isZero();
		assertThat(stats.parked().bytes()).isZero();
		assertThat(stats.pendingBytes()).isZero();
		assertThat(stats.dropped(DropReason.ERASED)).isEqualTo(2);
	}

	@Test
	void blobsWaitingToRetryAreDroppedAndNeverTriedAgain() {
		ScriptedUploader storage = new ScriptedUploader().then(ScriptedUploader.Action.fail("timeout"),
				ScriptedUploader.Action.fail("timeout"));
		AsyncBlobUploader uploader = uploader(storage,
				options().maxAttempts(3).initialBackoff(Duration.ofMinutes(1)).maxBackoff(Duration.ofMinutes(1)));
		uploader.uploadAsync(blob("a one", "a"));
		String b = uploader.uploadAsync(blob("b one", "b"));
		Awaitility.await().atMost(FLUSH).until(() -> uploader.stats().parked().retrying() == 2);
		assertThat(uploader.dropWaitingBlobs(conversation("a"))).isOne();
		assertThat(uploader.stats().parked().retrying()).isOne();
		assertThat(uploader.flush(Duration.ofMillis(50))).as("b still waits for its retry").isFalse();
		assertThat(uploader.dropWaitingBlobs(conversation("b"))).isOne();
		assertThat(uploader.flush(Duration.ofMillis(50))).isTrue();
		assertThat(storage.calls()).isEqualTo(2);
		assertThat(storage.stored()).doesNotContainKey(b).isEmpty();
	}

	@Test
	void theBytesOfDroppedBlobsMakeRoomInTheQueue() throws Exception {
		ScriptedUploader storage = new ScriptedUploader().blockUploads();
		AsyncBlobUploader uploader = uploader(storage,
				options().workers(1).maxBlobBytes(60).maxQueueBytes(100).dedupeCacheSize(0));
		String held = uploader.uploadAsync(blob("x".repeat(10), "b"));
		storage.awaitStarted(1);
		uploader.uploadAsync(blob("a".repeat(50), "a"));
		uploader.uploadAsync(blob("A".repeat(40), "a"));
		Blob next = blob("c".repeat(30), "c");
		assertThat(uploader.uploadAsync(next)).as("the queue is full in bytes").isEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.dropWaitingBlobs(conversation("a"))).isEqualTo(2);
		assertThat(uploader.stats().pendingBytes()).isEqualTo(10);
		String c = uploader.uploadAsync(next);
		assertThat(c).isNotEqualTo(BlobUploader.NOT_UPLOADED);
		assertThat(uploader.stats().pendingBytes()).isEqualTo(40);
		storage.open(10);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(storage.stored()).containsOnlyKeys(held, c);
		assertThat(uploader.stats().pendingBytes()).isZero();
	}

	@Test
	void aBlobBeingUploadedIsDroppedInsteadOfRetriedWhenItsAttemptFails() throws Exception {
		ScriptedUploader storage = new ScriptedUploader().blockUploads().then(ScriptedUploader.Action.fail("reset"));
		AsyncBlobUploader uploader = uploader(storage, options().maxAttempts(3));
		uploader.uploadAsync(blob("a one", "a"));
		storage.awaitStarted(1);
		assertThat(uploader.dropWaitingBlobs(conversation("a"))).as("a worker holds it").isZero();
		storage.open(10);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.stats().dropped(DropReason.ERASED)).isOne();
		assertThat(storage.calls()).as("not tried again").isOne();
		assertThat(storage.stored()).isEmpty();
	}

	@Test
	void spooledBlobsAreDroppedWithTheirFiles() throws Exception {
		ScriptedUploader storage = new ScriptedUploader().storageDown(true);
		AsyncBlobUploader uploader = uploader(storage, parkingAtOnce().spoolDirectory(spool()));
		uploader.uploadAsync(blob("a one", "a"));
		uploader.uploadAsync(blob("a two", "a"));
		uploader.uploadAsync(blob("b one", "b"));
		Awaitility.await()
			.atMost(FLUSH)
			.until(() -> uploader.stats().parked().blobs() == 3 && uploader.stats().spool().writeBacklog() == 0);
		assertThat(spoolFiles()).hasSize(3);
		assertThat(uploader.dropWaitingBlobs(conversation("a"))).isEqualTo(2);
		assertThat(spoolFiles()).hasSize(1);
		assertThat(uploader.stats().spool().usedBytes()).isEqualTo(DiskSpool.chargeFor("b one".length()));
		uploader.shutdown(Duration.ZERO);
		assertThat(uploader.stats().spool().carriedOver()).isOne();
		assertThat(spoolFiles()).hasSize(1);
	}

	@Test
	void blobsRecoveredFromTheSpoolAreSelectedByTheirLabels() throws Exception {
		AsyncBlobUploader first = uploader(new ScriptedUploader().storageDown(true),
				parkingAtOnce().spoolDirectory(spool()));
		first.uploadAsync(blob("a one", "a"));
		first.uploadAsync(blob("b one", "b"));
		Awaitility.await().atMost(FLUSH).until(() -> first.stats().parked().blobs() == 2);
		first.shutdown(Duration.ZERO);
		assertThat(spoolFiles()).hasSize(2);
		AsyncBlobUploader second = uploader(new ScriptedUploader().storageDown(true),
				parkingAtOnce().spoolDirectory(spool()));
		Awaitility.await().atMost(FLUSH).until(() -> second.stats().parked().blobs() == 2);
		assertThat(second.dropWaitingBlobs(conversation("a"))).isOne();
		assertThat(spoolFiles()).hasSize(1);
		assertThat(second.stats().dropped(DropReason.ERASED)).isOne();
	}

	@Test
	void aForgottenUploadIsWrittenAgain() throws Exception {
		AsyncBlobUploader uploader = this.register(
				AsyncBlobUploader
					.builder(new FileBlobStorageProvider().createUploader("file://" + this.folder.resolve("store"),
							BlobNamingStrategies.contentAddressed()))
					.build());
		Blob image = blob("the same image", "a");
		String uri = uploader.uploadAsync(image);
		assertThat(uploader.flush(FLUSH)).isTrue();
		Path stored = Path.of(URI.create(uri));
		// What an erasure does to the object.
		Files.delete(stored);
		assertThat(uploader.uploadAsync(image)).isEqualTo(uri);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.stats().deduplicated()).as("the memo still vouches for it").isOne();
		assertThat(stored).doesNotExist();
		uploader.forget(List.of(uri));
		assertThat(uploader.uploadAsync(image)).isEqualTo(uri);
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(stored).exists();
		assertThat(uploader.stats().uploaded()).isEqualTo(2);
	}

	@Test
	void aRecentUploadsLifetimeOfZeroTrustsNoRecentUpload() throws Exception {
		ScriptedUploader storage = new ScriptedUploader();
		AsyncBlobUploader uploader = uploader(storage, options().recentUploadsLifetime(Duration.ZERO));
		uploader.uploadAsync(blob("the same image", "a"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		uploader.uploadAsync(blob("the same image", "a"));
		assertThat(uploader.flush(FLUSH)).isTrue();
		assertThat(uploader.stats().deduplicated()).isZero();
		assertThat(storage.calls()).isEqualTo(2);
	}

	private AsyncBlobUploaderBuilder options() {
		return AsyncBlobUploader.builder(new ScriptedUploader())
			.initialBackoff(Duration.ofMillis(1))
			.maxBackoff(Duration.ofMillis(20))
			.listener(new BlobUploadListener() {

				@Override
				public void onDropped(String uploader, DropReason reason, Blob blob) {
					AsyncBlobUploaderDropWaitingTests.this.dropped
						.add(reason.tag() + " " + new String(blob.rawBytes(), StandardCharsets.UTF_8));
				}

			});
	}

	/**
	 * Parks each blob after one failed attempt, for at least half a minute: parked blobs
	 * stay where they are during a test.
	 */
	private AsyncBlobUploaderBuilder parkingAtOnce() {
		return options().maxAttempts(1).maxBackoff(Duration.ofMinutes(1)).maxParkedBackoff(Duration.ofMinutes(1));
	}

	private AsyncBlobUploader uploader(ScriptedUploader storage, AsyncBlobUploaderBuilder options) {
		return register(new AsyncBlobUploader(storage, options.settings()));
	}

	private AsyncBlobUploader register(AsyncBlobUploader uploader) {
		this.uploaders.add(uploader);
		return uploader;
	}

	private Path spool() {
		return this.folder.resolve("spool");
	}

	private List<Path> spoolFiles() throws IOException {
		if (!Files.isDirectory(spool())) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(spool())) {
			return files.filter((path) -> path.getFileName().toString().endsWith(DiskSpool.SUFFIX)).toList();
		}
	}

	private static Predicate<Map<String, String>> conversation(String id) {
		return (labels) -> id.equals(labels.get(CONVERSATION));
	}

	private static Blob blob(String content, String conversation) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "text/plain", Map.of(CONVERSATION, conversation));
	}

}
