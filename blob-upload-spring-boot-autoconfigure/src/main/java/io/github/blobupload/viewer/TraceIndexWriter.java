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

import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.BlobUploaders;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import org.jspecify.annotations.Nullable;

/**
 * Writes the {@link StoreTraceIndex trace index}: for every blob accepted (or
 * deduplicated) with a {@value BlobLabels#TRACE_ID} label, a small entry object (no
 * content) next to the blobs of its destination, at
 * {@code <uriPrefix>_index/<traceId>/<spanId>-<objectName>.json}.
 * <p>
 * It is wired into the registry in two ways: it is given each destination's provider
 * uploader ({@link #addDestination}), beside which it puts a small upload engine of its
 * own, made by the {@link EngineFactory} it was created with; and, as a
 * {@link BlobUploadListener}, it hears accepted blobs and offers their entry to that
 * engine. The caller's thread only builds the entry (a few hundred bytes) and offers it;
 * the write happens on the engine's worker. A destination whose uploader cannot be read
 * back gets no index. Each entry records its origin: the span that recorded the blob and
 * the service (the application's name) it was given. Entries are best-effort: one refused
 * or failed is counted and logged by its engine (named {@code trace-index-<use case>}),
 * never retried beyond the engine's attempts.
 */
public final class TraceIndexWriter implements BlobUploadListener, AutoCloseable {

	/** Entries waiting per destination at most; further ones are refused and counted. */
	public static final int MAX_QUEUED_ENTRIES = 1000;

	private final Map<String, Target> targets = new ConcurrentHashMap<>();

	private final EngineFactory engines;

	private final Clock clock;

	private final @Nullable String service;

	/**
	 * Creates a writer whose entries name no service.
	 * @param engines builds the engine that writes each destination's entries
	 */
	public TraceIndexWriter(EngineFactory engines) {
		this(engines, Clock.systemUTC());
	}

	/**
	 * Creates a writer with a clock for the entries' {@code recordedAt}, whose entries
	 * name no service.
	 * @param engines builds the engine that writes each destination's entries
	 * @param clock the clock
	 */
	public TraceIndexWriter(EngineFactory engines, Clock clock) {
		this(engines, clock, null);
	}

	/**
	 * Creates a writer.
	 * @param engines builds the engine that writes each destination's entries
	 * @param clock the clock for the entries' {@code recordedAt}
	 * @param service the name of the application, recorded in each entry as its origin
	 * (cut to 128 characters), or {@code null} when it has none
	 */
	public TraceIndexWriter(EngineFactory engines, Clock clock, @Nullable String service) {
		this.engines = Objects.requireNonNull(engines, "engines must not be null");
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		this.service = TraceIndexEntries.service(service);
	}

	/**
	 * Indexes a destination: notes its provider uploader and starts the engine that
	 * writes its entries through it, if the uploader can be read back. Given a use case
	 * again, the new uploader replaces the old one, whose engine is stopped.
	 * @param useCase the use case, as the registry lists it, such as {@code default} or
	 * {@code chat-input}
	 * @param uploader the destination's provider uploader, before any engine
	 */
	public void addDestination(String useCase, SimpleBlobUploader uploader) {
		uploader.blobReader().ifPresent((reader) -> {
			ManagedBlobUploader engine = this.engines.create("trace-index-" + useCase,
					new IndexEntryUploader(uploader, reader.uriPrefix()), MAX_QUEUED_ENTRIES,
					TraceIndexEntries.MAX_ENTRY_BYTES);
			Target previous = this.targets.put(useCase, new Target(engine, reader));
			if (previous != null) {
				previous.engine().shutdown(Duration.ZERO);
			}
		});
	}

	@Override
	public void onAccepted(String uploader, String uri, Blob blob) {
		index(uploader, uri, blob);
	}

	@Override
	public void onDeduplicated(String uploader, String uri, Blob blob) {
		index(uploader, uri, blob);
	}

	/**
	 * Indexes a blob stored earlier that is now recorded on another span, perhaps of
	 * another trace, without being uploaded again: media that a later call sends again
	 * (from chat memory, say) and that the Spring AI integration recognised, so that the
	 * page of each trace that records it lists it. Like the entries of uploaded blobs,
	 * the entry is written in the background and best-effort.
	 * @param useCase the use case the blob was given to, such as {@code chat.input}; the
	 * default destination's index when the use case has none of its own
	 * @param uri the URI the blob was recorded with
	 * @param contentType its content type
	 * @param size its size in bytes
	 * @param labels the labels of this sighting: {@value BlobLabels#TRACE_ID} and
	 * {@value BlobLabels#SPAN_ID} of the span that records it, and any others to show
	 */
	public void indexRecorded(String useCase, String uri, String contentType, long size, Map<String, String> labels) {
		String key = BlobUploaderRegistry.normalizeUseCase(useCase);
		index(this.targets.containsKey(key) ? key : BlobUploaderRegistry.DEFAULT_USE_CASE, uri, contentType, size,
				labels);
	}

	private void index(String useCase, String uri, Blob blob) {
		index(useCase, uri, blob.contentType(), blob.size(), blob.labels());
	}

	private void index(String useCase, String uri, String contentType, long size, Map<String, String> blobLabels) {
		String traceId = TraceIndexEntries.traceId(blobLabels.get(BlobLabels.TRACE_ID));
		Target target = (traceId != null) ? this.targets.get(useCase) : null;
		if (target == null) {
			return;
		}
		String storageUri = target.reader().storageUri(uri).orElse(null);
		if (storageUri == null) {
			return;
		}
		String spanId = TraceIndexEntries.spanId(blobLabels.get(BlobLabels.SPAN_ID));
		IndexedBlob entry = new IndexedBlob(storageUri, useCase, contentType, size, traceId, spanId,
				TraceIndexEntries.boundedLabels(blobLabels), this.clock.instant(), this.service);
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put(BlobLabels.TRACE_ID, traceId);
		if (spanId != null) {
			labels.put(BlobLabels.SPAN_ID, spanId);
		}
		labels.put(IndexEntryUploader.INDEXED_URI, storageUri);
		target.engine().uploadAsync(new Blob(TraceIndexEntries.toJson(entry), "application/json", labels));
	}

	/**
	 * Returns where the entry of a blob recorded on a span is written, so that an erasure
	 * can delete it with the blob's reference. Does no I/O.
	 * @param readerPrefix the canonical prefix of the blob's destination, ending with
	 * {@code /}
	 * @param traceId the trace id
	 * @param spanId the span id, or {@code null}
	 * @param storageUri the blob's storage URI
	 * @return {@code <readerPrefix>_index/<traceId>/<spanId>-<objectName>.json}, or
	 * {@code null} when the trace id is not one (no entry is written then)
	 */
	public static @Nullable String entryUriOf(String readerPrefix, String traceId, @Nullable String spanId,
			String storageUri) {
		String canonical = TraceIndexEntries.traceId(traceId);
		return (canonical != null)
				? TraceIndexEntries.entryUri(readerPrefix, canonical, TraceIndexEntries.spanId(spanId), storageUri)
				: null;
	}

	/**
	 * Returns the engine writing the entries of a use case, for its statistics.
	 * @param useCase the use case
	 * @return the engine, or {@code null} if the use case has no index
	 */
	public @Nullable ManagedBlobUploader engine(String useCase) {
		Target target = this.targets.get(useCase);
		return (target != null) ? target.engine() : null;
	}

	/**
	 * Waits until every entry offered so far has been written, has failed or has been
	 * dropped.
	 * @param timeout how long to wait at most, for all destinations together
	 * @return whether that happened within the timeout
	 */
	public boolean flush(Duration timeout) {
		return BlobUploaders.flushAll(this.targets.values().stream().map(Target::engine).toList(), timeout);
	}

	/** Writes what is queued (each engine within its shutdown timeout), then stops. */
	@Override
	public void close() {
		this.targets.values().forEach((target) -> target.engine().close());
	}

	@Override
	public String toString() {
		return "TraceIndexWriter" + this.targets.keySet();
	}

	private record Target(ManagedBlobUploader engine, BlobReader reader) {
	}

	/**
	 * Builds the upload engine that writes one destination's entries: the
	 * auto-configuration builds it with the engine the blobs themselves are written with,
	 * so this package does not depend on it.
	 */
	@FunctionalInterface
	public interface EngineFactory {

		/**
		 * Returns a started engine around an uploader of entries, with one worker and the
		 * given bounds, that counts and logs an entry it refuses or fails to write.
		 * @param name the engine's name, {@code trace-index-<use case>}
		 * @param entryUploader writes one entry (its {@code generateDestinationUri} names
		 * where)
		 * @param maxQueuedEntries the most entries waiting at once
		 * @param maxEntryBytes the largest entry, in bytes
		 * @return the engine; the writer offers it entries and closes it
		 */
		ManagedBlobUploader create(String name, SimpleBlobUploader entryUploader, int maxQueuedEntries,
				int maxEntryBytes);

	}

}
