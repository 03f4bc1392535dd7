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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.blobupload.erasure.ReferenceCompanions;
import io.github.blobupload.erasure.ReferenceLayout;
import io.github.blobupload.erasure.ReferenceRecord;

/**
 * Handles one object referenced by the selected content: reads its other references,
 * {@linkplain ObjectDecision decides}, and (unless in a dry run) deletes what the
 * decision says. The object goes first, then each selected reference with its companions,
 * the copy the erasure found it by last: an erasure interrupted at any point finds what
 * is left when run again.
 */
final class ObjectEraser {

	private final List<ReferenceCompanions> companions;

	private final int maxReferences;

	ObjectEraser(List<ReferenceCompanions> companions, int maxReferences) {
		this.companions = companions;
		this.maxReferences = maxReferences;
	}

	/**
	 * Handles an object.
	 * @param destination the store holding it
	 * @param storageUri the object's storage URI
	 * @param selected the selected references to it, found by the selector, by file name
	 * @param selection which references are selected
	 * @param cutoff the start of the grace window
	 * @param dryRun whether to delete nothing
	 * @return the decision, carried out unless in a dry run or kept recent
	 * @throws IOException if storage failed; what was deleted before stays deleted
	 */
	ObjectDecision handle(ErasureDestination destination, String storageUri, Map<String, ReferenceRecord> selected,
			SelectedReferences selection, Instant cutoff, boolean dryRun) throws IOException {
		ReferenceFolder folder = new ReferenceFolder(destination.reader());
		List<String> listed = folder.list(ReferenceLayout.objectFolder(destination.prefix(), storageUri),
				this.maxReferences + 1);
		boolean beyondListing = listed.size() > this.maxReferences;
		List<String> unknown = new ArrayList<>();
		for (String uri : listed.subList(0, Math.min(listed.size(), this.maxReferences))) {
			if (!selected.containsKey(uri.substring(uri.lastIndexOf('/') + 1))) {
				unknown.add(uri);
			}
		}
		Map<String, ReferenceRecord> allSelected = new LinkedHashMap<>(selected);
		List<Instant> others = new ArrayList<>();
		for (ReferenceFolder.Entry entry : folder.read(unknown)) {
			ReferenceRecord record = entry.record();
			if (record == null) {
				// Not a record of this layout: it may stand for a reference, so the
				// object
				// is kept.
				others.add(Instant.EPOCH);
			}
			else if (selection.test(record) && record.storageUri().equals(storageUri)) {
				allSelected.put(entry.name(), record);
			}
			else {
				others.add(record.recordedAt());
			}
		}
		Optional<Instant> lastModified = destination.deleter().lastModified(storageUri);
		ObjectDecision decision = ObjectDecision.of(allSelected.values(), others, beyondListing, lastModified, cutoff);
		if (dryRun || decision == ObjectDecision.KEEP_RECENT) {
			return decision;
		}
		if (decision == ObjectDecision.DELETE) {
			destination.deleter().delete(storageUri);
		}
		for (ReferenceRecord record : allSelected.values()) {
			remove(destination, record, selection);
		}
		return decision;
	}

	/**
	 * Removes a reference: its copy under the object, its companions, its copies under
	 * the other selectors, and last its copy under the selector the erasure found it by.
	 */
	private void remove(ErasureDestination destination, ReferenceRecord record, SelectedReferences selection)
			throws IOException {
		String prefix = destination.prefix();
		List<String> copies = ReferenceLayout.recordUris(prefix, record);
		String found = ReferenceLayout.selectorFolder(prefix, selection.kind(), selection.key());
		List<String> order = new ArrayList<>(copies.size() + 2);
		order.add(copies.get(0));
		for (ReferenceCompanions companion : this.companions) {
			order.addAll(companion.companionsOf(prefix, record));
		}
		copies.stream().skip(1).filter((uri) -> !uri.startsWith(found)).forEach(order::add);
		copies.stream().skip(1).filter((uri) -> uri.startsWith(found)).forEach(order::add);
		delete(destination, order);
	}

	private static void delete(ErasureDestination destination, Collection<String> uris) throws IOException {
		for (String uri : uris) {
			destination.deleter().delete(uri);
		}
	}

}
