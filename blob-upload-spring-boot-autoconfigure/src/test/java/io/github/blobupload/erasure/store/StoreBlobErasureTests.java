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

package io.github.blobupload.erasure.store;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobReader;
import io.github.blobupload.ByteRange;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.erasure.ErasureListener;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.Kept;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceKeys;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.FaultyDeleter;
import io.github.blobupload.testsupport.MutableClock;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StoreBlobErasure} on a {@code file:} store: media and reference
 * records written as the index writes them ({@link ReferenceLayout}).
 */
class StoreBlobErasureTests {

	private static final String TRACE_A = "0af7651916cd43dd8448eb211c80319c";

	private static final String TRACE_B = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "b7ad6b7169203331";

	private static final String SERVICE = "chat-app";

	private static final String NOTE = "Noncurrent versions remain until the bucket's lifecycle expires them.";

	private final OwnerLabels ownerLabels = new OwnerLabels(ReferenceKeys.keyed("an erasure test secret of 32+ bytes!"),
			false);

	private final MutableClock clock = new MutableClock();

	private final List<String> events = new ArrayList<>();

	@TempDir
	private Path folder;

	private SimpleBlobUploader uploader;

	private BlobReader reader;

	private FaultyDeleter deleter;

	private String prefix;

	private String image;

	private String audioA;

	private String audioB;

	@BeforeEach
	void storeTwoConversationsSharingAnImage() throws IOException {
		this.uploader = new FileBlobStorageProvider().createUploader("file://" + this.folder + "/blobs",
				BlobNamingStrategies.contentAddressed());
		this.reader = this.uploader.blobReader().orElseThrow();
		this.prefix = this.reader.uriPrefix();
		this.deleter = new FaultyDeleter(this.uploader.blobDeleter().orElseThrow(), List.of(NOTE));
		this.image = store("the shared image", "image/png");
		this.audioA = store("conversation A's voice", "audio/wav");
		this.audioB = store("conversation B's voice", "audio/wav");
		reference(this.image, TRACE_A, "conv-a", "alice", SERVICE);
		reference(this.audioA, TRACE_A, "conv-a", "alice", SERVICE);
		reference(this.image, TRACE_B, "conv-b", "bob", SERVICE);
		reference(this.audioB, TRACE_B, "conv-b", "bob", SERVICE);
		this.clock.advance(Duration.ofHours(1));
	}

	@Test
	void sharedImageIsKeptUntilEveryConversationIsErased() throws IOException {
		StoreBlobErasure erasure = erasure().build();
		ErasureReceipt first = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(first.deleted()).containsExactly(this.audioA);
		assertThat(first.kept()).containsExactly(new Kept(this.image, KeptReason.SHARED));
		assertThat(first.failed()).isEmpty();
		assertThat(first.complete()).isTrue();
		assertThat(first.notes()).containsExactly(NOTE);
		assertThat(exists(this.audioA)).isFalse();
		assertThat(exists(this.image)).isTrue();
		assertThat(exists(this.audioB)).isTrue();
		// Only A's references went: B's are all still there.
		assertThat(references(this.image)).extracting(ReferenceRecord::conversationKey).containsExactly(key("conv-b"));
		assertThat(references(this.audioA)).isEmpty();
		assertThat(list(ReferenceLayout.selectorFolder(this.prefix, ErasureSelector.Kind.CONVERSATION, key("conv-a"))))
			.isEmpty();
		assertThat(list(ReferenceLayout.selectorFolder(this.prefix, ErasureSelector.Kind.TRACE, TRACE_A))).isEmpty();
		assertThat(list(ReferenceLayout.selectorFolder(this.prefix, ErasureSelector.Kind.OWNER,
				this.ownerLabels.keyOfOwner("alice"))))
			.isEmpty();

		ErasureReceipt second = erasure.erase(ErasureSelector.conversation("conv-b"), false);
		assertThat(second.deleted()).containsExactlyInAnyOrder(this.image, this.audioB);
		assertThat(second.kept()).isEmpty();
		assertThat(exists(this.image)).isFalse();
		assertThat(exists(this.audioB)).isFalse();
		assertThat(list(this.prefix + ReferenceLayout.FOLDER + "/")).isEmpty();
	}

	@Test
	void erasesByOwner() throws IOException {
		ErasureReceipt receipt = erasure().build().erase(ErasureSelector.owner("alice"), false);
		assertThat(receipt.kind()).isEqualTo("owner");
		assertThat(receipt.deleted()).containsExactly(this.audioA);
		assertThat(receipt.kept()).containsExactly(new Kept(this.image, KeptReason.SHARED));
		assertThat(references(this.image)).extracting(ReferenceRecord::ownerKey)
			.containsExactly(this.ownerLabels.keyOfOwner("bob"));
	}

	@Test
	void erasesByTraceOnlyTheReferencesThisServiceRecorded() throws IOException {
		String outside = store("another service's upload", "image/png");
		reference(outside, TRACE_A, null, null, "billing");
		reference(this.audioA, TRACE_A, null, null, "billing");
		this.clock.advance(Duration.ofHours(1));
		ErasureReceipt receipt = erasure().build().erase(ErasureSelector.trace(TRACE_A), false);
		assertThat(receipt.kind()).isEqualTo("trace");
		assertThat(receipt.deleted()).isEmpty();
		assertThat(receipt.kept()).containsExactlyInAnyOrder(new Kept(this.image, KeptReason.SHARED),
				new Kept(this.audioA, KeptReason.SHARED));
		assertThat(exists(outside)).isTrue();
		assertThat(references(outside)).extracting(ReferenceRecord::service).containsExactly("billing");
		assertThat(references(this.audioA)).extracting(ReferenceRecord::service).containsExactly("billing");
	}

	@Test
	void dryRunClassifiesAsTheRealRunAndDeletesNothing() throws IOException {
		reference(this.audioB, TRACE_A, "conv-a", "alice", SERVICE);
		StoreBlobErasure erasure = erasure().build();
		ErasureReceipt dry = erasure.erase(ErasureSelector.conversation("conv-a"), true);
		assertThat(dry.dryRun()).isTrue();
		assertThat(dry.deleted()).containsExactly(this.audioA);
		assertThat(dry.kept()).containsExactlyInAnyOrder(new Kept(this.image, KeptReason.SHARED),
				new Kept(this.audioB, KeptReason.RECENT));
		assertThat(exists(this.audioA)).isTrue();
		assertThat(this.events).isEmpty();
		assertThat(this.deleter.deleted()).isEmpty();
		assertThat(dry.notes()).containsExactly(NOTE);
		assertThat(references(this.audioA)).hasSize(1);
		this.clock.advance(Duration.ofHours(1));
		ErasureReceipt dryLater = erasure.erase(ErasureSelector.conversation("conv-a"), true);
		ErasureReceipt real = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(real.dryRun()).isFalse();
		assertThat(real.deleted()).containsExactlyInAnyOrderElementsOf(dryLater.deleted());
		assertThat(real.kept()).containsExactlyInAnyOrderElementsOf(dryLater.kept());
		assertThat(real.deleted()).containsExactly(this.audioA);
		assertThat(real.kept()).containsExactlyInAnyOrder(new Kept(this.image, KeptReason.SHARED),
				new Kept(this.audioB, KeptReason.SHARED));
	}

	@Test
	void keepsRecentlyReferencedObjectsWhole() throws IOException {
		reference(this.audioA, TRACE_B, "conv-b", "bob", SERVICE);
		ErasureReceipt receipt = erasure().build().erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(receipt.kept()).containsExactlyInAnyOrder(new Kept(this.image, KeptReason.SHARED),
				new Kept(this.audioA, KeptReason.RECENT));
		assertThat(receipt.complete()).isFalse();
		// Nothing of a recent object goes, not even the selected reference.
		assertThat(references(this.audioA)).extracting(ReferenceRecord::conversationKey)
			.containsExactlyInAnyOrder(key("conv-a"), key("conv-b"));
	}

	@Test
	void keepsRecentlyWrittenObjectsWhole() throws IOException {
		FaultyDeleter.touch(this.audioA, this.clock.instant().minusSeconds(60));
		StoreBlobErasure erasure = erasure().build();
		ErasureReceipt receipt = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(receipt.kept()).contains(new Kept(this.audioA, KeptReason.RECENT));
		assertThat(exists(this.audioA)).isTrue();
		this.clock.advance(Duration.ofMinutes(15));
		ErasureReceipt later = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(later.deleted()).containsExactly(this.audioA);
		assertThat(later.complete()).isTrue();
	}

	@Test
	void objectAlreadyGoneHasItsReferencesCleanedAndCountsAsDeleted() throws IOException {
		Files.delete(Path.of(URI.create(this.audioA)));
		ErasureReceipt receipt = erasure().build().erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(receipt.deleted()).containsExactly(this.audioA);
		assertThat(references(this.audioA)).isEmpty();
	}

	@Test
	void storageFaultFailsWithoutContentAndARetryCompletes() throws IOException {
		StoreBlobErasure erasure = erasure().build();
		this.deleter.failWith(new RefusedException());
		ErasureReceipt failed = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(failed.failed()).extracting(ErasureReceipt.Failed::uri)
			.containsExactlyInAnyOrder(this.image, this.audioA);
		assertThat(failed.failed()).extracting(ErasureReceipt.Failed::reason)
			.containsOnly("storage error: RefusedException 403");
		assertThat(failed.complete()).isFalse();
		assertThat(exists(this.audioA)).isTrue();
		this.deleter.failWith(null);
		ErasureReceipt retried = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(retried.deleted()).containsExactly(this.audioA);
		assertThat(retried.kept()).containsExactly(new Kept(this.image, KeptReason.SHARED));
		assertThat(retried.complete()).isTrue();
	}

	@Test
	void unlistableIndexFailsTheDestinationWithoutThrowing() {
		BlobReader unlistable = new BlobReader() {

			@Override
			public String uriPrefix() {
				return StoreBlobErasureTests.this.reader.uriPrefix();
			}

			@Override
			public Optional<String> storageUri(String recordedUri) {
				return StoreBlobErasureTests.this.reader.storageUri(recordedUri);
			}

			@Override
			public Optional<StoredBlob> open(String uri, @Nullable ByteRange range) throws IOException {
				return StoreBlobErasureTests.this.reader.open(uri, range);
			}

			@Override
			public List<String> list(String uriPrefix, int limit) throws IOException {
				throw new RefusedException();
			}

		};
		ErasureReceipt receipt = StoreBlobErasure.builder()
			.destination(List.of("chat-input"), unlistable, this.deleter)
			.ownerLabels(this.ownerLabels)
			.build()
			.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(receipt.failed()).singleElement().satisfies((failed) -> {
			assertThat(failed.uri()).isEqualTo(
					ReferenceLayout.selectorFolder(this.prefix, ErasureSelector.Kind.CONVERSATION, key("conv-a")));
			assertThat(failed.reason()).isEqualTo("storage error: RefusedException 403");
		});
		assertThat(receipt.complete()).isFalse();
		assertThat(exists(this.audioA)).isTrue();
	}

	@Test
	void cutAtMaxReferencesIsIncompleteAndARerunGoesOn() throws IOException {
		StoreBlobErasure erasure = erasure().maxReferences(1).build();
		ErasureReceipt first = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(first.deleted().size() + first.kept().size()).isEqualTo(1);
		assertThat(first.failed()).singleElement()
			.satisfies((failed) -> assertThat(failed.reason()).startsWith("cut at 1 references"));
		assertThat(first.notes()).anyMatch((note) -> note.contains("stopped after 1 references"));
		assertThat(first.complete()).isFalse();
		ErasureReceipt second = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(second.deleted().size() + second.kept().size()).isEqualTo(1);
		assertThat(exists(this.audioA)).isFalse();
		assertThat(references(this.image)).hasSize(1);
		ErasureReceipt third = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(third.complete()).isTrue();
	}

	@Test
	void secondRunIsHarmless() throws IOException {
		StoreBlobErasure erasure = erasure().build();
		erasure.erase(ErasureSelector.conversation("conv-a"), false);
		this.events.clear();
		ErasureReceipt again = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(again.deleted()).isEmpty();
		assertThat(again.kept()).isEmpty();
		assertThat(again.failed()).isEmpty();
		assertThat(again.notes()).isEmpty();
		assertThat(again.complete()).isTrue();
		assertThat(exists(this.image)).isTrue();
		assertThat(this.events).containsExactly("before");
	}

	@Test
	void listenersHearTheSelectionAndWhatWasDeleted() {
		List<Predicate<Map<String, String>>> selections = new ArrayList<>();
		ErasureListener listener = new ErasureListener() {

			@Override
			public void beforeErasure(Predicate<Map<String, String>> selected) {
				selections.add(selected);
			}

			@Override
			public void onErased(Set<String> deletedUris, Set<String> traceIds) {
				StoreBlobErasureTests.this.events.add("erased " + deletedUris + " " + traceIds);
			}

		};
		List<ErasureReceipt> receipts = new ArrayList<>();
		StoreBlobErasure erasure = erasure().listeners(List.of(listener)).receipts(receipts::add).build();
		erasure.erase(ErasureSelector.owner("alice"), false);
		assertThat(this.events).containsExactly("before", "erased [" + this.audioA + "] [" + TRACE_A + "]");
		Predicate<Map<String, String>> selected = selections.get(0);
		assertThat(selected.test(Map.of("owner", this.ownerLabels.labelValue("alice")))).isTrue();
		assertThat(selected.test(Map.of("owner", this.ownerLabels.labelValue("bob")))).isFalse();
		assertThat(selected.test(Map.of("trace_id", TRACE_A))).isFalse();
		assertThat(receipts).hasSize(1);
	}

	@Test
	void selectionOfBlobsWaitingMatchesTraceAndConversationLabels() {
		List<Predicate<Map<String, String>>> selections = new ArrayList<>();
		ErasureListener listener = new ErasureListener() {

			@Override
			public void beforeErasure(Predicate<Map<String, String>> selected) {
				selections.add(selected);
			}

		};
		StoreBlobErasure erasure = erasure().listeners(List.of(listener)).build();
		erasure.erase(ErasureSelector.trace(TRACE_A.toUpperCase()), false);
		erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(selections.get(0).test(Map.of("trace_id", TRACE_A))).isTrue();
		assertThat(selections.get(0).test(Map.of("trace_id", TRACE_B))).isFalse();
		assertThat(selections.get(1).test(Map.of(SelectedReferences.CONVERSATION_LABEL, "conv-a"))).isTrue();
		assertThat(selections.get(1).test(Map.of(SelectedReferences.CONVERSATION_LABEL, "conv-b"))).isFalse();
		assertThat(selections.get(1).test(Map.of())).isFalse();
	}

	@Test
	void companionsGoWithTheirReference() throws IOException {
		String entry = this.prefix + "_index/" + TRACE_A + "/" + SPAN + "-entry.json";
		this.uploader.uploadSync(entry, json("{}"));
		StoreBlobErasure erasure = erasure()
			.companions(List.of((readerPrefix, reference) -> List
				.of(readerPrefix + "_index/" + reference.traceId() + "/" + reference.spanId() + "-entry.json")))
			.build();
		erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(exists(entry)).isFalse();
	}

	@Test
	void destinationsSharingAPrefixAreListedOnce() {
		StoreBlobErasure erasure = erasure().destination(List.of("chat-output"), this.reader, this.deleter).build();
		ErasureReceipt receipt = erasure.erase(ErasureSelector.conversation("conv-b"), false);
		assertThat(receipt.deleted()).containsExactlyInAnyOrder(this.audioB);
		assertThat(receipt.kept()).containsExactly(new Kept(this.image, KeptReason.SHARED));
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void logsOneLineWithCountsAndNeverTheSelectorsValue(CapturedOutput output) {
		erasure().build().erase(ErasureSelector.owner("alice"), false);
		assertThat(output).contains("Erasure by owner: 1 deleted, 1 kept shared, 0 kept recent, 0 failed; complete")
			.doesNotContain("alice")
			.doesNotContain(this.ownerLabels.keyOfOwner("alice"));
	}

	@Test
	void oneErasureRunsAtATime() throws Exception {
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicInteger inside = new AtomicInteger();
		AtomicInteger most = new AtomicInteger();
		ErasureListener slow = new ErasureListener() {

			@Override
			public void beforeErasure(Predicate<Map<String, String>> selected) {
				most.accumulateAndGet(inside.incrementAndGet(), Math::max);
				entered.countDown();
				try {
					release.await(10, TimeUnit.SECONDS);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			}

			@Override
			public void onErased(Set<String> deletedUris, Set<String> traceIds) {
				inside.decrementAndGet();
			}

		};
		StoreBlobErasure erasure = erasure().listeners(List.of(slow)).build();
		Thread first = new Thread(() -> erasure.erase(ErasureSelector.conversation("conv-a"), false));
		first.start();
		assertThat(entered.await(10, TimeUnit.SECONDS)).isTrue();
		Thread second = new Thread(() -> erasure.erase(ErasureSelector.conversation("conv-b"), false));
		second.start();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
		while (second.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
			Thread.onSpinWait();
		}
		assertThat(second.getState()).isEqualTo(Thread.State.WAITING);
		assertThat(inside.get()).isEqualTo(1);
		release.countDown();
		first.join(10_000);
		second.join(10_000);
		assertThat(most.get()).isEqualTo(1);
		assertThat(exists(this.image)).isFalse();
	}

	@Test
	void requestsOfErasingOneConversationOfTheSharedImageScenario() {
		Map<String, AtomicInteger> requests = new TreeMap<>();
		BlobReader countingReader = new BlobReader() {

			@Override
			public String uriPrefix() {
				return StoreBlobErasureTests.this.reader.uriPrefix();
			}

			@Override
			public Optional<String> storageUri(String recordedUri) {
				return StoreBlobErasureTests.this.reader.storageUri(recordedUri);
			}

			@Override
			public Optional<StoredBlob> open(String uri, @Nullable ByteRange range) throws IOException {
				requests.computeIfAbsent("get", (key) -> new AtomicInteger()).incrementAndGet();
				return StoreBlobErasureTests.this.reader.open(uri, range);
			}

			@Override
			public List<String> list(String uriPrefix, int limit) throws IOException {
				requests.computeIfAbsent("list", (key) -> new AtomicInteger()).incrementAndGet();
				return StoreBlobErasureTests.this.reader.list(uriPrefix, limit);
			}

		};
		BlobDeleter countingDeleter = new BlobDeleter() {

			@Override
			public String uriPrefix() {
				return StoreBlobErasureTests.this.deleter.uriPrefix();
			}

			@Override
			public boolean delete(String uri) throws IOException {
				requests.computeIfAbsent("delete", (key) -> new AtomicInteger()).incrementAndGet();
				return StoreBlobErasureTests.this.deleter.delete(uri);
			}

			@Override
			public Optional<Instant> lastModified(String uri) throws IOException {
				requests.computeIfAbsent("head", (key) -> new AtomicInteger()).incrementAndGet();
				return StoreBlobErasureTests.this.deleter.lastModified(uri);
			}

		};
		StoreBlobErasure erasure = StoreBlobErasure.builder()
			.destination(List.of("chat-input"), countingReader, countingDeleter)
			.ownerLabels(this.ownerLabels)
			.service(SERVICE)
			.clock(this.clock)
			.companions(List.of((readerPrefix, reference) -> List
				.of(readerPrefix + "_index/" + reference.traceId() + "/" + reference.spanId() + "-entry.json")))
			.build();
		ErasureReceipt receipt = erasure.erase(ErasureSelector.conversation("conv-a"), false);
		assertThat(receipt.deleted()).containsExactly(this.audioA);
		// 1 list of the conversation's folder and 2 reads of its references; per object
		// 1 list of its references, a read of each other reference (B's, of the image)
		// and its last-modified time; 1 delete of the audio, and per reference its 4
		// copies (object, trace, conversation, owner) and its viewer index entry.
		assertThat(requests).hasToString("{delete=11, get=3, head=2, list=3}");
	}

	private StoreBlobErasureBuilder erasure() {
		ErasureListener recorder = new ErasureListener() {

			@Override
			public void beforeErasure(Predicate<Map<String, String>> selected) {
				StoreBlobErasureTests.this.events.add("before");
			}

		};
		return StoreBlobErasure.builder()
			.destination(List.of("chat-input"), this.reader, this.deleter)
			.ownerLabels(this.ownerLabels)
			.service(SERVICE)
			.clock(this.clock)
			.gracePeriod(Duration.ofMinutes(15))
			.listeners(List.of(recorder));
	}

	private String store(String content, String contentType) throws IOException {
		Blob blob = new Blob(content.getBytes(StandardCharsets.UTF_8), contentType, Map.of());
		String uri = this.uploader.generateDestinationUri(blob);
		this.uploader.uploadSync(uri, blob);
		FaultyDeleter.touch(uri, this.clock.instant());
		return uri;
	}

	private void reference(String uri, String traceId, @Nullable String conversation, @Nullable String owner,
			String service) throws IOException {
		ReferenceRecord record = new ReferenceRecord(uri, "chat-input", traceId, SPAN,
				(conversation != null) ? key(conversation) : null,
				(owner != null) ? this.ownerLabels.keyOfOwner(owner) : null, service, this.clock.instant());
		for (String recordUri : ReferenceLayout.recordUris(this.prefix, record)) {
			this.uploader.uploadSync(recordUri, new Blob(ReferenceLayout.toJson(record), "application/json", Map.of()));
		}
	}

	private static Blob json(String json) {
		return new Blob(json.getBytes(StandardCharsets.UTF_8), "application/json", Map.of());
	}

	private String key(String conversation) {
		return this.ownerLabels.keys().keyOf(conversation);
	}

	private List<ReferenceRecord> references(String uri) throws IOException {
		List<ReferenceRecord> records = new ArrayList<>();
		for (ReferenceFolder.Entry entry : new ReferenceFolder(this.reader)
			.read(list(ReferenceLayout.objectFolder(this.prefix, uri)))) {
			records.add(entry.record());
		}
		return records;
	}

	private List<String> list(String folderUri) throws IOException {
		return this.reader.list(folderUri, 1000);
	}

	private static boolean exists(String uri) {
		return Files.exists(Path.of(URI.create(uri)));
	}

	/** A store's refusal, with a status as the SDKs' exceptions carry one. */
	static final class RefusedException extends IOException {

		RefusedException() {
			super("Access denied to s3://bucket/secret-key");
		}

		public int statusCode() {
			return 403;
		}

	}

}
