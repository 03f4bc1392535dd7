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

package io.github.blobupload.export;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what an {@link ExportGuard} did since startup, per signal: the listener that the
 * guard's meters read. Thread-safe and cheap to update.
 */
public final class ExportGuardCounts implements ExportGuardListener {

	private final Map<ExportSignal, LongAdder> items = adders();

	private final Map<ExportSignal, LongAdder> values = adders();

	private final Map<ExportSignal, LongAdder> offloaded = adders();

	private final Map<ExportSignal, Map<String, LongAdder>> markers = new EnumMap<>(ExportSignal.class);

	private final Map<ExportSignal, Map<SkipReason, LongAdder>> skipped = new EnumMap<>(ExportSignal.class);

	/**
	 * Creates counts at zero.
	 */
	public ExportGuardCounts() {
		for (ExportSignal signal : ExportSignal.values()) {
			this.markers.put(signal, new ConcurrentHashMap<>());
			Map<SkipReason, LongAdder> reasons = new EnumMap<>(SkipReason.class);
			for (SkipReason reason : SkipReason.values()) {
				reasons.put(reason, new LongAdder());
			}
			this.skipped.put(signal, reasons);
		}
	}

	private static Map<ExportSignal, LongAdder> adders() {
		Map<ExportSignal, LongAdder> adders = new EnumMap<>(ExportSignal.class);
		for (ExportSignal signal : ExportSignal.values()) {
			adders.put(signal, new LongAdder());
		}
		return adders;
	}

	@Override
	public void itemExamined(ExportSignal signal) {
		this.items.get(signal).increment();
	}

	@Override
	public void valueExamined(ExportSignal signal) {
		this.values.get(signal).increment();
	}

	@Override
	public void partOffloaded(ExportSignal signal, String modality) {
		this.offloaded.get(signal).increment();
	}

	@Override
	public void markerWritten(ExportSignal signal, String reason) {
		this.markers.get(signal).computeIfAbsent(reason, (key) -> new LongAdder()).increment();
	}

	@Override
	public void valueSkipped(ExportSignal signal, SkipReason reason) {
		this.skipped.get(signal).get(reason).increment();
	}

	/**
	 * Returns how many spans or log records went through the guard.
	 * @param signal the signal
	 * @return the count
	 */
	public long itemsExamined(ExportSignal signal) {
		return this.items.get(signal).sum();
	}

	/**
	 * Returns how many string values long enough to be examined were looked at.
	 * @param signal the signal
	 * @return the count
	 */
	public long valuesExamined(ExportSignal signal) {
		return this.values.get(signal).sum();
	}

	/**
	 * Returns how many pieces of inline media were stored and replaced by their URI.
	 * @param signal the signal
	 * @return the count
	 */
	public long partsOffloaded(ExportSignal signal) {
		return this.offloaded.get(signal).sum();
	}

	/**
	 * Returns how many {@code /dev/null} markers were written with a reason.
	 * @param signal the signal
	 * @param reason the {@code stripped_reason}
	 * @return the count
	 */
	public long markersWritten(ExportSignal signal, String reason) {
		LongAdder count = this.markers.get(signal).get(reason);
		return (count != null) ? count.sum() : 0;
	}

	/**
	 * Returns how many {@code /dev/null} markers were written, whatever the reason.
	 * @param signal the signal
	 * @return the count
	 */
	public long markersWritten(ExportSignal signal) {
		return this.markers.get(signal).values().stream().mapToLong(LongAdder::sum).sum();
	}

	/**
	 * Returns the reasons markers were written for so far.
	 * @param signal the signal
	 * @return the reasons, such as {@code too_large}
	 */
	public Set<String> markerReasons(ExportSignal signal) {
		return Set.copyOf(this.markers.get(signal).keySet());
	}

	/**
	 * Returns how many values long enough to be examined were left as they were.
	 * @param signal the signal
	 * @param reason why
	 * @return the count
	 */
	public long valuesSkipped(ExportSignal signal, SkipReason reason) {
		return this.skipped.get(signal).get(reason).sum();
	}

}
