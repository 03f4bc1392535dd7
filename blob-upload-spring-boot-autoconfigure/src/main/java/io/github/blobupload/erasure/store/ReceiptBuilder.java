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

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.Failed;
import io.github.blobupload.erasure.ErasureReceipt.Kept;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;

/**
 * Collects what one erasure did, object by object, and the notes of the stores it deleted
 * from; then builds the receipt. Also collects what the memos must forget: the objects
 * deleted and the traces whose references were removed.
 */
final class ReceiptBuilder {

	private final String kind;

	private final boolean dryRun;

	private final List<String> deleted = new ArrayList<>();

	private final List<Kept> kept = new ArrayList<>();

	private final List<Failed> failed = new ArrayList<>();

	private final Set<String> notes = new LinkedHashSet<>();

	private final Set<String> traceIds = new LinkedHashSet<>();

	ReceiptBuilder(String kind, boolean dryRun) {
		this.kind = kind;
		this.dryRun = dryRun;
	}

	void deleted(String uri) {
		this.deleted.add(uri);
	}

	void kept(String uri, KeptReason reason) {
		this.kept.add(new Kept(uri, reason));
	}

	void failed(String uri, String reason) {
		this.failed.add(new Failed(uri, reason));
	}

	void note(String note) {
		this.notes.add(note);
	}

	void notes(List<String> notes) {
		this.notes.addAll(notes);
	}

	/**
	 * Notes a trace whose references were removed, for the memos of trace pages.
	 * @param traceId the trace id
	 */
	void trace(String traceId) {
		this.traceIds.add(traceId);
	}

	Set<String> deletedUris() {
		return new LinkedHashSet<>(this.deleted);
	}

	Set<String> traceIds() {
		return new LinkedHashSet<>(this.traceIds);
	}

	long keptCount(KeptReason reason) {
		return this.kept.stream().filter((k) -> k.reason() == reason).count();
	}

	ErasureReceipt build(Instant finishedAt) {
		return new ErasureReceipt(this.kind, this.dryRun, this.deleted, this.kept, this.failed, List.copyOf(this.notes),
				finishedAt);
	}

}
