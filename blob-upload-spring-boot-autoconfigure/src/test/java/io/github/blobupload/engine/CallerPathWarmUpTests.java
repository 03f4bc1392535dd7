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

package io.github.blobupload.engine;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link CallerPathWarmUp}.
 */
class CallerPathWarmUpTests {

	@Test
	void runsOnceOnALowPriorityDaemonThread() throws Exception {
		AtomicBoolean started = new AtomicBoolean();
		Thread thread = CallerPathWarmUp.startOnce(null, started);
		assertThat(thread).isNotNull();
		assertThat(thread.getName()).isEqualTo("blob-upload-warm-up");
		assertThat(thread.isDaemon()).isTrue();
		assertThat(thread.getPriority()).isEqualTo(Thread.MIN_PRIORITY);
		thread.join(TimeUnit.SECONDS.toMillis(30));
		assertThat(thread.getState()).isEqualTo(Thread.State.TERMINATED);
		assertThat(started).isTrue();
		assertThat(CallerPathWarmUp.startOnce(null, started)).as("started before").isNull();
	}

	@Test
	void theSystemPropertySetToFalseTurnsItOff() {
		AtomicBoolean started = new AtomicBoolean();
		assertThat(CallerPathWarmUp.startOnce("FALSE", started)).isNull();
		assertThat(started).isFalse();
		assertThat(CallerPathWarmUp.DISABLE_PROPERTY).isEqualTo("blob.upload.warm-up");
	}

}
