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

import io.github.blobupload.BlobNamingStrategies;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link RecordedUris}, on their own: the {@code file:} reader checks again
 * that a file lies inside its folder, so the path check of
 * {@link RecordedUris#readableKeyOf} is tested here without it.
 */
class RecordedUrisTests {

	private final RecordedUris fileUris = new RecordedUris("file:///var/blobs/", "", null,
			BlobNamingStrategies.contentAddressed());

	private final RecordedUris prefixedUris = new RecordedUris("s3://bucket/traces/", "traces/", "/traces/",
			BlobNamingStrategies.contentAddressed());

	@ParameterizedTest
	@ValueSource(strings = { "file:///var/blobs/../../etc/passwd", "file:///var/blobs/..", "file:///var/blobs/.",
			"file:///var/blobs/a/../../x", "file:///var/blobs/%2e%2e/x", "file:///var/blobs/..%2fx",
			"file:///var/blobs/a\\..\\x", "file:///var/blobs/a/", "file:///var/blobs/", "file:///var/blobs//etc/passwd",
			"file:///var/blobs/.hidden", "file:///var/other/a.png", "file:///var/blobsx/a.png",
			"https://host/var/blobs/a.png" })
	void readingBackRefusesEverythingButSafeSegmentsUnderThePrefix(String uri) {
		assertThat(this.fileUris.readableKeyOf(uri)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "file:///var/blobs/a1b2.png, a1b2.png", "file:///var/blobs/_index/abc/x.json, _index/abc/x.json" })
	void safeSegmentsUnderThePrefixAreReadable(String uri, String key) {
		assertThat(this.fileUris.readableKeyOf(uri)).contains(key);
	}

	@ParameterizedTest
	@CsvSource({ "s3://bucket/traces/a1b2.png, traces/a1b2.png",
			"https://bucket.s3.amazonaws.com/traces/a1b2.png?X-Amz-Signature=x, traces/a1b2.png" })
	void recordedUrisMapBackToTheirKey(String uri, String key) {
		assertThat(this.prefixedUris.keyOf(uri)).isEqualTo(key);
	}

	@ParameterizedTest
	@ValueSource(strings = { "s3://bucket/traces/../x.png", "s3://bucket/traces/", "s3://other/traces/a.png",
			"https://bucket.s3.amazonaws.com/other/a.png", "https://bucket.s3.amazonaws.com/traces/..?x=1" })
	void uploadsToOtherKeysAreRefused(String uri) {
		assertThat(this.prefixedUris.storageUriOf(uri)).isEmpty();
	}

}
