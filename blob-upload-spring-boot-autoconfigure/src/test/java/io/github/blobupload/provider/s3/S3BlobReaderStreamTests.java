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

package io.github.blobupload.provider.s3;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link S3BlobReader.AbortingStream}, over the SDK's own response stream.
 */
class S3BlobReaderStreamTests {

	private static final int SIZE = 1024 * 1024;

	private final AtomicBoolean aborted = new AtomicBoolean();

	private final AtomicInteger readFromConnection = new AtomicInteger();

	@Test
	void closedEarlyAbortsInsteadOfReadingTheRest() throws IOException {
		S3BlobReader.AbortingStream stream = stream();
		assertThat(stream.readNBytes(1000)).hasSize(1000);
		stream.close();
		assertThat(this.aborted).isTrue();
		assertThat(this.readFromConnection.get()).isLessThan(SIZE);
	}

	@Test
	void readToTheEndIsClosedWithoutAbort() throws IOException {
		S3BlobReader.AbortingStream stream = stream();
		assertThat(stream.readAllBytes()).hasSize(SIZE);
		stream.close();
		assertThat(this.aborted).isFalse();
	}

	@Test
	void aFewBytesLeftAreNotWorthAnAbort() throws IOException {
		S3BlobReader.AbortingStream stream = stream();
		stream.skipNBytes(SIZE - S3BlobReader.AbortingStream.DRAIN_LIMIT);
		stream.close();
		assertThat(this.aborted).isFalse();
	}

	private S3BlobReader.AbortingStream stream() {
		ByteArrayInputStream connection = new ByteArrayInputStream(new byte[SIZE]) {

			@Override
			public synchronized int read(byte[] buffer, int offset, int length) {
				int read = super.read(buffer, offset, length);
				S3BlobReaderStreamTests.this.readFromConnection.addAndGet(Math.max(read, 0));
				return read;
			}

		};
		ResponseInputStream<GetObjectResponse> response = new ResponseInputStream<>(
				GetObjectResponse.builder().contentLength((long) SIZE).build(),
				AbortableInputStream.create(connection, () -> this.aborted.set(true)));
		return new S3BlobReader.AbortingStream(response, SIZE);
	}

}
