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

import java.util.Objects;
import java.util.function.ToDoubleFunction;

import io.github.blobupload.retention.BlobRetention;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the retention's counters: sweeps run ({@code blob.upload.retention.sweeps}),
 * objects swept ({@code blob.upload.retention.swept}), sweep failures
 * ({@code blob.upload.retention.sweep.failures}) and refreshes of re-used objects
 * ({@code blob.upload.retention.refreshes}, tagged {@code outcome} {@code refreshed},
 * {@code failed}, {@code skipped} when the refresh queue was full, or {@code rewritten}
 * when the object was gone and written again).
 */
public final class BlobRetentionMetrics implements MeterBinder {

	private final BlobRetention retention;

	/**
	 * Creates the binder.
	 * @param retention the retention whose counters are bound
	 */
	public BlobRetentionMetrics(BlobRetention retention) {
		this.retention = Objects.requireNonNull(retention, "retention must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		FunctionCounter.builder("blob.upload.retention.sweeps", this.retention, BlobRetention::sweepsRun)
			.description("Retention sweeps run over the prefixes the starter sweeps (file:)")
			.register(registry);
		FunctionCounter.builder("blob.upload.retention.swept", this.retention, BlobRetention::objectsSwept)
			.description("Objects deleted by retention sweeps")
			.register(registry);
		FunctionCounter.builder("blob.upload.retention.sweep.failures", this.retention, BlobRetention::sweepFailures)
			.description("Objects past their retention a sweep could not delete, and folders it could not list")
			.register(registry);
		refreshes(registry, "refreshed", this.retention, BlobRetention::refreshes);
		refreshes(registry, "failed", this.retention, BlobRetention::refreshFailures);
		refreshes(registry, "skipped", this.retention, BlobRetention::refreshesSkipped);
		refreshes(registry, "rewritten", this.retention, BlobRetention::rewrites);
	}

	private static void refreshes(MeterRegistry registry, String outcome, BlobRetention retention,
			ToDoubleFunction<BlobRetention> count) {
		FunctionCounter.builder("blob.upload.retention.refreshes", retention, count)
			.description("Re-used objects whose retention window was restarted, by outcome")
			.tag("outcome", outcome)
			.register(registry);
	}

}
