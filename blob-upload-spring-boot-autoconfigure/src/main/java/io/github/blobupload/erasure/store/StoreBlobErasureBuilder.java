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

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Predicate;

import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobReader;
import io.github.blobupload.erasure.ErasureListener;
import io.github.blobupload.erasure.ErasureReceipt;
import io.github.blobupload.erasure.OwnerLabels;
import io.github.blobupload.erasure.ReferenceCompanions;
import org.jspecify.annotations.Nullable;

/**
 * Builds a {@link StoreBlobErasure}: its destinations, owner labels, application, grace
 * period, clock, listeners, companions, bound, index flush and receipt consumer.
 */
public final class StoreBlobErasureBuilder {

	final Map<String, ErasureDestination> destinations = new LinkedHashMap<>();

	@Nullable OwnerLabels ownerLabels;

	@Nullable String service;

	Duration gracePeriod = StoreBlobErasure.DEFAULT_GRACE_PERIOD;

	Clock clock = Clock.systemUTC();

	final List<ErasureListener> listeners = new ArrayList<>();

	final List<ReferenceCompanions> companions = new ArrayList<>();

	int maxReferences = StoreBlobErasure.DEFAULT_MAX_REFERENCES;

	Predicate<Duration> indexFlush = (timeout) -> true;

	Consumer<ErasureReceipt> receipts = (receipt) -> {
	};

	StoreBlobErasureBuilder() {
	}

	/**
	 * Adds a store to erase in. Use cases sharing a store (the same reader prefix) are
	 * one destination: it is listed once.
	 * @param useCases the use cases it serves
	 * @param reader its reader, listing its reference index
	 * @param deleter its deleter, under the same prefix
	 * @return this builder
	 * @throws IllegalArgumentException if the deleter's prefix is not the reader's
	 */
	public StoreBlobErasureBuilder destination(Collection<String> useCases, BlobReader reader, BlobDeleter deleter) {
		Objects.requireNonNull(useCases, "useCases must not be null");
		Objects.requireNonNull(reader, "reader must not be null");
		Objects.requireNonNull(deleter, "deleter must not be null");
		if (!reader.uriPrefix().equals(deleter.uriPrefix())) {
			throw new IllegalArgumentException("deleter must delete under its reader's prefix");
		}
		this.destinations.merge(reader.uriPrefix(), new ErasureDestination(List.copyOf(useCases), reader, deleter),
				(old, added) -> {
					List<String> all = new ArrayList<>(old.useCases());
					added.useCases().stream().filter((useCase) -> !all.contains(useCase)).forEach(all::add);
					return new ErasureDestination(all, old.reader(), old.deleter());
				});
		return this;
	}

	/**
	 * Sets how owners and conversations are keyed in the index. Required.
	 * @param ownerLabels the owner labels
	 * @return this builder
	 */
	public StoreBlobErasureBuilder ownerLabels(OwnerLabels ownerLabels) {
		this.ownerLabels = Objects.requireNonNull(ownerLabels, "ownerLabels must not be null");
		return this;
	}

	/**
	 * Sets this application's name: an erasure by trace removes only the references it
	 * recorded.
	 * @param service the application's name ({@code spring.application.name}), or
	 * {@code null} when it has none
	 * @return this builder
	 */
	public StoreBlobErasureBuilder service(@Nullable String service) {
		this.service = service;
		return this;
	}

	/**
	 * Sets the grace period: objects written or referenced more recently are kept.
	 * @param gracePeriod the period, positive
	 * @return this builder
	 * @throws IllegalArgumentException if it is not positive
	 */
	public StoreBlobErasureBuilder gracePeriod(Duration gracePeriod) {
		Objects.requireNonNull(gracePeriod, "gracePeriod must not be null");
		if (gracePeriod.isNegative() || gracePeriod.isZero()) {
			throw new IllegalArgumentException("gracePeriod must be positive but was " + gracePeriod);
		}
		this.gracePeriod = gracePeriod;
		return this;
	}

	/**
	 * Sets where time comes from.
	 * @param clock the clock
	 * @return this builder
	 */
	public StoreBlobErasureBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock must not be null");
		return this;
	}

	/**
	 * Adds listeners, told before and after each erasure that is not a dry run.
	 * @param listeners the listeners
	 * @return this builder
	 */
	public StoreBlobErasureBuilder listeners(Collection<? extends ErasureListener> listeners) {
		listeners.forEach(
				(listener) -> this.listeners.add(Objects.requireNonNull(listener, "listeners must not contain null")));
		return this;
	}

	/**
	 * Adds what names the objects written about a reference, deleted with it.
	 * @param companions the companions
	 * @return this builder
	 */
	public StoreBlobErasureBuilder companions(Collection<? extends ReferenceCompanions> companions) {
		companions.forEach((companion) -> this.companions
			.add(Objects.requireNonNull(companion, "companions must not contain null")));
		return this;
	}

	/**
	 * Sets the most references one erasure handles.
	 * @param maxReferences the bound, at least 1
	 * @return this builder
	 * @throws IllegalArgumentException if it is less than 1
	 */
	public StoreBlobErasureBuilder maxReferences(int maxReferences) {
		if (maxReferences < 1) {
			throw new IllegalArgumentException("maxReferences must be at least 1 but was " + maxReferences);
		}
		this.maxReferences = maxReferences;
		return this;
	}

	/**
	 * Sets how the reference index's writer is flushed before an erasure lists anything.
	 * @param indexFlush waits at most the given time for every reference offered so far
	 * to be written, and says whether they were
	 * @return this builder
	 */
	public StoreBlobErasureBuilder indexFlush(Predicate<Duration> indexFlush) {
		this.indexFlush = Objects.requireNonNull(indexFlush, "indexFlush must not be null");
		return this;
	}

	/**
	 * Sets what hears every receipt, dry runs included, such as metrics and health.
	 * @param receipts called once per erasure on the erasing thread; must not throw
	 * @return this builder
	 */
	public StoreBlobErasureBuilder receipts(Consumer<ErasureReceipt> receipts) {
		this.receipts = Objects.requireNonNull(receipts, "receipts must not be null");
		return this;
	}

	/**
	 * Builds the erasure.
	 * @return the erasure
	 * @throws NullPointerException if the owner labels are not set
	 */
	public StoreBlobErasure build() {
		return new StoreBlobErasure(this);
	}

}
