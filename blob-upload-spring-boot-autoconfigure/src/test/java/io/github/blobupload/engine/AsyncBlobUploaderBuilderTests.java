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

import java.time.Duration;

import io.github.blobupload.BlobUploadListener;
import io.github.blobupload.testsupport.ScriptedUploader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/**
 * Tests for {@link AsyncBlobUploaderBuilder}.
 */
class AsyncBlobUploaderBuilderTests {

	private final AsyncBlobUploaderBuilder builder = AsyncBlobUploader.builder(new ScriptedUploader());

	@Test
	void rejectsABlankName() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.name(" "))
			.withMessage("name must not be blank but was ' '");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.name(null))
			.withMessage("name must not be blank but was 'null'");
	}

	@Test
	void rejectsCountsAndSizesBelowOneNamingTheSettingAndTheValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxQueueSize(0))
			.withMessage("maxQueueSize must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxQueueBytes(0))
			.withMessage("maxQueueBytes must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxBlobBytes(0))
			.withMessage("maxBlobBytes must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.workers(0))
			.withMessage("workers must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxAttempts(0))
			.withMessage("maxAttempts must be at least 1 but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.dedupeCacheSize(-1))
			.withMessage("dedupeCacheSize must not be negative but was -1");
	}

	@Test
	void rejectsANegativeRecentUploadsLifetime() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.builder.recentUploadsLifetime(Duration.ofSeconds(-1)))
			.withMessage("recentUploadsLifetime must not be negative but was PT-1S");
		assertThat(this.builder.recentUploadsLifetime(null)
			.recentUploadsLifetime(Duration.ZERO)
			.settings()
			.recentUploadsLifetime()).isZero();
	}

	@Test
	void acceptsTheSmallestValues() {
		AsyncBlobUploader uploader = this.builder.maxQueueSize(1)
			.maxQueueBytes(1)
			.maxBlobBytes(1)
			.workers(1)
			.maxAttempts(1)
			.dedupeCacheSize(0)
			.shutdownTimeout(Duration.ZERO)
			.uploadTimeout(Duration.ofNanos(1))
			.initialBackoff(Duration.ofNanos(1))
			.maxBackoff(Duration.ofNanos(1))
			.logInterval(Duration.ofNanos(1))
			.build();
		try {
			assertThat(uploader.stats().maxQueueSize()).isOne();
			assertThat(uploader.stats().maxQueueBytes()).isOne();
		}
		finally {
			uploader.shutdown(Duration.ZERO);
		}
	}

	@Test
	void rejectsDurationsThatAreNotPositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.uploadTimeout(Duration.ZERO))
			.withMessage("uploadTimeout must be a positive duration but was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.initialBackoff(Duration.ofMillis(-1)))
			.withMessage("initialBackoff must be a positive duration but was PT-0.001S");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxBackoff(Duration.ZERO))
			.withMessage("maxBackoff must be a positive duration but was PT0S");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.logInterval(null))
			.withMessage("logInterval must be a positive duration but was null");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.shutdownTimeout(Duration.ofSeconds(-1)))
			.withMessage("shutdownTimeout must not be negative but was PT-1S");
		assertThatNullPointerException().isThrownBy(() -> this.builder.listener(null))
			.withMessage("listener must not be null");
	}

	@Test
	void rejectsAMaxBackoffShorterThanTheInitialOne() {
		this.builder.initialBackoff(Duration.ofSeconds(2)).maxBackoff(Duration.ofSeconds(1));
		assertThatIllegalArgumentException().isThrownBy(this.builder::validate)
			.withMessage("maxBackoff (PT1S) must not be shorter than initialBackoff (PT2S)");
		assertThat(this.builder.maxBackoff(Duration.ofSeconds(2)).validate()).isSameAs(this.builder);
	}

	@Test
	void rejectsASpoolThatCouldNeverHoldTheLargestBlob() {
		this.builder.maxBlobBytes(10_000).spoolDirectory(java.nio.file.Path.of("spool")).spoolMaxBytes(11_023);
		assertThatIllegalArgumentException().isThrownBy(this.builder::validate)
			.withMessageStartingWith("spoolMaxBytes (11023 bytes) must not be smaller than maxBlobBytes (10000 bytes)");
		this.builder.spoolMaxBytes(11_024).validate();
		this.builder.spoolDirectory(null).spoolMaxBytes(1).validate();
	}

	@Test
	void rejectsSpoolBoundsAndAgesThatCannotWork() {
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.spoolMaxBytes(0))
			.withMessage("spoolMaxBytes must be positive but was 0");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxAge(Duration.ofMillis(-1)))
			.withMessage("maxAge must be zero or a positive duration but was PT-0.001S");
		assertThatIllegalArgumentException().isThrownBy(() -> this.builder.maxParkedBackoff(Duration.ZERO))
			.withMessageStartingWith("maxParkedBackoff must be a positive duration");
		this.builder.spoolMaxBytes(1).maxAge(Duration.ZERO);
	}

	@Test
	void rejectsAQueueThatCouldNeverHoldTheLargestBlob() {
		this.builder.maxQueueBytes(99).maxBlobBytes(100);
		assertThatIllegalArgumentException().isThrownBy(this.builder::build)
			.withMessage("maxQueueBytes (99 bytes) must not be smaller than maxBlobBytes (100 bytes), or the "
					+ "largest blobs could never be queued");
		assertThat(this.builder.maxQueueBytes(100).validate()).isSameAs(this.builder);
	}

	@Test
	void describesItsSettingsButNotItsListener() {
		AsyncBlobUploader uploader = this.builder.name("described").listener(new BlobUploadListener() {
		}).build();
		try {
			assertThat(uploader.toString()).startsWith("AsyncBlobUploader[name=described, maxQueueSize=10000, "
					+ "maxQueueBytes=104857600, maxBlobBytes=20971520, workers=2, uploadTimeout=PT30S, maxAttempts=3, "
					+ "initialBackoff=PT0.25S, maxBackoff=PT5S, dedupeCacheSize=10000, shutdownTimeout=PT10S, "
					+ "logInterval=PT30S, maxAge=PT12H, maxParkedBackoff=PT1M, spoolDirectory=null, "
					+ "spoolMaxBytes=1073741824, spoolFsync=false, recentUploadsLifetime=unlimited, provider=");
		}
		finally {
			uploader.shutdown(Duration.ZERO);
		}
	}

}
