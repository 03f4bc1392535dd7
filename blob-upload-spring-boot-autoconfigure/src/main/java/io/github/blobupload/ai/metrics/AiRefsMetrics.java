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

import io.github.blobupload.ai.format.GenAiRefsWriter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * Counts the message files of the Spring AI {@code refs} layout:
 * {@code blob.upload.ai.refs} (function counter), tagged {@code outcome} =
 * {@code written} (accepted by the uploader, the span has its attribute) or
 * {@code refused} (refused or failed, the attribute left out), read from
 * {@link GenAiRefsWriter#writtenCount()} and {@link GenAiRefsWriter#refusedCount()}.
 * Bound next to {@link AiMediaMetrics} when the layout is on.
 */
public final class AiRefsMetrics implements MeterBinder {

	private final Supplier<@Nullable GenAiRefsWriter> writer;

	/**
	 * Creates the binder.
	 * @param writer supplies the writer when the binder is bound, or {@code null} when
	 * the layout is off (then nothing is registered)
	 */
	public AiRefsMetrics(Supplier<@Nullable GenAiRefsWriter> writer) {
		this.writer = Objects.requireNonNull(writer, "writer must not be null");
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		GenAiRefsWriter writer = this.writer.get();
		if (writer == null) {
			return;
		}
		FunctionCounter.builder("blob.upload.ai.refs", writer, GenAiRefsWriter::writtenCount)
			.description("Message files of the Spring AI refs layout, by outcome")
			.tag("outcome", "written")
			.register(registry);
		FunctionCounter.builder("blob.upload.ai.refs", writer, GenAiRefsWriter::refusedCount)
			.description("Message files of the Spring AI refs layout, by outcome")
			.tag("outcome", "refused")
			.register(registry);
	}

}
