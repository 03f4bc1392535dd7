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

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code blobErasure} health contributor: the last erasure's time, kind, dry run,
 * counts and completeness as details. {@code UP}, or {@link #DEGRADED} when the last
 * erasure had failures: visible on {@code /actuator/health/blobErasure} (and mappable to
 * 503 for an alert), but outside Spring Boot's status order, so the application's overall
 * health stays {@code UP}. A store refusing deletes is a data-protection task left to
 * finish, not a reason to take the application out of its load balancer. Holds no id or
 * URI.
 */
public class BlobErasureHealthIndicator extends AbstractHealthIndicator {

	/**
	 * The status when the last erasure had failures: not in Spring Boot's default status
	 * order, so it does not change the application's overall health.
	 */
	public static final Status DEGRADED = new Status(BlobUploadHealthIndicator.DEGRADED.getCode(),
			"The last erasure had failures (see lastErasure); run it again");

	private final BlobErasureTally tally;

	/**
	 * Creates the indicator.
	 * @param tally the tally reported on
	 */
	public BlobErasureHealthIndicator(BlobErasureTally tally) {
		super("Blob erasure health check failed");
		this.tally = Objects.requireNonNull(tally, "tally must not be null");
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up();
		this.tally.lastErasure().ifPresent((last) -> {
			if (last.failed() > 0) {
				builder.status(DEGRADED);
			}
			builder.withDetail("lastErasure", last.details());
		});
	}

}
