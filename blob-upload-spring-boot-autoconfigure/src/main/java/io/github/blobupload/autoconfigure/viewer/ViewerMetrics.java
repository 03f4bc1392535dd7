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
package io.github.blobupload.autoconfigure.viewer;

import java.util.function.Supplier;

import io.github.blobupload.viewer.ViewerPage;
import io.github.blobupload.viewer.ViewerStats;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The viewer's meters, bound when Micrometer is on the class path, all registered at zero
 * when the application starts:
 * <ul>
 * <li>{@code blob.upload.viewer.requests} (function counter), tagged {@code page} =
 * {@code raw}, {@code blob}, {@code trace} or {@code other} and {@code status} =
 * {@code 2xx}, {@code 3xx}, {@code 4xx} or {@code 5xx}: every answer;</li>
 * <li>{@code blob.upload.viewer.bytes} (function counter, bytes): bytes of objects
 * sent;</li>
 * <li>{@code blob.upload.viewer.requests.active} (gauge): requests being answered.</li>
 * </ul>
 * No tag holds an object name, a trace id or a user.
 */
final class ViewerMetrics implements MeterBinder {

	private final Supplier<@Nullable ViewerStats> stats;

	/**
	 * Creates the binder.
	 * @param stats supplies the viewer's counts when the binder is bound, or {@code null}
	 * when there is no viewer (then nothing is registered)
	 */
	ViewerMetrics(Supplier<@Nullable ViewerStats> stats) {
		this.stats = stats;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		ViewerStats stats = this.stats.get();
		if (stats == null) {
			return;
		}
		for (ViewerPage page : ViewerPage.values()) {
			for (String status : ViewerStats.STATUS_CLASSES) {
				FunctionCounter.builder("blob.upload.viewer.requests", stats, (s) -> s.requests(page, status))
					.description("Requests answered by the blob viewer, by page and status class")
					.tag("page", page.tag())
					.tag("status", status)
					.register(registry);
			}
		}
		FunctionCounter.builder("blob.upload.viewer.bytes", stats, ViewerStats::bytesServed)
			.description("Bytes of stored objects sent by the blob viewer")
			.baseUnit("bytes")
			.register(registry);
		Gauge.builder("blob.upload.viewer.requests.active", stats, ViewerStats::activeRequests)
			.description("Requests the blob viewer is answering now")
			.register(registry);
	}

}
