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

package io.github.blobupload.autoconfigure.erasure;

import java.util.List;

import io.github.blobupload.erasure.index.ReferenceIndexWriter;
import io.github.blobupload.autoconfigure.ShutdownStep;

import org.springframework.context.SmartLifecycle;

/**
 * Closes the {@link ReferenceIndexWriter} beans when the application context stops: just
 * after the upload registries (whose engines still report blobs, and so add records,
 * while they flush), and before any bean is destroyed, so that the storage clients the
 * records are written with are still open. With the spool on, records not yet written
 * stay in it for the next start.
 */
final class ReferenceIndexLifecycle extends ShutdownStep {

	/**
	 * The phase: one below the upload registries' lifecycle
	 * ({@code DEFAULT_PHASE - 4096}), so stopped just after it.
	 */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4097;

	private final List<ReferenceIndexWriter> writers;

	ReferenceIndexLifecycle(List<ReferenceIndexWriter> writers) {
		super(PHASE);
		this.writers = List.copyOf(writers);
	}

	@Override
	protected void onStop() {
		this.writers.forEach(ReferenceIndexWriter::close);
	}

}
