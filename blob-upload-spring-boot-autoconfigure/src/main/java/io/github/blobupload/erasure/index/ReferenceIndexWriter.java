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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobReader;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.BlobUploaders;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.erasure.BlobOwnerResolver;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;
import org.jspecify.annotations.Nullable;

/**
 * Writes the reference index erasure trusts: for every blob accepted or deduplicated
 * whose labels name a trace ({@value BlobLabels#TRACE_ID}), a conversation
 * ({@value #CONVERSATION_LABEL}) or an owner ({@value BlobOwnerResolver#OWNER_LABEL}),
 * one {@link ReferenceRecord} (no content, keys only) written next to the blobs of its
 * destination, under the object and under each selector that finds it (the
 * {@link ReferenceLayout}: up to four small objects).
 * <p>
 * It is wired into the registry in two ways: it is given each destination's provider
 * uploader ({@link #addDestination}), beside which it puts an upload engine of its own,
 * named {@code reference-index-<use case>} and made by the {@link EngineFactory} it was
 * created with; and, as a {@link BlobUploadListener}, it hears the blobs of the
 * destinations' engines and offers their records to its own. Only a destination whose
 * uploader can be both read back and deleted from gets an index: erasure needs both.
 * <p>
 * A record is never dropped without a trace: the engines are built like the blobs' own
 * (retries, parking, bounds, the spool when it is on), so a record refused or failed is
 * counted and logged by its engine as a blob is. The names are deterministic and no
 * record is ever read back to be changed, so that any number of instances can write one
 * store.
 */
public final class ReferenceIndexWriter implements BlobUploadListener, AutoCloseable {

	/**
	 * The label of a blob holding its conversation id: the one the Spring AI integration
	 * sets.
	 */
	public static final String CONVERSATION_LABEL = "gen_ai_conversation_id";

	/** The prefix of the name of each destination's engine. */
	public static final String ENGINE_NAME_PREFIX = "reference-index-";

	private static final String CONTENT_TYPE = "application/json";

	private final Map<String, Target> targets = new ConcurrentHashMap<>();

	private final EngineFactory engines;

	private final ReferenceRecords records;

	/**
	 * Creates a writer.
	 * @param engines builds the engine that writes each destination's records
	 * @param owners how owners are labelled and keyed, and conversation ids keyed
	 * @param clock the clock for each record's {@code recordedAt}
	 * @param service the name of the application, recorded in each record (cut to 128
	 * characters), or {@code null} when it has none
	 */
	public ReferenceIndexWriter(EngineFactory engines, OwnerLabels owners, Clock clock, @Nullable String service) {
		this.engines = Objects.requireNonNull(engines, "engines must not be null");
		this.records = new ReferenceRecords(owners, clock, service);
	}

	/**
	 * Indexes a destination: starts the engine that writes its records through its
	 * provider uploader, if that uploader offers both a reader and a deleter. Given a use
	 * case again, the new uploader replaces the old one, whose engine is closed.
	 * @param useCase the use case, as the registry names its engine, such as
	 * {@code default} or {@code chat-input}
	 * @param uploader the destination's provider uploader, before any engine
	 * @return whether the destination is indexed
	 */
	public boolean addDestination(String useCase, SimpleBlobUploader uploader) {
		BlobReader reader = uploader.blobReader().orElse(null);
		if (reader == null || uploader.blobDeleter().isEmpty()) {
			return false;
		}
		ManagedBlobUploader engine = this.engines.create(ENGINE_NAME_PREFIX + useCase, useCase,
				new ReferenceRecordUploader(uploader, reader.uriPrefix()));
		Target previous = this.targets.put(useCase, new Target(engine, reader));
		if (previous != null) {
			previous.engine().close();
		}
		return true;
	}

	@Override
	public void onAccepted(String uploader, String uri, Blob blob) {
		record(this.targets.get(uploader), uploader, uri, blob.labels());
	}

	@Override
	public void onDeduplicated(String uploader, String uri, Blob blob) {
		record(this.targets.get(uploader), uploader, uri, blob.labels());
	}

	/**
	 * Records a reference to a blob stored earlier that a new span records again without
	 * uploading it: media that a later model call sends again (from chat memory, say) and
	 * that the Spring AI integration recognised.
	 * @param useCase the use case the blob was given to, such as {@code chat.input}; the
	 * default destination's when the use case has none of its own
	 * @param uri the URI the blob was recorded with
	 * @param labels the labels of this sighting: its trace, span, conversation and owner
	 */
	public void recordReused(String useCase, String uri, Map<String, String> labels) {
		String key = BlobUploaderRegistry.normalizeUseCase(useCase);
		if (!this.targets.containsKey(key)) {
			key = BlobUploaderRegistry.DEFAULT_USE_CASE;
		}
		record(this.targets.get(key), key, uri, labels);
	}

	private void record(@Nullable Target target, String useCase, String uri, Map<String, String> labels) {
		if (target == null) {
			return;
		}
		String storageUri = target.reader().storageUri(uri).orElse(null);
		if (storageUri == null) {
			return;
		}
		ReferenceRecord record = this.records.of(storageUri, useCase, labels);
		if (record == null) {
			return;
		}
		byte[] json = ReferenceLayout.toJson(record);
		for (String recordUri : ReferenceLayout.recordUris(target.reader().uriPrefix(), record)) {
			target.engine()
				.uploadAsync(new Blob(json, CONTENT_TYPE, Map.of(ReferenceRecordUploader.RECORD_URI, recordUri)));
		}
	}

	/**
	 * Returns the engines writing the records, by use case, for their statistics.
	 * @return the engines, an unmodifiable snapshot in the order of the use cases' names
	 */
	public Map<String, ManagedBlobUploader> engines() {
		Map<String, ManagedBlobUploader> engines = new TreeMap<>();
		this.targets.forEach((useCase, target) -> engines.put(useCase, target.engine()));
		return Collections.unmodifiableMap(engines);
	}

	/**
	 * Returns the engines writing the records as destinations, for health details and
	 * meters: each named {@code reference-index-<use case>}, with the folder of the
	 * index.
	 * @return the destinations, in the order of the use cases' names
	 */
	public List<BlobDestination> destinations() {
		List<BlobDestination> destinations = new ArrayList<>();
		new TreeMap<>(this.targets)
			.forEach((useCase, target) -> destinations.add(new BlobDestination(target.engine().name(),
					target.reader().uriPrefix() + ReferenceLayout.FOLDER + "/", target.engine())));
		return destinations;
	}

	/**
	 * Waits until every record offered so far has been written, has failed or has been
	 * refused: erasure calls it before it lists the index.
	 * @param timeout how long to wait at most, for all destinations together
	 * @return whether that happened within the timeout
	 */
	public boolean flush(Duration timeout) {
		return BlobUploaders.flushAll(this.targets.values().stream().map(Target::engine).toList(), timeout);
	}

	/**
	 * Writes what is queued, then stops: every engine at once, each within its shutdown
	 * timeout (with the spool on, what is left stays in it for the next start). Harmless
	 * when repeated.
	 */
	@Override
	public void close() {
		List<Thread> closing = new ArrayList<>();
		for (Target target : this.targets.values()) {
			// One thread per engine: one after the other, the later ones would get
			// only what the earlier ones left of the time.
			Thread thread = new Thread(target.engine()::close, target.engine().name() + "-close");
			thread.start();
			closing.add(thread);
		}
		boolean interrupted = false;
		for (Thread thread : closing) {
			while (thread.isAlive()) {
				try {
					thread.join();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
		}
		if (interrupted) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public String toString() {
		return "ReferenceIndexWriter" + engines().keySet();
	}

	private record Target(ManagedBlobUploader engine, BlobReader reader) {
	}

	/**
	 * Builds the upload engine that writes one destination's records: the
	 * auto-configuration builds it with the engine and the settings the blobs themselves
	 * are written with, so this package depends on neither.
	 */
	@FunctionalInterface
	public interface EngineFactory {

		/**
		 * Returns a started engine around an uploader of records, that counts and logs a
		 * record it refuses or fails to write as the blobs' engines do.
		 * @param name the engine's name, {@code reference-index-<use case>}
		 * @param useCase the use case whose records it writes (for a spool folder of its
		 * own)
		 * @param recordUploader writes one record (its {@code generateDestinationUri}
		 * names where)
		 * @return the engine; the writer offers it records and closes it
		 */
		ManagedBlobUploader create(String name, String useCase, SimpleBlobUploader recordUploader);

	}

}
