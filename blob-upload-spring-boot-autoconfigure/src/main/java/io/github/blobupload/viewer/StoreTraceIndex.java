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
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiPredicate;

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.StoredBlob;
import io.github.blobupload.internal.RateLimitedLogger;
import org.jspecify.annotations.Nullable;
import org.slf4j.LoggerFactory;

/**
 * The {@link TraceIndex} kept in storage by a {@link TraceIndexWriter}: finds a trace by
 * listing {@code <uriPrefix>_index/<traceId>/} in every destination of the registry that
 * can be read back, and opening each entry it has not read before.
 * <p>
 * Cost of a lookup: one list request per readable destination, plus one read per entry
 * not yet in the cache. The cache holds up to {@code cacheSize} parsed entries (no
 * content; one to two kilobytes of heap each as the writer makes them, up to some 30 KB
 * for the largest entry read), and no more than {@value #CACHE_BYTES_PER_ENTRY} bytes per
 * entry on average as it estimates their size, so large entries take the place of
 * several; least recently used first out. Entries never change once written, so a cached
 * one is never stale, and new entries of a trace still being recorded show on the next
 * lookup. Malformed entries (unknown format, over
 * {@value TraceIndexEntries#MAX_ENTRY_BYTES} bytes, naming another trace or a blob
 * outside their destination) are skipped, counted and logged at most once per minute.
 */
public final class StoreTraceIndex implements TraceIndex {

	/** The default number of entries cached. */
	public static final int DEFAULT_CACHE_SIZE = 10_000;

	/**
	 * The heap the cache may hold per entry of {@code cacheSize}, on average: larger
	 * entries leave room for fewer.
	 */
	public static final int CACHE_BYTES_PER_ENTRY = 3 * 1024;

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
		this.cache = new EntryCache(cacheSize, (long) cacheSize * CACHE_BYTES_PER_ENTRY);
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
	 * Drops the cached entries of the given traces, so that their pages read the index
	 * again (what to call once their entries were erased) and the heap no longer holds
	 * their labels.
	 * @param traceIds the trace ids
	 */
	public void forget(Collection<String> traceIds) {
		Set<String> traces = new HashSet<>();
		for (String traceId : traceIds) {
			String canonical = TraceIndexEntries.traceId(traceId);
			if (canonical != null) {
				traces.add(canonical);
			}
		}
		if (!traces.isEmpty()) {
			this.cache.removeIf((uri, entry) -> entry.map((blob) -> traces.contains(blob.traceId()))
				.orElseGet(() -> traces.stream().anyMatch((trace) -> uri.contains(folder(trace)))));
		}
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

	/** The part of an entry's URI that names its trace's folder. */
	private static String folder(String traceId) {
		return TraceIndexEntries.folderUri("", traceId);
	}

	private static String readAll(InputStream content) throws IOException {
		byte[] bytes = content.readNBytes(TraceIndexEntries.MAX_ENTRY_BYTES + 1);
		if (bytes.length > TraceIndexEntries.MAX_ENTRY_BYTES) {
			throw new IllegalArgumentException("over " + TraceIndexEntries.MAX_ENTRY_BYTES + " bytes");
		}
		return new String(bytes, StandardCharsets.UTF_8);
	}

	/**
	 * Returns the heap the cached entries take, as the cache estimates it.
	 * @return the estimate, in bytes
	 */
	long cachedBytes() {
		return this.cache.bytes();
	}

	@Override
	public String toString() {
		return "StoreTraceIndex[cached=" + this.cache.size() + "]";
	}

	/**
	 * Parsed entries (or their absence, for malformed ones) by URI, least recently used
	 * out when there are more than {@code capacity} or they weigh more than
	 * {@code maxBytes}.
	 */
	private static final class EntryCache {

		/** A string's header, fields and array header, roughly, on a 64-bit JVM. */
		private static final int STRING_OVERHEAD = 48;

		/** The cache's node, the record, its instant, optional and label map, roughly. */
		private static final int ENTRY_OVERHEAD = 320;

		/** A label's map node, roughly. */
		private static final int LABEL_OVERHEAD = 64;

		private final int capacity;

		private final long maxBytes;

		private final LinkedHashMap<String, Weighed> entries;

		private long bytes;

		EntryCache(int capacity, long maxBytes) {
			this.capacity = capacity;
			this.maxBytes = maxBytes;
			this.entries = new LinkedHashMap<>(16, 0.75f, true);
		}

		synchronized @Nullable Optional<IndexedBlob> get(String uri) {
			Weighed cached = this.entries.get(uri);
			return (cached != null) ? cached.entry() : null;
		}

		synchronized void put(String uri, Optional<IndexedBlob> entry) {
			long weight = weight(uri, entry);
			if (this.capacity == 0 || weight > this.maxBytes) {
				return;
			}
			Weighed previous = this.entries.put(uri, new Weighed(entry, weight));
			this.bytes += weight - ((previous != null) ? previous.weight() : 0);
			Iterator<Weighed> eldest = this.entries.values().iterator();
			while (this.entries.size() > this.capacity || this.bytes > this.maxBytes) {
				this.bytes -= eldest.next().weight();
				eldest.remove();
			}
		}

		synchronized void removeIf(BiPredicate<String, Optional<IndexedBlob>> condition) {
			Iterator<Map.Entry<String, Weighed>> entries = this.entries.entrySet().iterator();
			while (entries.hasNext()) {
				Map.Entry<String, Weighed> next = entries.next();
				if (condition.test(next.getKey(), next.getValue().entry())) {
					this.bytes -= next.getValue().weight();
					entries.remove();
				}
			}
		}

		synchronized int size() {
			return this.entries.size();
		}

		synchronized long bytes() {
			return this.bytes;
		}

		/**
		 * Estimates the heap an entry takes, counting two bytes per character (strings of
		 * other than Latin-1 characters take that much).
		 */
		private static long weight(String uri, Optional<IndexedBlob> entry) {
			long weight = ENTRY_OVERHEAD + weight(uri);
			if (entry.isPresent()) {
				IndexedBlob blob = entry.get();
				weight += weight(blob.storageUri()) + weight(blob.useCase()) + weight(blob.contentType())
						+ weight(blob.traceId()) + ((blob.spanId() != null) ? weight(blob.spanId()) : 0)
						+ ((blob.service() != null) ? weight(blob.service()) : 0);
				for (Map.Entry<String, String> label : blob.labels().entrySet()) {
					weight += LABEL_OVERHEAD + weight(label.getKey()) + weight(label.getValue());
				}
			}
			return weight;
		}

		private static long weight(String text) {
			return STRING_OVERHEAD + 2L * text.length();
		}

		/** A cached entry and its weight. */
		private record Weighed(Optional<IndexedBlob> entry, long weight) {
		}

	}

}
