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

import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.StorageProbe;
import io.github.blobupload.UploadError;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Reports whether blobs are reaching storage, per use case.
 * <p>
 * Status rules, from worst to best:
 * <ul>
 * <li>{@code OUT_OF_SERVICE}: an uploader has been shut down.</li>
 * <li>{@code DOWN}: an uploader's last failure was permanent (bucket missing, access
 * denied) and no upload has succeeded since, or its last {@code failureThreshold} uploads
 * all failed. The next successful upload turns it UP again. With the active check on,
 * also when the last check of its destination failed.</li>
 * <li>{@code UP}: otherwise, including when uploading is disabled (detail
 * {@code enabled=false}).</li>
 * </ul>
 * Unless it is created to affect the aggregate, the indicator reports {@link #DEGRADED}
 * where the rules say {@code DOWN}: a status that Spring Boot's default status order does
 * not rank, so that failing uploads show in this component (the use cases' details keep
 * {@code DOWN}) without turning the application's overall health DOWN (HTTP 503). Details
 * per use case: destination (no credentials), queue depth and bytes against capacity,
 * counts by outcome, and the last error with its time.
 * <p>
 * By default this indicator reads counters only and never contacts storage. With
 * {@link ActiveStorageChecks} it also writes a probe object to each destination whose
 * provider is a {@link StorageProbe} (at most once per interval, cached, bounded by a
 * timeout) and adds {@code activeCheck} ({@code status}, {@code checkedAt},
 * {@code error}) to the details; a provider without the capability shows
 * {@code status=UNKNOWN}, which does not change the health.
 */
public class BlobUploadHealthIndicator extends AbstractHealthIndicator {

	/**
	 * The status reported in place of {@code DOWN} when failing uploads must not turn the
	 * application's overall health DOWN. Spring Boot's default status aggregation ignores
	 * it; {@code management.endpoint.health.status.http-mapping.degraded=503} makes
	 * {@code /actuator/health/blobUpload} itself answer 503.
	 */
	public static final Status DEGRADED = new Status("DEGRADED",
			"Uploads are failing (see useCases); not counted in the application's health");

	private final BlobUploaderRegistry registry;

	private final int failureThreshold;

	private final @Nullable ActiveStorageChecks activeChecks;

	private final boolean affectsAggregate;

	/**
	 * Creates an indicator that reads counters only.
	 * @param registry the registry whose uploaders to report
	 * @param failureThreshold the number of uploads failing in a row that turns the
	 * health DOWN
	 */
	public BlobUploadHealthIndicator(BlobUploaderRegistry registry, int failureThreshold) {
		this(registry, failureThreshold, null);
	}

	/**
	 * Creates an indicator that reports failing uploads as {@link #DEGRADED}.
	 * @param registry the registry whose uploaders to report
	 * @param failureThreshold the number of uploads failing in a row that turns the
	 * health DOWN
	 * @param activeChecks checks that write to each destination, or {@code null} to read
	 * counters only and never contact storage
	 */
	public BlobUploadHealthIndicator(BlobUploaderRegistry registry, int failureThreshold,
			@Nullable ActiveStorageChecks activeChecks) {
		this(registry, failureThreshold, activeChecks, false);
	}

	/**
	 * Creates an indicator.
	 * @param registry the registry whose uploaders to report
	 * @param failureThreshold the number of uploads failing in a row that turns the
	 * health DOWN; at least 1
	 * @param activeChecks checks that write to each destination, or {@code null} to read
	 * counters only and never contact storage
	 * @param affectsAggregate whether failing uploads are reported as {@code DOWN}, which
	 * turns the application's overall health DOWN, rather than as {@link #DEGRADED}
	 */
	public BlobUploadHealthIndicator(BlobUploaderRegistry registry, int failureThreshold,
			@Nullable ActiveStorageChecks activeChecks, boolean affectsAggregate) {
		super("Blob upload health check failed");
		if (failureThreshold < 1) {
			throw new IllegalArgumentException("failureThreshold must be at least 1 but was " + failureThreshold);
		}
		this.registry = registry;
		this.failureThreshold = failureThreshold;
		this.activeChecks = activeChecks;
		this.affectsAggregate = affectsAggregate;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		Status status = Status.UP;
		boolean anyManaged = false;
		Map<String, ActiveStorageChecks.Result> checked = (this.activeChecks != null)
				? this.activeChecks.results(probes()) : Map.of();
		Map<String, Object> useCases = new LinkedHashMap<>();
		for (BlobDestination entry : this.registry.destinations()) {
			String destination = entry.uriPrefix();
			if (!(entry.uploader() instanceof ManagedBlobUploader uploader)) {
				useCases.put(entry.useCase(), Map.of("enabled", false));
				continue;
			}
			anyManaged = true;
			BlobUploadStats stats = uploader.stats();
			Status useCaseStatus = statusOf(stats);
			@Nullable Map<String, Object> activeCheck = null;
			if (this.activeChecks != null && !stats.shutdown()) {
				activeCheck = activeCheck(checked.get(checkKey(entry.useCase(), destination)));
				if (Status.DOWN.getCode().equals(activeCheck.get("status"))) {
					useCaseStatus = worse(useCaseStatus, Status.DOWN);
				}
			}
			status = worse(status, useCaseStatus);
			Map<String, Object> details = details(useCaseStatus, destination, stats);
			if (activeCheck != null) {
				details.put("activeCheck", activeCheck);
			}
			useCases.put(entry.useCase(), details);
		}
		if (Status.DOWN.equals(status) && !this.affectsAggregate) {
			status = DEGRADED;
		}
		builder.status(status).withDetail("enabled", anyManaged).withDetail("useCases", useCases);
	}

	/** Returns the probe of each destination that can be checked now. */
	private Map<String, StorageProbe> probes() {
		Map<String, StorageProbe> probes = new LinkedHashMap<>();
		for (BlobDestination destination : this.registry.destinations()) {
			if (destination.uploader() instanceof ManagedBlobUploader uploader && !uploader.stats().shutdown()) {
				uploader.storageProbe()
					.ifPresent((probe) -> probes.putIfAbsent(checkKey(destination.useCase(), destination.uriPrefix()),
							probe));
			}
		}
		return probes;
	}

	private static String checkKey(String useCase, @Nullable String destination) {
		return (destination != null) ? destination : "use case " + useCase;
	}

	private static Map<String, Object> activeCheck(ActiveStorageChecks.@Nullable Result result) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (result == null) {
			details.put("status", Status.UNKNOWN.getCode());
			details.put("reason", "this storage provider cannot be checked");
			return details;
		}
		details.put("status", result.up() ? Status.UP.getCode() : Status.DOWN.getCode());
		details.put("checkedAt", result.checkedAt().toString());
		if (result.error() != null) {
			details.put("error", result.error());
		}
		return details;
	}

	private Status statusOf(BlobUploadStats stats) {
		if (stats.shutdown()) {
			return Status.OUT_OF_SERVICE;
		}
		UploadError lastError = stats.lastError();
		boolean permanentSinceSuccess = lastError != null && lastError.permanent()
				&& (stats.lastSuccess() == null || lastError.time().isAfter(stats.lastSuccess()));
		if (permanentSinceSuccess || stats.consecutiveFailures() >= this.failureThreshold) {
			return Status.DOWN;
		}
		return Status.UP;
	}

	private static Map<String, Object> details(Status status, String destination, BlobUploadStats stats) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("status", status.getCode());
		details.put("destination", (destination != null) ? destination : "unknown");
		details.put("queue",
				Map.of("blobs", stats.queuedBlobs(), "maxBlobs", stats.maxQueueSize(), "bytes", stats.pendingBytes(),
						"peakBytes", stats.peakPendingBytes(), "maxBytes", stats.maxQueueBytes(), "inFlight",
						stats.inFlight()));
		BlobUploadStats.Parked parked = stats.parked();
		details.put("parked", Map.of("blobs", parked.blobs(), "bytes", parked.bytes(), "oldest",
				parked.oldest().toString(), "total", parked.total(), "retrying", parked.retrying()));
		BlobUploadStats.Spool spool = stats.spool();
		if (spool.configured()) {
			Map<String, Object> spoolDetails = new LinkedHashMap<>();
			spoolDetails.put("active", spool.active());
			spoolDetails.put("bytes", spool.usedBytes());
			spoolDetails.put("maxBytes", spool.maxBytes());
			spoolDetails.put("writeBacklog", spool.writeBacklog());
			spoolDetails.put("recovered", spool.recovered());
			spoolDetails.put("carriedOver", spool.carriedOver());
			spoolDetails.put("corrupt", spool.corrupt());
			spoolDetails.put("writeFailures", spool.writeFailures());
			details.put("spool", spoolDetails);
		}
		details.put("submitted", stats.submitted());
		details.put("uploaded", stats.uploaded());
		details.put("failed", stats.failed());
		Map<String, Long> dropped = new LinkedHashMap<>();
		for (DropReason reason : DropReason.values()) {
			if (stats.dropped(reason) > 0) {
				dropped.put(reason.tag(), stats.dropped(reason));
			}
		}
		details.put("dropped", dropped);
		details.put("deduplicated", stats.deduplicated());
		details.put("retries", stats.retries());
		details.put("consecutiveFailures", stats.consecutiveFailures());
		if (stats.lastSuccess() != null) {
			details.put("lastSuccess", stats.lastSuccess().toString());
		}
		UploadError lastError = stats.lastError();
		if (lastError != null) {
			details.put("lastError", Map.of("time", lastError.time().toString(), "uri", lastError.uri(), "message",
					lastError.message(), "permanent", lastError.permanent(), "attempts", lastError.attempts()));
		}
		return details;
	}

	private static Status worse(Status current, Status candidate) {
		return (rank(candidate) > rank(current)) ? candidate : current;
	}

	private static int rank(Status status) {
		if (Status.OUT_OF_SERVICE.equals(status)) {
			return 2;
		}
		return Status.DOWN.equals(status) ? 3 : 0;
	}

}
