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

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobDestination;
import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.DropReason;
import io.github.blobupload.ManagedBlobUploader;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The one metrics binder of the upload engine: a {@link BlobUploadListener} that counts
 * every outcome, and a {@link MeterBinder} that adds queue gauges for each uploader.
 * <p>
 * Meters, each tagged with {@code use.case}:
 * <ul>
 * <li>{@code blob.upload.blobs} (counter), tagged {@code outcome} = {@code uploaded},
 * {@code failed}, {@code dropped} or {@code deduplicated}, and {@code reason}
 * ({@code none}; for dropped the {@link DropReason#tag() drop reason}; for failed
 * {@code permanent} or {@code retries_exhausted}).</li>
 * <li>{@code blob.upload.bytes} (counter, bytes): bytes uploaded.</li>
 * <li>{@code blob.upload.duration} (timer): time from the first attempt to a successful
 * upload, backoff included.</li>
 * <li>{@code blob.upload.retries} (counter): attempts retried.</li>
 * <li>{@code blob.upload.queue.blobs} and {@code blob.upload.queue.bytes} (gauges): blobs
 * waiting, and bytes held by waiting and in-flight blobs.</li>
 * </ul>
 * This binder creates no span or observation per blob; the per-attempt observation
 * ({@code blob.upload.attempt}) is separate and off unless
 * {@code blob.upload.observations.enabled=true}.
 */
public class BlobUploadMetrics implements BlobUploadListener, MeterBinder {

	private static final String USE_CASE = "use.case";

	private final Supplier<List<BlobDestination>> destinations;

	private final List<MeterRegistry> registries = new CopyOnWriteArrayList<>();

	/**
	 * Creates the binder.
	 * @param destinations supplies the registry's destinations when the binder is bound,
	 * for the queue gauges (see
	 * {@link io.github.blobupload.BlobUploaderRegistry#destinations()})
	 */
	public BlobUploadMetrics(Supplier<List<BlobDestination>> destinations) {
		this.destinations = destinations;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		this.registries.add(registry);
		for (BlobDestination destination : this.destinations.get()) {
			String useCase = destination.useCase();
			if (destination.uploader() instanceof ManagedBlobUploader managed) {
				Gauge.builder("blob.upload.queue.blobs", managed, (u) -> u.stats().queuedBlobs())
					.description("Blobs waiting to be uploaded")
					.tag(USE_CASE, useCase)
					.register(registry);
				Gauge.builder("blob.upload.queue.bytes", managed, (u) -> u.stats().pendingBytes())
					.description("Bytes held by blobs waiting or being uploaded")
					.baseUnit("bytes")
					.tag(USE_CASE, useCase)
					.register(registry);
				Gauge.builder("blob.upload.parked.blobs", managed, (u) -> u.stats().parked().blobs())
					.description("Blobs parked after their attempts failed, retried until uploaded or too old")
					.tag(USE_CASE, useCase)
					.register(registry);
				Gauge.builder("blob.upload.parked.bytes", managed, (u) -> u.stats().parked().bytes())
					.description("Bytes of the parked blobs")
					.baseUnit("bytes")
					.tag(USE_CASE, useCase)
					.register(registry);
				TimeGauge
					.builder("blob.upload.parked.oldest", managed, TimeUnit.MILLISECONDS,
							(u) -> u.stats().parked().oldest().toMillis())
					.description("How long the longest-parked blob has been parked")
					.tag(USE_CASE, useCase)
					.register(registry);
				if (managed.stats().spool().configured()) {
					bindSpool(registry, managed, useCase);
				}
				// registered at zero so that they are listed, and alerts on them work,
				// before any event
				retries(registry, useCase);
				bytes(registry, useCase);
				duration(registry, useCase);
				blobs(registry, useCase, "uploaded", "none");
				blobs(registry, useCase, "failed", "permanent");
				blobs(registry, useCase, "failed", "retries_exhausted");
				parked(registry, useCase);
			}
		}
	}

	private static void bindSpool(MeterRegistry registry, ManagedBlobUploader managed, String useCase) {
		Gauge.builder("blob.upload.spool.bytes", managed, (u) -> u.stats().spool().usedBytes())
			.description("Bytes the spool's files take")
			.baseUnit("bytes")
			.tag(USE_CASE, useCase)
			.register(registry);
		Gauge.builder("blob.upload.spool.backlog", managed, (u) -> u.stats().spool().writeBacklog())
			.description("Accepted blobs not yet written to the spool: what a crash now would lose")
			.tag(USE_CASE, useCase)
			.register(registry);
		FunctionCounter.builder("blob.upload.spool.recovered", managed, (u) -> u.stats().spool().recovered())
			.description("Blobs found in the spool at startup, left by an earlier run")
			.tag(USE_CASE, useCase)
			.register(registry);
		FunctionCounter.builder("blob.upload.spool.corrupt", managed, (u) -> u.stats().spool().corrupt())
			.description("Unreadable spool files set aside")
			.tag(USE_CASE, useCase)
			.register(registry);
	}

	@Override
	public void onDeduplicated(String uploader, String uri, Blob blob) {
		count(uploader, "deduplicated", "none");
	}

	@Override
	public void onDropped(String uploader, DropReason reason, Blob blob) {
		count(uploader, "dropped", reason.tag());
	}

	@Override
	public void onRetry(String uploader, String uri, Blob blob, int attempt, Throwable error) {
		each((registry) -> retries(registry, uploader).increment());
	}

	@Override
	public void onParked(String uploader, String uri, Blob blob, int attempts, Throwable error) {
		each((registry) -> parked(registry, uploader).increment());
	}

	@Override
	public void onUploaded(String uploader, String uri, Blob blob, Duration duration, int attempts) {
		count(uploader, "uploaded", "none");
		each((registry) -> {
			bytes(registry, uploader).increment(blob.size());
			duration(registry, uploader).record(duration);
		});
	}

	@Override
	public void onFailed(String uploader, String uri, Blob blob, Throwable error, boolean permanent, int attempts) {
		count(uploader, "failed", permanent ? "permanent" : "retries_exhausted");
	}

	private void count(String uploader, String outcome, String reason) {
		each((registry) -> blobs(registry, uploader, outcome, reason).increment());
	}

	private static Counter blobs(MeterRegistry registry, String useCase, String outcome, String reason) {
		return Counter.builder("blob.upload.blobs")
			.description("Blobs by outcome")
			.tag(USE_CASE, useCase)
			.tag("outcome", outcome)
			.tag("reason", reason)
			.register(registry);
	}

	private static Counter retries(MeterRegistry registry, String useCase) {
		return Counter.builder("blob.upload.retries")
			.description("Upload attempts that failed and were retried")
			.tag(USE_CASE, useCase)
			.register(registry);
	}

	private static Counter parked(MeterRegistry registry, String useCase) {
		return Counter.builder("blob.upload.parked")
			.description("Blobs parked after their attempts failed for a transient reason")
			.tag(USE_CASE, useCase)
			.register(registry);
	}

	private static Counter bytes(MeterRegistry registry, String useCase) {
		return Counter.builder("blob.upload.bytes")
			.description("Bytes uploaded")
			.baseUnit("bytes")
			.tag(USE_CASE, useCase)
			.register(registry);
	}

	private static Timer duration(MeterRegistry registry, String useCase) {
		return Timer.builder("blob.upload.duration")
			.description("Time from the first upload attempt to success, backoff included")
			.tag(USE_CASE, useCase)
			.register(registry);
	}

	private void each(Consumer<MeterRegistry> action) {
		for (MeterRegistry registry : this.registries) {
			action.accept(registry);
		}
	}

}
