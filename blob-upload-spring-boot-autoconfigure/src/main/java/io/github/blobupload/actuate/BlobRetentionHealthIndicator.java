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
import java.util.Map;
import java.util.Objects;

import io.github.blobupload.retention.BlobRetention;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code blobRetention} health contributor: always {@code UP} (a failed sweep is
 * retried at the next interval and counted), with the last sweep's time and counts and
 * the totals as details, for an operator to see that sweeps run.
 */
public class BlobRetentionHealthIndicator extends AbstractHealthIndicator {

	private final BlobRetention retention;

	/**
	 * Creates the indicator.
	 * @param retention the retention reported on
	 */
	public BlobRetentionHealthIndicator(BlobRetention retention) {
		super("Blob retention health check failed");
		this.retention = Objects.requireNonNull(retention, "retention must not be null");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("sweeping", this.retention.sweeps());
		this.retention.lastSweep().ifPresent((sweep) -> {
			Map<String, Object> last = new LinkedHashMap<>();
			last.put("time", sweep.time().toString());
			last.put("examined", sweep.examined());
			last.put("swept", sweep.swept());
			last.put("failed", sweep.failed());
			builder.withDetail("lastSweep", last);
		});
		builder.withDetail("sweeps", this.retention.sweepsRun())
			.withDetail("swept", this.retention.objectsSwept())
			.withDetail("sweepFailures", this.retention.sweepFailures())
			.withDetail("refreshes", this.retention.refreshes())
			.withDetail("refreshFailures", this.retention.refreshFailures())
			.withDetail("rewrites", this.retention.rewrites());
	}

}
