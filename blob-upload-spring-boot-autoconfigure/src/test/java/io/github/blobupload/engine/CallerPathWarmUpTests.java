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
