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

package io.github.blobupload.provider.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.blobupload.PermanentUploadException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Tests for {@link LazyClient}.
 */
class LazyClientTests {

	@Test
	void prefersTheExistingClientAndNeverClosesIt() {
		Closeable users = new Closeable();
		LazyClient<Closeable> lazy = LazyClient.of("test", () -> users, Closeable::new);
		assertThat(lazy.getIfReady()).isNull();
		assertThat(lazy.get()).isSameAs(users);
		assertThat(lazy.isOwned()).isFalse();
		lazy.close();
		assertThat(users.closed).isZero();
	}

	@Test
	void buildsOnceWhenThereIsNoExistingClientAndClosesWhatItBuilt() {
		AtomicInteger builds = new AtomicInteger();
		LazyClient<Closeable> lazy = LazyClient.of("test", () -> null, () -> {
			builds.incrementAndGet();
			return new Closeable();
		});
		Closeable built = lazy.get();
		assertThat(lazy.get()).isSameAs(built);
		assertThat(builds).hasValue(1);
		assertThat(lazy.isOwned()).isTrue();
		lazy.close();
		assertThat(built.closed).isOne();
		assertThatIllegalStateException().isThrownBy(lazy::get);
	}

	@Test
	void aFailedBuildIsTriedAgain() throws Exception {
		AtomicInteger builds = new AtomicInteger();
		LazyClient<Closeable> lazy = LazyClient.of("test", () -> null, () -> {
			if (builds.incrementAndGet() == 1) {
				throw new IllegalStateException("no region");
			}
			return new Closeable();
		});
		assertThat(lazy.initializeInBackground()).failsWithin(5, TimeUnit.SECONDS);
		assertThat(lazy.initializeInBackground().get(5, TimeUnit.SECONDS)).isNotNull();
		assertThat(lazy.getIfReady()).isNotNull();
	}

	@Test
	void aClientThatCannotBeBuiltFailsTheUploadPermanentlyNamingTheDestination() {
		LazyClient<Closeable> lazy = LazyClient.of("S3 client", () -> null, () -> {
			throw new IllegalStateException("Unable to load region.");
		});
		assertThatExceptionOfType(PermanentUploadException.class).isThrownBy(() -> lazy.getForUpload("bucket 'b'"))
			.withMessage("Cannot create the S3 client for bucket 'b': Unable to load region.")
			.withCauseInstanceOf(IllegalStateException.class);
	}

	static final class Closeable implements AutoCloseable {

		int closed;

		@Override
		public void close() {
			this.closed++;
		}

	}

}
