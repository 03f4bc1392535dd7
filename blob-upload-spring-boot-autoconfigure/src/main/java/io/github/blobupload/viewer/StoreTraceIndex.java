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
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.internal.RateLimitedLogger;
import org.slf4j.LoggerFactory;

/**
 * The {@link TraceIndex} kept in storage by a {@link TraceIndexWriter}: finds a trace by
 * listing {@code <uriPrefix>_index/<traceId>/} in every destination of the registry that
 * can be read back, and opening each entry it has not read before.
 * <p>
 * Cost of a lookup: one list request per readable destination, plus one read per entry
 * not yet in the cache. The cache holds up to {@code cacheSize} parsed entries (no
 * content, a few hundred bytes each), least recently used first out; entries never change
 * once written, so a cached one is never stale, and new entries of a trace still being
 * recorded show on the next lookup. Malformed entries (unknown format, over
 * {@value TraceIndexEntries#MAX_ENTRY_BYTES} bytes, naming another trace or a blob
 * outside their destination) are skipped, counted and logged at most once per minute.
 */
public final class StoreTraceIndex implements TraceIndex {

	/** The default number of entries cached. */
	public static final int DEFAULT_CACHE_SIZE = 10_000;

	/** The most entries read per destination for one trace. */
	public static final int MAX_ENTRIES_PER_TRACE = 1000;

	private static final RateLimitedLogger malformedLog = new RateLimitedLogger(
			LoggerFactory.getLogger(StoreTraceIndex.class), Duration.ofMinutes(1));

	private final BlobUploaderRegistry registry;

	private final EntryCache cache;

	private final AtomicLong malformed = new AtomicLong();

	/**
	 * Creates an index reading the destinations of a registry.
	 * @param registry the registry, whose {@link BlobUploaderRegistry#destinations()}
	 * give the readers
	 * @param cacheSize the most entries kept in memory; 0 for none
	 */
	public StoreTraceIndex(BlobUploaderRegistry registry, int cacheSize) {
		this.registry = Objects.requireNonNull(registry, "registry must not be null");
		if (cacheSize < 0) {
			throw new IllegalArgumentException("cacheSize must not be negative, but was " + cacheSize);
		}
		this.cache = new EntryCache(cacheSize);
	}

	/**
	 * Returns every blob indexed for a trace, oldest first.
	 * @throws IOException if a destination could not be listed or an entry not read
	 */
	@Override
	public List<IndexedBlob> find(String traceId) throws IOException {
		String canonical = TraceIndexEntries.traceId(traceId);
		if (canonical == null) {
			return List.of();
		}
		List<IndexedBlob> found = new ArrayList<>();
		for (BlobReader reader : readers()) {
			for (String entryUri : reader.list(TraceIndexEntries.folderUri(reader.uriPrefix(), canonical),
					MAX_ENTRIES_PER_TRACE)) {
				read(reader, entryUri, canonical).ifPresent(found::add);
			}
		}
		found.sort(Comparator.comparing(IndexedBlob::recordedAt).thenComparing(IndexedBlob::storageUri));
		return List.copyOf(found);
	}

	/**
	 * Returns how many malformed entries have been skipped.
	 * @return the count since this index was created
	 */
	public long malformedEntries() {
		return this.malformed.get();
	}

	/** The readers of the registry's destinations, one per prefix. */
	private List<BlobReader> readers() {
		Map<String, BlobReader> readers = new LinkedHashMap<>();
		for (BlobDestination destination : this.registry.destinations()) {
			if (destination.uploader() instanceof ManagedBlobUploader managed) {
				managed.blobReader().ifPresent((reader) -> readers.putIfAbsent(reader.uriPrefix(), reader));
			}
		}
		return List.copyOf(readers.values());
	}

	private Optional<IndexedBlob> read(BlobReader reader, String entryUri, String traceId) throws IOException {
		Optional<IndexedBlob> cached = this.cache.get(entryUri);
		if (cached != null) {
			return cached;
		}
		Optional<IndexedBlob> entry = Optional.empty();
		Optional<StoredBlob> stored = reader.open(entryUri, null);
		if (stored.isEmpty()) {
			// Listed but gone: not cached, it may be written again.
			return Optional.empty();
		}
		try (StoredBlob blob = stored.get()) {
			String problem = null;
			if (blob.size() > TraceIndexEntries.MAX_ENTRY_BYTES) {
				problem = "over " + TraceIndexEntries.MAX_ENTRY_BYTES + " bytes";
			}
			else {
				try {
					IndexedBlob parsed = TraceIndexEntries.parse(readAll(blob.content()));
					problem = check(reader, parsed, traceId);
					entry = (problem == null) ? Optional.of(parsed) : entry;
				}
				catch (IllegalArgumentException ex) {
					problem = ex.getMessage();
				}
			}
			if (problem != null) {
				long count = this.malformed.incrementAndGet();
				String why = problem;
				malformedLog.warn(() -> "Skipped the malformed trace-index entry " + entryUri + " (" + why + "); "
						+ count + " skipped so far");
			}
		}
		this.cache.put(entryUri, entry);
		return entry;
	}

	private static String check(BlobReader reader, IndexedBlob entry, String traceId) {
		if (!entry.traceId().equals(traceId)) {
			return "it names another trace";
		}
		if (!reader.storageUri(entry.storageUri()).map(entry.storageUri()::equals).orElse(false)) {
			return "it names a blob outside its destination";
		}
		return null;
	}

	private static String readAll(InputStream content) throws IOException {
		byte[] bytes = content.readNBytes(TraceIndexEntries.MAX_ENTRY_BYTES + 1);
		if (bytes.length > TraceIndexEntries.MAX_ENTRY_BYTES) {
			throw new IllegalArgumentException("over " + TraceIndexEntries.MAX_ENTRY_BYTES + " bytes");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	@Override
	public String toString() {
		return "StoreTraceIndex[cached=" + this.cache.size() + "]";
	}

	/**
	 * Parsed entries (or their absence, for malformed ones) by URI, least recently used
	 * out.
	 */
	private static final class EntryCache {

		private final int capacity;

		private final LinkedHashMap<String, Optional<IndexedBlob>> entries;

		EntryCache(int capacity) {
			this.capacity = capacity;
			this.entries = new LinkedHashMap<>(16, 0.75f, true);
		}

		synchronized Optional<IndexedBlob> get(String uri) {
			return this.entries.get(uri);
		}

		synchronized void put(String uri, Optional<IndexedBlob> entry) {
			if (this.capacity == 0) {
				return;
			}
			this.entries.put(uri, entry);
			if (this.entries.size() > this.capacity) {
				this.entries.remove(this.entries.keySet().iterator().next());
			}
		}

		synchronized int size() {
			return this.entries.size();
		}

	}

}
