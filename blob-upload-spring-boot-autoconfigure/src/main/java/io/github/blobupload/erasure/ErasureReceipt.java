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

package io.github.blobupload.erasure;

import java.time.Instant;
import java.util.List;

/**
 * What an erasure did, or in a dry run would do: each object referenced by the selected
 * content is listed once, as deleted, kept (and why) or failed. Holds storage URIs and
 * reasons, never content.
 *
 * @param kind what was selected ({@code conversation}, {@code trace} or {@code owner})
 * @param dryRun whether nothing was deleted, the receipt saying what a real run would do
 * @param deleted the objects deleted (or that would be), with the selected references
 * @param kept the objects kept, each losing only the selected references
 * @param failed the objects that could not be handled; running the same erasure again
 * retries them
 * @param notes what the deletions leave behind in the stores (such as noncurrent
 * versions), and whether the request was cut at its bound
 * @param finishedAt when the erasure finished
 */
public record ErasureReceipt(String kind, boolean dryRun, List<String> deleted, List<Kept> kept, List<Failed> failed,
		List<String> notes, Instant finishedAt) {

	/**
	 * Copies the lists.
	 * @param kind what was selected
	 * @param dryRun whether nothing was deleted
	 * @param deleted the objects deleted
	 * @param kept the objects kept
	 * @param failed the objects that failed
	 * @param notes the notes
	 * @param finishedAt when the erasure finished
	 */
	public ErasureReceipt {
		deleted = List.copyOf(deleted);
		kept = List.copyOf(kept);
		failed = List.copyOf(failed);
		notes = List.copyOf(notes);
	}

	/**
	 * Returns whether nothing of the selected content is left to erase: nothing failed
	 * and nothing was kept because it was referenced recently. Objects kept because
	 * others still reference them do not make an erasure incomplete.
	 * @return whether the erasure is complete
	 */
	public boolean complete() {
		return this.failed.isEmpty() && this.kept.stream().noneMatch((k) -> k.reason() == KeptReason.RECENT);
	}

	/**
	 * An object kept.
	 *
	 * @param uri its storage URI
	 * @param reason why it was kept
	 */
	public record Kept(String uri, KeptReason reason) {

	}

	/**
	 * An object that could not be handled.
	 *
	 * @param uri its storage URI
	 * @param reason what went wrong, without content or credentials (such as
	 * {@code storage error: S3Exception 403})
	 */
	public record Failed(String uri, String reason) {

	}

	/** Why an object referenced by the selected content was kept. */
	public enum KeptReason {

		/**
		 * Other conversations, traces or owners still reference it: only the selected
		 * references were removed.
		 */
		SHARED,

		/**
		 * It was written or referenced within the grace window, perhaps by a call racing
		 * the erasure: nothing of it was removed; run the erasure again after the window.
		 */
		RECENT

	}

}
