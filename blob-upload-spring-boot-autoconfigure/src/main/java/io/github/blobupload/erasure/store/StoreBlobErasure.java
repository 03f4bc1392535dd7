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
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.github.blobupload.BlobDeleter;
import io.github.blobupload.erasure.BlobErasure;
import io.github.blobupload.erasure.ErasureListener;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;
import io.github.blobupload.erasure.ErasureSelector;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Erases through the reference index each destination keeps next to its blobs
 * ({@link ReferenceLayout}), deleting with each destination's {@link BlobDeleter}:
 * <ol>
 * <li>tells every {@link ErasureListener} what is selected, so that blobs of the selected
 * content still waiting to be written are dropped; then waits (bounded) for the index
 * writer to write what it holds;</li>
 * <li>lists the selected references in each destination (by trace, only those recorded by
 * this application's service);</li>
 * <li>for each object they reference, reads its other references: an object written or
 * referenced within the grace period is kept whole ({@link KeptReason#RECENT}); one that
 * others still reference loses only the selected references and their companions
 * ({@link KeptReason#SHARED}); any other object is deleted, then its selected references
 * and their companions;</li>
 * <li>tells every listener what was deleted, so that memos forget it.</li>
 * </ol>
 * A dry run lists and decides the same way, deletes nothing and tells no listener. The
 * receipt's notes are what the stores say their deletions leave behind (such as
 * noncurrent versions), for each store that deleted (or in a dry run would delete)
 * anything. Storage faults never escape: each object that could not be handled is in the
 * receipt's failures, by exception class and status; running the same erasure again
 * retries it. An object already gone whose references remain is counted as deleted once
 * its references are removed. One erasure runs at a time per instance; others wait.
 * <p>
 * An erasure handles at most {@code maxReferences} selected references. One cut there has
 * a failure naming the selector's folder of the destination it stopped in (so
 * {@link ErasureReceipt#complete()} is {@code false}) and a note; running it again goes
 * on with what is left.
 */
public final class StoreBlobErasure implements BlobErasure {

	/** Default grace period. */
	public static final Duration DEFAULT_GRACE_PERIOD = Duration.ofMinutes(15);

	/** Default most references one erasure handles. */
	public static final int DEFAULT_MAX_REFERENCES = 10_000;

	/** How long an erasure waits for the reference index to be written. */
	public static final Duration INDEX_FLUSH_TIMEOUT = Duration.ofSeconds(10);

	private static final Logger logger = LoggerFactory.getLogger(StoreBlobErasure.class);

	private final List<ErasureDestination> destinations;

	private final OwnerLabels ownerLabels;

	private final @Nullable String service;

	private final Duration gracePeriod;

	private final Clock clock;

	private final List<ErasureListener> listeners;

	private final int maxReferences;

	private final Predicate<Duration> indexFlush;

	private final Consumer<ErasureReceipt> receipts;

	private final ObjectEraser eraser;

	private final ReentrantLock lock = new ReentrantLock();

	StoreBlobErasure(StoreBlobErasureBuilder builder) {
		this.destinations = List.copyOf(builder.destinations.values());
		this.ownerLabels = Objects.requireNonNull(builder.ownerLabels, "ownerLabels must be set");
		this.service = builder.service;
		this.gracePeriod = builder.gracePeriod;
		this.clock = builder.clock;
		this.listeners = List.copyOf(builder.listeners);
		this.maxReferences = builder.maxReferences;
		this.indexFlush = builder.indexFlush;
		this.receipts = builder.receipts;
		this.eraser = new ObjectEraser(List.copyOf(builder.companions), builder.maxReferences);
	}

	/**
	 * Returns a builder.
	 * @return a new builder
	 */
	public static StoreBlobErasureBuilder builder() {
		return new StoreBlobErasureBuilder();
	}

	@Override
	public ErasureReceipt erase(ErasureSelector selector, boolean dryRun) {
		Objects.requireNonNull(selector, "selector must not be null");
		SelectedReferences selection = new SelectedReferences(selector, this.ownerLabels, this.service);
		this.lock.lock();
		try {
			ReceiptBuilder receipt = new ReceiptBuilder(selector.kind().label(), dryRun);
			if (!dryRun) {
				this.listeners.forEach((listener) -> tell(listener, (l) -> l.beforeErasure(selection.labels())));
			}
			if (!flushIndex()) {
				receipt.note("The reference index had not written every reference within " + INDEX_FLUSH_TIMEOUT
						+ ": references recorded just now may be missing; run the erasure again later.");
			}
			Instant cutoff = this.clock.instant().minus(this.gracePeriod);
			eraseIn(selection, cutoff, dryRun, receipt);
			ErasureReceipt result = receipt.build(this.clock.instant());
			if (!dryRun && (!result.deleted().isEmpty() || !receipt.traceIds().isEmpty())) {
				Set<String> deleted = receipt.deletedUris();
				Set<String> traces = receipt.traceIds();
				this.listeners.forEach((listener) -> tell(listener, (l) -> l.onErased(deleted, traces)));
			}
			log(result, receipt);
			try {
				this.receipts.accept(result);
			}
			catch (RuntimeException ex) {
				logger.warn("Erasure: a receipt listener failed ({})", ex.getClass().getSimpleName());
			}
			return result;
		}
		finally {
			this.lock.unlock();
		}
	}

	private void eraseIn(SelectedReferences selection, Instant cutoff, boolean dryRun, ReceiptBuilder receipt) {
		Set<String> seen = new HashSet<>();
		int remaining = this.maxReferences;
		for (ErasureDestination destination : this.destinations) {
			String folderUri = ReferenceLayout.selectorFolder(destination.prefix(), selection.kind(), selection.key());
			if (remaining == 0) {
				cut(receipt, folderUri);
				return;
			}
			ReferenceFolder folder = new ReferenceFolder(destination.reader());
			List<String> listed;
			try {
				listed = folder.list(folderUri, remaining + 1);
			}
			catch (IOException | RuntimeException ex) {
				receipt.failed(folderUri, StorageFaults.reason(ex));
				continue;
			}
			boolean cut = listed.size() > remaining;
			List<String> taken = listed.subList(0, Math.min(listed.size(), remaining));
			remaining -= taken.size();
			Map<String, Map<String, ReferenceRecord>> byObject = selectedByObject(folder, taken, selection, receipt);
			boolean deletedHere = false;
			for (Map.Entry<String, Map<String, ReferenceRecord>> object : byObject.entrySet()) {
				String uri = object.getKey();
				if (seen.add(uri)) {
					deletedHere |= handle(destination, uri, object.getValue(), selection, cutoff, dryRun, receipt);
				}
			}
			if (deletedHere) {
				receipt.notes(destination.deleter().residualCopies());
			}
			if (cut) {
				cut(receipt, folderUri);
				return;
			}
		}
	}

	private Map<String, Map<String, ReferenceRecord>> selectedByObject(ReferenceFolder folder, List<String> uris,
			SelectedReferences selection, ReceiptBuilder receipt) {
		Map<String, Map<String, ReferenceRecord>> byObject = new LinkedHashMap<>();
		for (String uri : uris) {
			List<ReferenceFolder.Entry> entries;
			try {
				entries = folder.read(List.of(uri));
			}
			catch (IOException | RuntimeException ex) {
				receipt.failed(uri, StorageFaults.reason(ex));
				continue;
			}
			for (ReferenceFolder.Entry entry : entries) {
				ReferenceRecord record = entry.record();
				if (record == null) {
					receipt.failed(entry.uri(), "not a reference record");
				}
				else if (selection.test(record)) {
					byObject.computeIfAbsent(record.storageUri(), (key) -> new LinkedHashMap<>())
						.put(entry.name(), record);
				}
			}
		}
		return byObject;
	}

	/**
	 * Handles one object, noting the outcome.
	 * @return whether anything was (or, in a dry run, would be) deleted from its store,
	 * so that the receipt carries what its deletions leave behind
	 */
	private boolean handle(ErasureDestination destination, String uri, Map<String, ReferenceRecord> selected,
			SelectedReferences selection, Instant cutoff, boolean dryRun, ReceiptBuilder receipt) {
		ObjectDecision decision;
		try {
			decision = this.eraser.handle(destination, uri, selected, selection, cutoff, dryRun);
		}
		catch (IOException | RuntimeException ex) {
			receipt.failed(uri, StorageFaults.reason(ex));
			return !dryRun;
		}
		switch (decision) {
			case DELETE -> receipt.deleted(uri);
			case KEEP_SHARED -> receipt.kept(uri, KeptReason.SHARED);
			case KEEP_RECENT -> receipt.kept(uri, KeptReason.RECENT);
		}
		if (decision != ObjectDecision.KEEP_RECENT) {
			selected.values().stream().map(ReferenceRecord::traceId).filter(Objects::nonNull).forEach(receipt::trace);
		}
		return decision != ObjectDecision.KEEP_RECENT;
	}

	private void cut(ReceiptBuilder receipt, String folderUri) {
		receipt.failed(folderUri, "cut at " + this.maxReferences + " references; run the erasure again to go on");
		receipt.note("This erasure stopped after " + this.maxReferences
				+ " references (its bound): run it again to erase the rest.");
	}

	private boolean flushIndex() {
		try {
			return this.indexFlush.test(INDEX_FLUSH_TIMEOUT);
		}
		catch (RuntimeException ex) {
			logger.warn("Erasure: the reference index could not be flushed ({})", ex.getClass().getSimpleName());
			return false;
		}
	}

	private static void tell(ErasureListener listener, Consumer<ErasureListener> call) {
		try {
			call.accept(listener);
		}
		catch (RuntimeException ex) {
			logger.warn("Erasure: listener {} failed ({})", listener.getClass().getName(),
					ex.getClass().getSimpleName());
		}
	}

	private static void log(ErasureReceipt result, ReceiptBuilder receipt) {
		if (logger.isInfoEnabled()) {
			logger.info("Erasure by {}{}: {} deleted, {} kept shared, {} kept recent, {} failed; {}", result.kind(),
					result.dryRun() ? " (dry run)" : "", result.deleted().size(), receipt.keptCount(KeptReason.SHARED),
					receipt.keptCount(KeptReason.RECENT), result.failed().size(),
					result.complete() ? "complete" : "incomplete, run it again");
		}
	}

	@Override
	public String toString() {
		return "StoreBlobErasure[destinations=" + this.destinations.size() + ", gracePeriod=" + this.gracePeriod + "]";
	}

}
