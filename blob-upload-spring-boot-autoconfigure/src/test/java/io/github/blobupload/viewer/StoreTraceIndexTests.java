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

package io.github.blobupload.viewer;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.testsupport.InMemoryStore;
import io.github.blobupload.testsupport.SampleContent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link StoreTraceIndex} and {@link TraceIndexWriter}, on {@code file:}
 * storage.
 */
class StoreTraceIndexTests {

	private static final String TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN = "00f067aa0ba902b7";

	private static final Duration FLUSH = Duration.ofSeconds(10);

	@TempDir
	Path folder;

	private final TraceIndexWriter writer = new TraceIndexWriter(StoreTraceIndexTests::engine,
			Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC));

	private DefaultBlobUploaderRegistry registry;

	@AfterEach
	void close() {
		if (this.registry != null) {
			this.registry.close();
		}
		this.writer.close();
	}

	@Test
	void aTracedBlobIsFoundWithItsUseCaseTypeSizeAndLabels() throws IOException {
		this.registry = registry(this.writer);
		byte[] png = SampleContent.png();
		String uri = this.registry.getBlobUploader(null)
			.uploadAsync(new Blob(png, "image/png", BlobLabels.forSpan(TRACE, SPAN)));
		flush();

		List<IndexedBlob> found = new StoreTraceIndex(this.registry, 100).find(TRACE);
		assertThat(found).singleElement().satisfies((blob) -> {
			assertThat(blob.storageUri()).isEqualTo(uri);
			assertThat(blob.useCase()).isEqualTo("default");
			assertThat(blob.contentType()).isEqualTo("image/png");
			assertThat(blob.size()).isEqualTo(png.length);
			assertThat(blob.traceId()).isEqualTo(TRACE);
			assertThat(blob.spanId()).isEqualTo(SPAN);
			assertThat(blob.labels()).containsEntry("otel_type", "span");
			assertThat(blob.recordedAt()).isEqualTo(Instant.parse("2026-03-04T05:06:07Z"));
		});
	}

	@Test
	void theSameBlobInTwoTracesIsFoundInEach() throws IOException {
		this.registry = registry(this.writer);
		byte[] png = SampleContent.png();
		String other = "5bf92f3577b34da6a3ce929d0e0e4736";
		this.registry.getBlobUploader(null).uploadAsync(new Blob(png, "image/png", BlobLabels.forSpan(TRACE, SPAN)));
		this.registry.getBlobUploader(null).uploadAsync(new Blob(png, "image/png", BlobLabels.forSpan(other, SPAN)));
		flush();
		StoreTraceIndex index = new StoreTraceIndex(this.registry, 100);
		assertThat(index.find(TRACE)).hasSize(1);
		assertThat(index.find(other)).hasSize(1);
	}

	@Test
	void blobsWithoutAValidTraceIdAreNotIndexed() throws IOException {
		this.registry = registry(this.writer);
		this.registry.getBlobUploader(null).uploadAsync(new Blob(SampleContent.png(), "image/png", null));
		this.registry.getBlobUploader(null)
			.uploadAsync(new Blob(SampleContent.randomPng(64), "image/png", Map.of("trace_id", "../../etc")));
		flush();
		assertThat(this.folder.resolve("blobs/_index")).doesNotExist();
	}

	@Test
	void malformedIdsFindNothingAndReadNothing() throws IOException {
		this.registry = registry(this.writer);
		StoreTraceIndex index = new StoreTraceIndex(this.registry, 100);
		assertThat(index.find("../" + TRACE.substring(3))).isEmpty();
		assertThat(index.find("")).isEmpty();
		assertThat(index.find(TRACE)).isEmpty();
	}

	@Test
	void malformedOrForeignEntriesAreSkippedAndCounted() throws IOException {
		this.registry = registry(this.writer);
		Path folder = Files.createDirectories(this.folder.resolve("blobs/_index/" + TRACE));
		Files.writeString(folder.resolve("a.json"), "not json");
		Files.writeString(folder.resolve("b.json"),
				entry("5bf92f3577b34da6a3ce929d0e0e4736", this.registry.getBlobUploader(null).toString()));
		Files.writeString(folder.resolve("c.json"), entry(TRACE, "s3://elsewhere/x.png"));
		Files.writeString(folder.resolve("d.json"), "{\"v\":1,\"pad\":\"" + "x".repeat(20_000) + "\"}");
		StoreTraceIndex index = new StoreTraceIndex(this.registry, 100);
		assertThat(index.find(TRACE)).isEmpty();
		assertThat(index.malformedEntries()).isEqualTo(4);
		assertThat(index.find(TRACE)).isEmpty();
		assertThat(index.malformedEntries()).as("cached as malformed, not read again").isEqualTo(4);
	}

	@Test
	void entriesAreReadOnceThenServedFromTheCache() throws IOException {
		this.registry = registry(this.writer);
		this.registry.getBlobUploader(null)
			.uploadAsync(new Blob(SampleContent.png(), "image/png", BlobLabels.forSpan(TRACE, SPAN)));
		flush();
		StoreTraceIndex index = new StoreTraceIndex(this.registry, 100);
		assertThat(index.find(TRACE)).hasSize(1);
		try (Stream<Path> entries = Files.list(this.folder.resolve("blobs/_index/" + TRACE))) {
			for (Path entry : entries.toList()) {
				if (!entry.toString().endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX)) {
					Files.writeString(entry, "overwritten");
				}
			}
		}
		assertThat(index.find(TRACE)).hasSize(1);
		assertThat(new StoreTraceIndex(this.registry, 0).find(TRACE)).isEmpty();
	}

	@Test
	void aForgottenTraceIsReadAgain() throws IOException {
		this.registry = registry(this.writer);
		this.registry.getBlobUploader(null)
			.uploadAsync(new Blob(SampleContent.png(), "image/png", BlobLabels.forSpan(TRACE, SPAN)));
		flush();
		StoreTraceIndex index = new StoreTraceIndex(this.registry, 100);
		assertThat(index.find(TRACE)).hasSize(1);
		try (Stream<Path> entries = Files.list(this.folder.resolve("blobs/_index/" + TRACE))) {
			for (Path entry : entries.toList()) {
				if (!entry.toString().endsWith(FileBlobStorageProvider.SIDECAR_SUFFIX)) {
					Files.writeString(entry, "overwritten");
				}
			}
		}
		index.forget(List.of("5bf92f3577b34da6a3ce929d0e0e4736", "not a trace id"));
		assertThat(index.find(TRACE)).as("another trace forgotten").hasSize(1);
		index.forget(List.of(TRACE.toUpperCase(Locale.ROOT)));
		assertThat(index.find(TRACE)).isEmpty();
		assertThat(index.cachedBytes()).as("the malformed entry cached instead").isPositive();
		index.forget(List.of(TRACE));
		assertThat(index.cachedBytes()).as("a malformed entry forgotten by its folder").isZero();
	}

	@Test
	void anotherInstanceAndARestartFindTheSameTrace() throws IOException {
		this.registry = registry(this.writer);
		String uri = this.registry.getBlobUploader(null)
			.uploadAsync(new Blob(SampleContent.png(), "image/png", BlobLabels.forSpan(TRACE, SPAN)));
		flush();
		this.registry.close();
		this.writer.close();
		try (TraceIndexWriter otherWriter = new TraceIndexWriter(StoreTraceIndexTests::engine);
				DefaultBlobUploaderRegistry other = registry(otherWriter)) {
			assertThat(new StoreTraceIndex(other, 100).find(TRACE)).extracting(IndexedBlob::storageUri)
				.containsExactly(uri);
		}
	}

	private String entry(String traceId, String uri) {
		return "{\"v\":1,\"uri\":\"" + uri + "\",\"useCase\":\"default\",\"contentType\":\"image/png\",\"size\":1,"
				+ "\"traceId\":\"" + traceId + "\",\"recordedAt\":\"2026-01-01T00:00:00Z\"}";
	}

	@Test
	void largeCraftedEntriesAreCachedWithinTheByteBound() throws IOException {
		InMemoryStore store = new InMemoryStore("mem://bucket");
		List<String> traces = new ArrayList<>();
		for (int t = 1; t <= 10; t++) {
			String trace = String.format("%032x", t);
			traces.add(trace);
			// One crafted ~15 KB entry, stored under 1,000 names: each is parsed apart.
			byte[] entry = craftedEntry(store.uriPrefix() + "blob-" + t + ".png", trace);
			assertThat(entry.length).isBetween(14_000, TraceIndexEntries.MAX_ENTRY_BYTES);
			for (int i = 1; i <= 1000; i++) {
				store.put("_index/" + trace + "/" + String.format("%016x", i) + "-blob.json", entry, "application/json",
						Map.of());
			}
		}
		StoreTraceIndex index = new StoreTraceIndex(InMemoryStore.registry(Map.of("default", store)),
				StoreTraceIndex.DEFAULT_CACHE_SIZE);
		long before = liveHeap();
		for (String trace : traces) {
			assertThat(index.find(trace)).hasSize(1000);
		}
		long retained = liveHeap() - before;
		long bound = (long) StoreTraceIndex.DEFAULT_CACHE_SIZE * StoreTraceIndex.CACHE_BYTES_PER_ENTRY;
		System.out.printf(
				"10,000 entries of %,d bytes read: live heap +%,d bytes; the cache estimates %,d bytes "
						+ "(bound %,d)%n",
				store.open(store.list(store.uriPrefix(), 1).get(0), null).get().size(), retained, index.cachedBytes(),
				bound);
		assertThat(index.cachedBytes()).isLessThanOrEqualTo(bound);
		assertThat(retained).isLessThan(bound);
		// Full: the bound, not the 10,000 entries allowed, holds it back.
		assertThat(index.cachedBytes()).isGreaterThan(bound * 9 / 10);
	}

	private static byte[] craftedEntry(String blobUri, String trace) {
		Map<String, String> labels = new LinkedHashMap<>();
		for (int i = 0; i < 28; i++) {
			labels.put("k" + i, String.valueOf((char) ('a' + i % 26)).repeat(TraceIndexEntries.MAX_LABEL_VALUE_LENGTH));
		}
		return TraceIndexEntries.toJson(new IndexedBlob(blobUri, "default", "image/png", 1234, trace, SPAN, labels,
				Instant.parse("2026-03-04T05:06:07Z")));
	}

	/** The heap in use after full collections: what is reachable. */
	private static long liveHeap() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	private void flush() {
		assertThat(this.registry.flush(FLUSH)).isTrue();
		assertThat(this.writer.flush(FLUSH)).isTrue();
	}

	private static ManagedBlobUploader engine(String name, SimpleBlobUploader entryUploader, int maxQueuedEntries,
			int maxEntryBytes) {
		return AsyncBlobUploader.builder(entryUploader)
			.name(name)
			.workers(1)
			.maxQueueSize(maxQueuedEntries)
			.maxBlobBytes(maxEntryBytes)
			.maxQueueBytes((long) maxQueuedEntries * maxEntryBytes)
			.build();
	}

	private DefaultBlobUploaderRegistry registry(TraceIndexWriter writer) {
		String prefix = "file://" + this.folder + "/blobs";
		SimpleBlobUploader simple = new FileBlobStorageProvider().createUploader(prefix,
				BlobNamingStrategies.contentAddressed());
		writer.addDestination("default", simple);
		return DefaultBlobUploaderRegistry.builder()
			.defaultUploader(AsyncBlobUploader.builder(simple).name("default").listener(writer).build())
			.destination("default", prefix)
			.build();
	}

}
