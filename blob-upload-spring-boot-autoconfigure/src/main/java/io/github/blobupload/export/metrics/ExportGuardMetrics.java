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

package io.github.blobupload.export.metrics;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

import io.github.blobupload.export.ExportGuardCounts;
import io.github.blobupload.export.ExportSignal;
import io.github.blobupload.export.SkipReason;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Counts what the export guard did, read from its {@link ExportGuardCounts}, each tagged
 * {@code signal} = {@code span} or {@code log}: {@code blob.upload.export.items} (spans
 * and log records that went through the guard), {@code blob.upload.export.values} (string
 * values long enough to be examined that were looked at),
 * {@code blob.upload.export.parts} tagged {@code outcome} = {@code offloaded} (replaced
 * by the stored blob's URI) or {@code marker} (replaced by {@code /dev/null}) with the
 * marker's {@code reason}, and {@code blob.upload.export.skipped} tagged {@code reason} =
 * {@code not_json}, {@code too_deep} or {@code too_large} (left as they were). All
 * function counters.
 */
public final class ExportGuardMetrics implements MeterBinder {

	/** The {@code stripped_reason}s registered as meters at startup. */
	private static final Set<String> MARKER_REASONS = Set.of("uploader", "too_large", "rule", "filter", "filter_error",
			"malformed_data_uri", "malformed_content", "unsupported_data", "empty", "error", "timeout",
			"uploading_off");

	private final ExportGuardCounts counts;

	/**
	 * Creates the binder.
	 * @param counts the guard's counts
	 */
	public ExportGuardMetrics(ExportGuardCounts counts) {
		this.counts = Objects.requireNonNull(counts, "counts must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (ExportSignal signal : ExportSignal.values()) {
			FunctionCounter.builder("blob.upload.export.items", this.counts, (c) -> c.itemsExamined(signal))
				.description("Spans and log records that went through the export guard")
				.tag("signal", signal.tag())
				.register(registry);
			FunctionCounter.builder("blob.upload.export.values", this.counts, (c) -> c.valuesExamined(signal))
				.description("String values long enough to be examined that the export guard looked at")
				.tag("signal", signal.tag())
				.register(registry);
			FunctionCounter.builder("blob.upload.export.parts", this.counts, (c) -> c.partsOffloaded(signal))
				.description("Inline media the export guard replaced, by outcome")
				.tag("signal", signal.tag())
				.tag("outcome", "offloaded")
				.tag("reason", "none")
				.register(registry);
			Set<String> reasons = new LinkedHashSet<>(MARKER_REASONS);
			for (String reason : reasons) {
				FunctionCounter
					.builder("blob.upload.export.parts", this.counts, (c) -> c.markersWritten(signal, reason))
					.description("Inline media the export guard replaced, by outcome")
					.tag("signal", signal.tag())
					.tag("outcome", "marker")
					.tag("reason", reason)
					.register(registry);
			}
			for (SkipReason reason : SkipReason.values()) {
				FunctionCounter
					.builder("blob.upload.export.skipped", this.counts, (c) -> c.valuesSkipped(signal, reason))
					.description("String values long enough to be examined that the export guard left as they were")
					.tag("signal", signal.tag())
					.tag("reason", reason.tag())
					.register(registry);
			}
		}
	}

}
