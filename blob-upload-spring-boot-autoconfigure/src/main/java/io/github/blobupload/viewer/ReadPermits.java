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

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;

/**
 * The reads the viewer makes at once, bounded per destination so that readers never take
 * the storage connections uploads need: a request that reads a destination (raw bytes, a
 * blob page) takes one of its permits, a trace page (which lists every destination) one
 * of each, and a request that finds none free is refused at once rather than queued.
 */
final class ReadPermits {

	private final Map<String, Semaphore> byUseCase = new LinkedHashMap<>();

	/**
	 * Creates the permits.
	 * @param useCases the destinations the viewer reads
	 * @param maxConcurrentReads the most reads of one destination at once
	 * @throws IllegalArgumentException if {@code maxConcurrentReads} is not positive
	 */
	ReadPermits(List<String> useCases, int maxConcurrentReads) {
		if (maxConcurrentReads < 1) {
			throw new IllegalArgumentException("maxConcurrentReads must be at least 1, but was " + maxConcurrentReads);
		}
		for (String useCase : useCases) {
			this.byUseCase.put(useCase, new Semaphore(maxConcurrentReads));
		}
	}

	/**
	 * Takes a permit to read one destination, without waiting.
	 * @param useCase the destination
	 * @return the permit, to close when the read is over; {@code null} when the
	 * destination is read by as many requests as allowed
	 */
	@Nullable Permit tryAcquire(String useCase) {
		Semaphore semaphore = this.byUseCase.get(useCase);
		return (semaphore != null) ? tryAcquire(List.of(semaphore)) : Permit.NONE;
	}

	/**
	 * Takes a permit of every destination, without waiting, as a trace page reads them
	 * all.
	 * @return the permit, to close when the page is written; {@code null} when any
	 * destination is read by as many requests as allowed
	 */
	@Nullable Permit tryAcquireAll() {
		return tryAcquire(List.copyOf(this.byUseCase.values()));
	}

	private static @Nullable Permit tryAcquire(List<Semaphore> semaphores) {
		List<Semaphore> taken = new ArrayList<>(semaphores.size());
		for (Semaphore semaphore : semaphores) {
			if (!semaphore.tryAcquire()) {
				taken.forEach(Semaphore::release);
				return null;
			}
			taken.add(semaphore);
		}
		return new Permit(taken);
	}

	/** Permits taken for one request, given back once on {@link #close()}. */
	static final class Permit implements AutoCloseable {

		static final Permit NONE = new Permit(List.of());

		private final List<Semaphore> semaphores;

		private boolean closed;

		private Permit(List<Semaphore> semaphores) {
			this.semaphores = semaphores;
		}

		@Override
		public void close() {
			// NONE, shared by every request, holds nothing and never changes.
			if (!this.semaphores.isEmpty() && !this.closed) {
				this.closed = true;
				this.semaphores.forEach(Semaphore::release);
			}
		}

	}

}
