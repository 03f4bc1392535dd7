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

package io.github.blobupload.registry;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.ManagedBlobUploader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the flush and shutdown of {@link DefaultBlobUploaderRegistry}: one timeout
 * for all its uploaders together, and one result.
 */
class DefaultBlobUploaderRegistryLifecycleTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	@Test
	void aFlushGivesEachUploaderWhatIsLeftOfOneTimeout() {
		Managed first = new Managed("first", true);
		Managed second = new Managed("second", true);
		DefaultBlobUploaderRegistry registry = registry(first, second);

		assertThat(registry.flush(TIMEOUT)).isTrue();

		assertThat(first.flushTimeouts).singleElement()
			.satisfies((given) -> assertThat(given).isLessThanOrEqualTo(TIMEOUT).isPositive());
		assertThat(second.flushTimeouts).singleElement()
			.satisfies((given) -> assertThat(given).isLessThanOrEqualTo(TIMEOUT).isPositive());
	}

	@Test
	void aFlushIsCompleteOnlyIfEveryUploaderFlushed() {
		assertThat(registry(new Managed("first", false), new Managed("second", true)).flush(TIMEOUT)).isFalse();
		assertThat(registry(new Managed("first", true), new Managed("second", false)).flush(TIMEOUT)).isFalse();
	}

	@Test
	void anExpiredTimeoutGivesZeroNotLess() {
		Managed first = new Managed("first", true);
		registry(first, new Managed("second", true)).flush(Duration.ZERO);
		assertThat(first.flushTimeouts).containsExactly(Duration.ZERO);
	}

	@Test
	void aSingleUploaderShutsDownOnTheCallersThread() {
		Managed only = new Managed("only", true);
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder().defaultUploader(only).build();

		assertThat(registry.shutdown(TIMEOUT)).isTrue();

		assertThat(only.shutdownThreads).containsExactly(Thread.currentThread().getName());
		assertThat(only.shutdownTimeouts).containsExactly(TIMEOUT);
	}

	@Test
	void severalUploadersShutDownAtTheSameTimeOnDaemonThreads() {
		Managed first = new Managed("first", true);
		Managed second = new Managed("second", true);

		assertThat(registry(first, second).shutdown(TIMEOUT)).isTrue();

		assertThat(first.shutdownThreads).containsExactly("blob-upload-first-shutdown daemon");
		assertThat(second.shutdownThreads).containsExactly("blob-upload-second-shutdown daemon");
		assertThat(first.shutdownTimeouts).containsExactly(TIMEOUT);
		assertThat(second.shutdownTimeouts).containsExactly(TIMEOUT);
	}

	@Test
	void aShutdownIsCompleteOnlyIfEveryUploaderFinished() {
		assertThat(registry(new Managed("first", true), new Managed("second", false)).shutdown(TIMEOUT)).isFalse();
		assertThat(DefaultBlobUploaderRegistry.builder()
			.defaultUploader(new Managed("only", false))
			.build()
			.shutdown(TIMEOUT)).isFalse();
		Managed throwing = new Managed("throwing", true) {
			@Override
			public boolean shutdown(Duration timeout) {
				throw new IllegalStateException("broken");
			}
		};
		assertThat(registry(new Managed("first", true), throwing).shutdown(TIMEOUT)).isFalse();
	}

	@Test
	void onlyTheFirstShutdownActsAndLaterOnesGetItsResult() {
		Managed first = new Managed("first", true);
		Managed second = new Managed("second", true);
		DefaultBlobUploaderRegistry registry = registry(first, second);

		assertThat(registry.shutdown(TIMEOUT)).isTrue();
		assertThat(registry.shutdown(TIMEOUT)).isTrue();
		registry.close();

		assertThat(first.shutdowns).hasValue(1);
		assertThat(second.shutdowns).hasValue(1);
	}

	@Test
	void closeUsesTheConfiguredShutdownTimeout() {
		Managed only = new Managed("only", true);
		DefaultBlobUploaderRegistry.builder()
			.defaultUploader(only)
			.shutdownTimeout(Duration.ofSeconds(3))
			.build()
			.close();
		assertThat(only.shutdownTimeouts).containsExactly(Duration.ofSeconds(3));
	}

	@Test
	void theShutdownTimeoutMustNotBeNegative() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultBlobUploaderRegistry.builder().shutdownTimeout(Duration.ofMillis(-1)))
			.withMessage("shutdownTimeout must not be negative but was PT-0.001S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> DefaultBlobUploaderRegistry.builder().shutdownTimeout(null))
			.withMessage("shutdownTimeout must not be negative but was null");
		DefaultBlobUploaderRegistry.builder().shutdownTimeout(Duration.ZERO);
	}

	private static DefaultBlobUploaderRegistry registry(Managed defaults, Managed useCase) {
		return DefaultBlobUploaderRegistry.builder().defaultUploader(defaults).useCase("chat.input", useCase).build();
	}

	/**
	 * An uploader that records how it is flushed and shut down.
	 */
	private static class Managed implements ManagedBlobUploader {

		private final String name;

		private final boolean result;

		final List<Duration> flushTimeouts = new CopyOnWriteArrayList<>();

		final List<Duration> shutdownTimeouts = new CopyOnWriteArrayList<>();

		final List<String> shutdownThreads = new CopyOnWriteArrayList<>();

		final AtomicInteger shutdowns = new AtomicInteger();

		Managed(String name, boolean result) {
			this.name = name;
			this.result = result;
		}

		@Override
		public String uploadAsync(Blob blob) {
			return NOT_UPLOADED;
		}

		@Override
		public String name() {
			return this.name;
		}

		@Override
		public boolean flush(Duration timeout) {
			this.flushTimeouts.add(timeout);
			return this.result;
		}

		@Override
		public boolean shutdown(Duration timeout) {
			this.shutdowns.incrementAndGet();
			this.shutdownTimeouts.add(timeout);
			Thread thread = Thread.currentThread();
			this.shutdownThreads.add(thread.getName() + (thread.isDaemon() ? " daemon" : ""));
			return this.result;
		}

		@Override
		public BlobUploadStats stats() {
			throw new UnsupportedOperationException();
		}

		@Override
		public void close() {
			shutdown(Duration.ZERO);
		}

	}

}
