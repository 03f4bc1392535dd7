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

package io.github.blobupload.ai.metrics;

import java.util.Objects;
import java.util.function.Supplier;

import io.github.blobupload.ai.MediaOffloadOutcome;
import io.github.blobupload.ai.offload.MediaOffloader;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Counts Spring AI media, bound by the Spring AI auto-configuration when Micrometer is on
 * the class path: {@code blob.upload.ai.media} (function counter), tagged {@code outcome}
 * = {@code uploaded}, {@code reused}, {@code inline}, {@code remote}, {@code skipped},
 * {@code refused} or {@code excluded} and {@code reason} (see
 * {@link MediaOffloadOutcome}). Each piece of media is counted once per model call, with
 * one outcome. {@code blob.upload.ai.prompt.offload.caller} (function counter, tagged
 * {@code reason=queue_full}) counts prompt media offloaded on the caller's thread because
 * the offloader's prompt-media threads were behind.
 */
public final class AiMediaMetrics implements MeterBinder {

	private final Supplier<@Nullable MediaOffloader> offloader;

	/**
	 * Creates the binder.
	 * @param offloader supplies the offloader when the binder is bound, or {@code null}
	 * when the Spring AI integration is off (then nothing is registered)
	 */
	public AiMediaMetrics(Supplier<@Nullable MediaOffloader> offloader) {
		this.offloader = Objects.requireNonNull(offloader, "offloader must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		MediaOffloader offloader = this.offloader.get();
		if (offloader == null) {
			return;
		}
		for (MediaOffloadOutcome outcome : MediaOffloadOutcome.values()) {
			FunctionCounter.builder("blob.upload.ai.media", offloader, (o) -> o.count(outcome))
				.description("Spring AI media seen by the blob offloader, once per model call, by outcome")
				.tag("outcome", outcome.outcome())
				.tag("reason", outcome.reason())
				.register(registry);
		}
		FunctionCounter
			.builder("blob.upload.ai.prompt.offload.caller", offloader,
					MediaOffloader::promptOffloadsOnCallerBecauseFull)
			.description("Prompt media offloaded on the caller's thread because the prompt-media threads' queue "
					+ "was full")
			.tag("reason", "queue_full")
			.register(registry);
	}

}
