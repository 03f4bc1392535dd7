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

package io.github.blobupload.actuate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.ErasureReceipt.KeptReason;
import io.github.blobupload.erasure.ErasureSelector;

/**
 * Counts erasures from their receipts, for metrics and health: objects by outcome
 * ({@code erased}, {@code kept_shared}, {@code kept_recent}, {@code failed}; real runs
 * only, a dry run deletes nothing) and requests by kind, dry run and completeness, dry
 * runs included; and keeps the last receipt's counts. Holds no URI or selector value.
 * Hand it every receipt (it is a {@link Consumer} of them).
 */
public final class BlobErasureTally implements Consumer<ErasureReceipt> {

	/** The outcomes objects are counted by. */
	public static final List<String> OUTCOMES = List.of("erased", "kept_shared", "kept_recent", "failed");

	private final Map<String, LongAdder> objects = new LinkedHashMap<>();

	private final Map<String, LongAdder> requests = new LinkedHashMap<>();

	private final AtomicReference<Summary> last = new AtomicReference<>();

	/** Creates a tally with every count at zero. */
	public BlobErasureTally() {
		for (String kind : kinds()) {
			for (String outcome : OUTCOMES) {
				this.objects.put(kind + "/" + outcome, new LongAdder());
			}
			for (boolean dryRun : new boolean[] { false, true }) {
				for (boolean complete : new boolean[] { false, true }) {
					this.requests.put(requestKey(kind, dryRun, complete), new LongAdder());
				}
			}
		}
	}

	/**
	 * Returns the kinds of erasure, as receipts and tags name them.
	 * @return {@code conversation}, {@code trace}, {@code owner}
	 */
	public static List<String> kinds() {
		return List.of(ErasureSelector.Kind.values()).stream().map(ErasureSelector.Kind::label).toList();
	}

	/**
	 * Counts a receipt.
	 * @param receipt what an erasure did
	 */
	@Override
	public void accept(ErasureReceipt receipt) {
		Summary summary = Summary.of(receipt);
		LongAdder request = this.requests.get(requestKey(receipt.kind(), receipt.dryRun(), receipt.complete()));
		if (request == null) {
			return;
		}
		if (!receipt.dryRun()) {
			add(receipt.kind(), "erased", summary.deleted());
			add(receipt.kind(), "kept_shared", summary.keptShared());
			add(receipt.kind(), "kept_recent", summary.keptRecent());
			add(receipt.kind(), "failed", summary.failed());
		}
		request.increment();
		this.last.set(summary);
	}

	private void add(String kind, String outcome, long count) {
		this.objects.get(kind + "/" + outcome).add(count);
	}

	/**
	 * Returns how many objects real erasures of a kind handled with an outcome.
	 * @param kind {@code conversation}, {@code trace} or {@code owner}
	 * @param outcome one of {@link #OUTCOMES}
	 * @return the count
	 */
	public long objects(String kind, String outcome) {
		LongAdder count = this.objects.get(kind + "/" + outcome);
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Returns how many erasures of a kind ran.
	 * @param kind {@code conversation}, {@code trace} or {@code owner}
	 * @param dryRun whether they were dry runs
	 * @param complete whether they were complete
	 * @return the count
	 */
	public long requests(String kind, boolean dryRun, boolean complete) {
		LongAdder count = this.requests.get(requestKey(kind, dryRun, complete));
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Returns the counts of the last erasure.
	 * @return the summary, or empty before the first erasure
	 */
	public Optional<Summary> lastErasure() {
		return Optional.ofNullable(this.last.get());
	}

	private static String requestKey(String kind, boolean dryRun, boolean complete) {
		return kind + "/" + dryRun + "/" + complete;
	}

	/**
	 * The counts of one erasure, without its URIs.
	 *
	 * @param finishedAt when it finished, ISO-8601
	 * @param kind {@code conversation}, {@code trace} or {@code owner}
	 * @param dryRun whether it was a dry run
	 * @param complete whether it was complete
	 * @param deleted objects deleted (or that would be)
	 * @param keptShared objects kept because others reference them
	 * @param keptRecent objects kept because of the grace window
	 * @param failed objects (and folders) that could not be handled
	 */
	public record Summary(String finishedAt, String kind, boolean dryRun, boolean complete, long deleted,
			long keptShared, long keptRecent, long failed) {

		static Summary of(ErasureReceipt receipt) {
			return new Summary(receipt.finishedAt().toString(), receipt.kind(), receipt.dryRun(), receipt.complete(),
					receipt.deleted().size(), kept(receipt, KeptReason.SHARED), kept(receipt, KeptReason.RECENT),
					receipt.failed().size());
		}

		private static long kept(ErasureReceipt receipt, KeptReason reason) {
			return receipt.kept().stream().filter((kept) -> kept.reason() == reason).count();
		}

		/**
		 * Returns the summary as health details.
		 * @return the details, in a stable order
		 */
		public Map<String, Object> details() {
			Map<String, Object> details = new LinkedHashMap<>();
			details.put("finishedAt", this.finishedAt);
			details.put("kind", this.kind);
			details.put("dryRun", this.dryRun);
			details.put("deleted", this.deleted);
			details.put("keptShared", this.keptShared);
			details.put("keptRecent", this.keptRecent);
			details.put("failed", this.failed);
			details.put("complete", this.complete);
			return details;
		}

	}

}
