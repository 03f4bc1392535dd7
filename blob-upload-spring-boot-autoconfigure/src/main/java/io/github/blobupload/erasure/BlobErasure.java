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

/**
 * Erases stored content on request: every object whose every reference belongs to the
 * selected conversation, trace or owner is deleted (media, GenAI reference files, their
 * trace-index and reference-index entries); objects others still reference are kept and
 * lose only the selected references; objects written or referenced within the grace
 * window are kept whole, so that a call racing the erasure never records a URI to
 * nothing. Running the same erasure again is harmless, and completes one cut short by an
 * outage.
 * <p>
 * Blocks the calling thread while it lists and deletes. Never throws for a storage fault:
 * each object that could not be handled is in the receipt's
 * {@link ErasureReceipt#failed()}.
 */
@FunctionalInterface
public interface BlobErasure {

	/**
	 * Erases the selected content, or says what would be erased.
	 * @param selector what to erase
	 * @param dryRun {@code true} to delete nothing and return what a real run would do
	 * @return the receipt
	 */
	ErasureReceipt erase(ErasureSelector selector, boolean dryRun);

}
