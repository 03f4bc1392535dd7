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

package io.github.blobupload.internal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link Redactor}.
 */
class RedactorTests {

	@Test
	void uriLosesUserInformationAndQuery() {
		assertThat(Redactor.uri("s3://AKIAXXX:secretkey@bucket/x")).isEqualTo("s3://bucket/x");
		assertThat(Redactor.uri("s3://AKIA:se/cr@et@bucket/x")).isEqualTo("s3://bucket/x");
		assertThat(Redactor.uri("azblob://acct/c/p?sv=2022-11-02&sig=SECRETSIG"))
			.isEqualTo("azblob://acct/c/p?(redacted)");
		assertThat(Redactor.uri("https://u:p@host/b?X-Goog-Signature=abc")).isEqualTo("https://host/b?(redacted)");
	}

	@Test
	void uriWithoutCredentialsIsUnchanged() {
		assertThat(Redactor.uri("s3://bucket/genai/blobs")).isEqualTo("s3://bucket/genai/blobs");
		assertThat(Redactor.uri("file:///var/lib/app/blobs")).isEqualTo("file:///var/lib/app/blobs");
		assertThat(Redactor.uri("file:blob-uploads")).isEqualTo("file:blob-uploads");
	}

	@ParameterizedTest
	@ValueSource(strings = { "PUT https://AKIAXXX:SECRET@store.example.com/b failed",
			"'s3://AKIAXXX:SECRET@bucket/x' is not valid",
			"GET https://acct.blob.core.windows.net/c/x?sv=1&sig=SECRET: 403",
			"https://storage.googleapis.com/b/o?X-Goog-Credential=a&X-Goog-Signature=SECRET",
			"DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=SECRET;EndpointSuffix=x",
			"SharedAccessSignature=SECRET", "X-Amz-Signature=SECRET&X-Amz-Credential=SECRET", "password=SECRET",
			"client_secret=SECRET", "api-key=SECRET", "token=SECRET" })
	void textLosesEverySecret(String text) {
		assertThat(Redactor.text(text)).doesNotContain("SECRET").contains(Redactor.REDACTED);
	}

	@Test
	void textKeepsWhatIsNotSecret() {
		assertThat(Redactor.text("IOException: connection reset by s3://bucket/genai/a1b2.png"))
			.isEqualTo("IOException: connection reset by s3://bucket/genai/a1b2.png");
		assertThat(Redactor.text("'s3://AKIA:SECRET@bucket/x'")).isEqualTo("'s3://(redacted)@bucket/x'");
	}

}
