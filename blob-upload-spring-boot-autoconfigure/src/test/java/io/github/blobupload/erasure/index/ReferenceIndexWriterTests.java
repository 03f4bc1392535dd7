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

package io.github.blobupload.erasure.index;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobReader;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceKeys;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.testsupport.CountingFileStorageProvider;
import io.github.blobupload.testsupport.MutableClock;
import io.github.blobupload.testsupport.ScriptedUploader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link ReferenceIndexWriter}, with real engines and the {@code file:} store.
 */
class ReferenceIndexWriterTests {

	private static final Duration FLUSH = Duration.ofSeconds(10);

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	private static final String OTHER_TRACE = "0af7651916cd43dd8448eb211c80319c";

	private static final String OTHER_SPAN = "b7ad6b7169203331";

	@TempDir
	Path folder;

	private final MutableClock clock = new MutableClock();

	private final OwnerLabels owners = new OwnerLabels(ReferenceKeys.keyed("a test secret of at least 32 bytes!"),
			false);

	private final CountingFileStorageProvider store = new CountingFileStorageProvider();

	private final List<ManagedBlobUploader> engines = new ArrayList<>();

	private ReferenceIndexWriter writer;

	private ManagedBlobUploader blobs;

	private String readerPrefix;

	@BeforeEach
	void start() {
		this.writer = new ReferenceIndexWriter(this::engine, this.owners, this.clock, "shop");
		SimpleBlobUploader destination = this.store.createUploader(this.folder.toUri().toString(),
				BlobNamingStrategies.contentAddressed());
		this.readerPrefix = destination.blobReader().orElseThrow().uriPrefix();
		assertThat(this.writer.addDestination("default", destination)).isTrue();
		this.blobs = AsyncBlobUploader.builder(destination).name("default").listener(this.writer).build();
		this.engines.add(this.blobs);
	}

	private ManagedBlobUploader engine(String name, String useCase, SimpleBlobUploader records) {
		ManagedBlobUploader engine = AsyncBlobUploader.builder(records).name(name).dedupeCacheSize(0).build();
		this.engines.add(engine);
		return engine;
	}

	@AfterEach
	void stop() {
		this.engines.forEach((engine) -> engine.shutdown(Duration.ZERO));
	}

	@Test
	void aTracedBlobIsRecordedUnderItsObjectTraceConversationAndOwner() throws IOException {
		String uri = upload("a picture", labels(TRACE, SPAN, "conversation-1", "alice"));
		ReferenceRecord expected = new ReferenceRecord(uri, "default", TRACE, SPAN,
				this.owners.keys().keyOf("conversation-1"), this.owners.keyOfOwner("alice"), "shop",
				this.clock.instant());
		List<String> recordUris = ReferenceLayout.recordUris(this.readerPrefix, expected);
		assertThat(recordUris).hasSize(4);
		assertThat(recordUris.get(1)).startsWith(this.readerPrefix + "_refs/t/" + TRACE + "/");
		assertThat(recordUris.get(2))
			.startsWith(this.readerPrefix + "_refs/c/" + this.owners.keys().keyOf("conversation-1") + "/");
		assertThat(recordUris.get(3))
			.startsWith(this.readerPrefix + "_refs/u/" + this.owners.keyOfOwner("alice") + "/");
		for (String recordUri : recordUris) {
			assertThat(read(recordUri)).isEqualTo(expected);
		}
		assertThat(records()).hasSize(4);
		String json = Files.readString(path(recordUris.get(0)));
		assertThat(json).doesNotContain("conversation-1").doesNotContain("alice");
	}

	@Test
	void aDeduplicatedUploadAddsTheNewSpansReference() throws IOException {
		String uri = upload("a picture", labels(TRACE, SPAN, "conversation-1", null));
		this.clock.advance(Duration.ofMinutes(5));
		assertThat(upload("a picture", labels(OTHER_TRACE, OTHER_SPAN, "conversation-2", null))).isEqualTo(uri);
		assertThat(this.blobs.stats().deduplicated()).isOne();
		List<ReferenceRecord> ofObject = folder(ReferenceLayout.objectFolder(this.readerPrefix, uri));
		assertThat(ofObject).extracting(ReferenceRecord::spanId).containsExactlyInAnyOrder(SPAN, OTHER_SPAN);
		assertThat(ofObject).extracting(ReferenceRecord::recordedAt)
			.containsExactlyInAnyOrder(Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-01-01T00:05:00Z"));
		assertThat(folder(ReferenceLayout.selectorFolder(this.readerPrefix, ErasureSelector.Kind.TRACE, OTHER_TRACE)))
			.singleElement()
			.satisfies((record) -> assertThat(record.conversationKey())
				.isEqualTo(this.owners.keys().keyOf("conversation-2")));
	}

	@Test
	void twoInstancesRecordingOneReferenceWriteTheSameNames() throws IOException {
		ReferenceIndexWriter other = new ReferenceIndexWriter(this::engine, this.owners, this.clock, "shop");
		SimpleBlobUploader destination = this.store.createUploader(this.folder.toUri().toString(),
				BlobNamingStrategies.contentAddressed());
		other.addDestination("default", destination);
		ManagedBlobUploader otherBlobs = AsyncBlobUploader.builder(destination).listener(other).build();
		this.engines.add(otherBlobs);
		String uri = upload("a picture", labels(TRACE, SPAN, "conversation-1", "alice"));
		this.clock.advance(Duration.ofMinutes(1));
		assertThat(otherBlobs.uploadAsync(blob("a picture", labels(TRACE, SPAN, "conversation-1", "alice"))))
			.isEqualTo(uri);
		assertThat(otherBlobs.flush(FLUSH)).isTrue();
		assertThat(other.flush(FLUSH)).isTrue();
		assertThat(this.store.writes("/_refs/")).isEqualTo(8);
		assertThat(records()).hasSize(4);
		assertThat(folder(ReferenceLayout.objectFolder(this.readerPrefix, uri))).singleElement()
			.satisfies((record) -> assertThat(record.recordedAt()).isEqualTo(this.clock.instant()));
	}

	@Test
	void mediaReusedWithoutAnUploadIsRecordedForTheNewSpan() throws IOException {
		String uri = upload("a picture", labels(TRACE, SPAN, "conversation-1", null));
		this.writer.recordReused("chat.input", uri, labels(OTHER_TRACE, OTHER_SPAN, "conversation-1", null));
		assertThat(this.writer.flush(FLUSH)).isTrue();
		assertThat(folder(ReferenceLayout.objectFolder(this.readerPrefix, uri)))
			.extracting(ReferenceRecord::traceId, ReferenceRecord::useCase)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(TRACE, "default"),
					org.assertj.core.groups.Tuple.tuple(OTHER_TRACE, "default"));
		assertThat(folder(ReferenceLayout.selectorFolder(this.readerPrefix, ErasureSelector.Kind.CONVERSATION,
				this.owners.keys().keyOf("conversation-1"))))
			.hasSize(2);
	}

	@Test
	void blobsNoSelectorFindsWriteNothing() throws IOException {
		upload("no labels", Map.of());
		upload("other labels", Map.of("use_case", "chat.input", "gen_ai_operation_name", "chat"));
		upload("not a trace id", Map.of(BlobLabels.TRACE_ID, "not-a-trace", BlobLabels.SPAN_ID, SPAN));
		upload("an owner label that is not a key", Map.of(BlobOwnerResolver.OWNER_LABEL, "../../etc"));
		this.writer.recordReused("default", "https://elsewhere.example.com/a.png", labels(TRACE, SPAN, null, null));
		assertThat(this.writer.flush(FLUSH)).isTrue();
		assertThat(this.folder.resolve(ReferenceLayout.FOLDER)).doesNotExist();
		assertThat(this.store.writes("/_refs/")).isZero();
	}

	@Test
	void aTraceAloneIsEnoughAndNamesNoConversationOrOwner() throws IOException {
		String uri = upload("a picture", labels(TRACE, null, null, null));
		assertThat(records()).hasSize(2);
		assertThat(folder(ReferenceLayout.objectFolder(this.readerPrefix, uri))).singleElement().satisfies((record) -> {
			assertThat(record.spanId()).isNull();
			assertThat(record.conversationKey()).isNull();
			assertThat(record.ownerKey()).isNull();
		});
	}

	@Test
	void plainOwnersAreFiledUnderTheirKey() throws IOException {
		OwnerLabels plain = new OwnerLabels(ReferenceKeys.unkeyed(), true);
		ReferenceIndexWriter writer = new ReferenceIndexWriter(this::engine, plain, this.clock, null);
		SimpleBlobUploader destination = this.store.createUploader(this.folder.resolve("plain").toUri().toString(),
				BlobNamingStrategies.contentAddressed());
		writer.addDestination("default", destination);
		ManagedBlobUploader blobs = AsyncBlobUploader.builder(destination).listener(writer).build();
		this.engines.add(blobs);
		blobs.uploadAsync(blob("a picture", Map.of(BlobOwnerResolver.OWNER_LABEL, "alice")));
		assertThat(blobs.flush(FLUSH)).isTrue();
		assertThat(writer.flush(FLUSH)).isTrue();
		String prefix = destination.blobReader().orElseThrow().uriPrefix();
		assertThat(
				folder(ReferenceLayout.selectorFolder(prefix, ErasureSelector.Kind.OWNER, plain.keyOfOwner("alice"))))
			.singleElement()
			.satisfies((record) -> assertThat(record.service()).isNull());
	}

	@Test
	void onlyDestinationsThatCanBeReadAndDeletedAreIndexed() {
		assertThat(this.writer.addDestination("scripted", new ScriptedUploader())).isFalse();
		SimpleBlobUploader file = new FileBlobStorageProvider().createUploader(this.folder.toUri().toString(),
				BlobNamingStrategies.contentAddressed());
		BlobReader reader = file.blobReader().orElseThrow();
		SimpleBlobUploader readOnly = new SimpleBlobUploader() {

			@Override
			public String generateDestinationUri(Blob blob) {
				return file.generateDestinationUri(blob);
			}

			@Override
			public void uploadSync(String uri, Blob blob) throws IOException {
				file.uploadSync(uri, blob);
			}

			@Override
			public Optional<BlobReader> blobReader() {
				return Optional.of(reader);
			}

		};
		assertThat(this.writer.addDestination("read-only", readOnly)).isFalse();
		assertThat(this.writer.engines()).containsOnlyKeys("default");
		assertThat(this.writer.engines().get("default").name()).isEqualTo("reference-index-default");
	}

	@Test
	void aRecordOfAnotherDestinationIsRefusedAndCounted() {
		ManagedBlobUploader records = this.writer.engines().get("default");
		records.uploadAsync(new Blob("{}".getBytes(StandardCharsets.UTF_8), "application/json",
				Map.of(ReferenceRecordUploader.RECORD_URI, "file:///elsewhere/_refs/o/x/y.json")));
		records.uploadAsync(new Blob(new byte[ReferenceLayout.MAX_RECORD_BYTES + 1], "application/json",
				Map.of(ReferenceRecordUploader.RECORD_URI, this.readerPrefix + "_refs/o/x/y.json")));
		assertThat(records.stats().droppedTotal()).isEqualTo(2);
	}

	private String upload(String content, Map<String, String> labels) {
		String uri = this.blobs.uploadAsync(blob(content, labels));
		assertThat(this.blobs.flush(FLUSH)).isTrue();
		assertThat(this.writer.flush(FLUSH)).isTrue();
		return uri;
	}

	private static Blob blob(String content, Map<String, String> labels) {
		return new Blob(content.getBytes(StandardCharsets.UTF_8), "image/png", labels);
	}

	private static Map<String, String> labels(String traceId, String spanId, String conversation, String owner) {
		Map<String, String> labels = new HashMap<>();
		if (traceId != null) {
			labels.put(BlobLabels.TRACE_ID, traceId);
		}
		if (spanId != null) {
			labels.put(BlobLabels.SPAN_ID, spanId);
		}
		if (conversation != null) {
			labels.put(ReferenceIndexWriter.CONVERSATION_LABEL, conversation);
		}
		if (owner != null) {
			labels.put(BlobOwnerResolver.OWNER_LABEL, ownerLabel(owner));
		}
		return labels;
	}

	private static String ownerLabel(String owner) {
		return new OwnerLabels(ReferenceKeys.keyed("a test secret of at least 32 bytes!"), false).labelValue(owner);
	}

	private ReferenceRecord read(String uri) throws IOException {
		return ReferenceLayout.parse(Files.readString(path(uri)));
	}

	private List<ReferenceRecord> folder(String folderUri) throws IOException {
		List<ReferenceRecord> records = new ArrayList<>();
		try (Stream<Path> files = Files.list(path(folderUri))) {
			for (Path file : files.filter((f) -> !f.toString().endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX))
				.toList()) {
				records.add(ReferenceLayout.parse(Files.readString(file)));
			}
		}
		return records;
	}

	private List<Path> records() throws IOException {
		try (Stream<Path> files = Files.walk(this.folder.resolve(ReferenceLayout.FOLDER))) {
			return files.filter(Files::isRegularFile)
				.filter((f) -> !f.toString().endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX))
				.toList();
		}
	}

	private static Path path(String uri) {
		return Path.of(URI.create(uri));
	}

}
