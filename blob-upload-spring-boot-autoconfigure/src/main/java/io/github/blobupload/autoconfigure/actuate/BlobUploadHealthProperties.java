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

package io.github.blobupload.autoconfigure.actuate;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code blobUpload} health contributor
 * ({@code blob.upload.health.*}).
 */
@ConfigurationProperties("blob.upload.health")
public class BlobUploadHealthProperties {

	/**
	 * Number of uploads in a row that must fail (after their retries) for the health to
	 * turn DOWN; a success turns it UP again.
	 */
	private int failureThreshold = 5;

	/**
	 * Whether a failing store turns the application's overall health (the status of
	 * /actuator/health) DOWN, answering HTTP 503. When false, the blobUpload component
	 * reports DEGRADED instead of DOWN, a status Spring Boot's default status order
	 * leaves out of the aggregate, so that a load balancer does not take a healthy
	 * application out of rotation because its uploads fail. Readiness and liveness are
	 * not affected either way.
	 */
	private boolean affectsAggregate = false;

	private final ActiveCheck activeCheck = new ActiveCheck();

	public int getFailureThreshold() {
		return this.failureThreshold;
	}

	public void setFailureThreshold(int failureThreshold) {
		this.failureThreshold = failureThreshold;
	}

	public boolean isAffectsAggregate() {
		return this.affectsAggregate;
	}

	public void setAffectsAggregate(boolean affectsAggregate) {
		this.affectsAggregate = affectsAggregate;
	}

	public ActiveCheck getActiveCheck() {
		return this.activeCheck;
	}

	/**
	 * The active check: the health contributor writes a small private probe object
	 * (_blob-upload-health-probe, overwritten each time, never deleted) under each
	 * destination's prefix, so that a missing bucket or a lost write permission shows
	 * before a blob fails.
	 */
	public static class ActiveCheck {

		/**
		 * Whether the health contributor writes a probe object to each destination. Off
		 * by default: the health contributor then reads counters only and never contacts
		 * storage.
		 */
		private boolean enabled = false;

		/**
		 * How long the result of a check is reused: storage is written at most once per
		 * interval per destination, however often health is requested.
		 */
		private Duration interval = Duration.ofMinutes(5);

		/**
		 * Longest time a health request waits for a check; a destination that has not
		 * answered by then is reported DOWN while the check goes on in the background.
		 */
		private Duration timeout = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Duration getInterval() {
			return this.interval;
		}

		public void setInterval(Duration interval) {
			this.interval = interval;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
