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

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Binds the erasure's counters, each series registered at zero:
 * {@code blob.upload.erasure.objects} (objects handled by real erasures, tagged
 * {@code kind} and {@code outcome} {@code erased}, {@code kept_shared},
 * {@code kept_recent} or {@code failed}) and {@code blob.upload.erasure.requests}
 * (erasures run, tagged {@code kind}, {@code dry_run} and {@code complete}). No tag holds
 * an id or a URI.
 */
public final class BlobErasureMetrics implements MeterBinder {

	private final BlobErasureTally tally;

	/**
	 * Creates the binder.
	 * @param tally the tally whose counts are bound
	 */
	public BlobErasureMetrics(BlobErasureTally tally) {
		this.tally = Objects.requireNonNull(tally, "tally must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String kind : BlobErasureTally.kinds()) {
			for (String outcome : BlobErasureTally.OUTCOMES) {
				FunctionCounter.builder("blob.upload.erasure.objects", this.tally, (t) -> t.objects(kind, outcome))
					.description("Objects referenced by erased content, by what the erasure did with them")
					.tag("kind", kind)
					.tag("outcome", outcome)
					.register(registry);
			}
			for (boolean dryRun : new boolean[] { false, true }) {
				for (boolean complete : new boolean[] { false, true }) {
					FunctionCounter
						.builder("blob.upload.erasure.requests", this.tally, (t) -> t.requests(kind, dryRun, complete))
						.description("Erasures run, by kind, dry run and whether they were complete")
						.tag("kind", kind)
						.tag("dry_run", Boolean.toString(dryRun))
						.tag("complete", Boolean.toString(complete))
						.register(registry);
				}
			}
		}
	}

}
