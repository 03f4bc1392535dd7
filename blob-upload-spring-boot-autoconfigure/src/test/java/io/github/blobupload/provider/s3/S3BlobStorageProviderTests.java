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

import io.github.blobupload.Blob;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.provider.internal.LazyClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link S3BlobStorageProvider} and {@link S3BlobUploader} that need no server.
 */
class S3BlobStorageProviderTests {

	private final LazyClient<S3Client> unused = LazyClient.of("unused", () -> null, () -> {
		throw new IllegalStateException("no client in unit tests");
	});

	@Test
	void parsesBucketAndKeyPrefix() {
		assertThat(S3BlobStorageProvider.parse("s3://my-bucket"))
			.isEqualTo(new S3BlobStorageProvider.Location("my-bucket", ""));
		assertThat(S3BlobStorageProvider.parse("s3://my-bucket/"))
			.isEqualTo(new S3BlobStorageProvider.Location("my-bucket", ""));
		assertThat(S3BlobStorageProvider.parse("S3://my.bucket/genai/blobs/"))
			.isEqualTo(new S3BlobStorageProvider.Location("my.bucket", "genai/blobs/"));
	}

	@Test
	void rejectsMalformedPrefixesWithAnExample() {
		assertThatIllegalArgumentException().isThrownBy(() -> S3BlobStorageProvider.parse("s3://"))
			.withMessageContaining("names no bucket")
			.withMessageContaining("s3://my-bucket");
		assertThatIllegalArgumentException().isThrownBy(() -> S3BlobStorageProvider.parse("s3:/bucket"))
			.withMessageContaining("not an s3:// prefix");
		assertThatIllegalArgumentException().isThrownBy(() -> S3BlobStorageProvider.parse("s3://ab"))
			.withMessageContaining("not a valid S3 bucket name");
		assertThatIllegalArgumentException().isThrownBy(() -> S3BlobStorageProvider.parse("s3://bucket/../etc"))
			.withMessageContaining("A-Z a-z 0-9 . _ -");
		assertThatIllegalArgumentException().isThrownBy(() -> S3BlobStorageProvider.parse("s3://bucket/a//b"))
			.withMessageContaining("single slashes");
	}

	@Test
	void namesObjectsUnderThePrefixAndMapsUrisBackToKeys() {
		S3BlobUploader uploader = new S3BlobUploader("bucket", "traces/", (blob) -> "abc.png", this.unused, null,
				S3UploadOptions.defaults());
		String uri = uploader.generateDestinationUri(new Blob(new byte[] { 1 }, "image/png", null));
		assertThat(uri).isEqualTo("s3://bucket/traces/abc.png");
		assertThat(uploader.keyOf(uri)).isEqualTo("traces/abc.png");
		assertThat(uploader.keyOf("https://bucket.s3.eu-west-1.amazonaws.com/traces/abc.png?X-Amz-Signature=1"))
			.isEqualTo("traces/abc.png");
		assertThat(uploader.keyOf("http://127.0.0.1:9000/bucket/traces/abc.png?X-Amz-Signature=1"))
			.isEqualTo("traces/abc.png");
		assertThatIllegalArgumentException().isThrownBy(() -> uploader.keyOf("s3://other/traces/abc.png"));
		assertThatIllegalArgumentException().isThrownBy(() -> uploader.keyOf("https://h/other/abc.png"));
		assertThatIllegalArgumentException().isThrownBy(() -> uploader.keyOf("s3://bucket/traces/../x"));
	}

	@Test
	void aNamingStrategyWithUnsafeNamesIsRefused() {
		S3BlobUploader uploader = new S3BlobUploader("bucket", "", (blob) -> "../x", this.unused, null,
				S3UploadOptions.defaults());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> uploader.generateDestinationUri(new Blob(new byte[] { 1 }, null, null)));
	}

	@Test
	void classifiesStoreAnswers() {
		S3BlobUploader uploader = new S3BlobUploader("bucket", "", (blob) -> "x", this.unused, null,
				S3UploadOptions.defaults());
		assertThat(uploader.classify(s3Error(404, "NoSuchBucket"))).isInstanceOf(PermanentUploadException.class)
			.hasMessageContaining("'bucket'")
			.hasMessageContaining("404 NoSuchBucket");
		assertThat(uploader.classify(s3Error(403, "AccessDenied"))).isInstanceOf(PermanentUploadException.class);
		assertThat(uploader.classify(s3Error(403, "InvalidAccessKeyId"))).isInstanceOf(PermanentUploadException.class);
		assertThat(uploader.classify(s3Error(301, "PermanentRedirect"))).isInstanceOf(PermanentUploadException.class);
		assertThat(uploader.classify(s3Error(503, "SlowDown"))).isNotInstanceOf(PermanentUploadException.class);
		assertThat(uploader.classify(s3Error(500, "InternalError"))).isNotInstanceOf(PermanentUploadException.class);
		assertThat(uploader.classify(s3Error(400, "RequestTimeout"))).isNotInstanceOf(PermanentUploadException.class);
		assertThat(uploader.classify(s3Error(429, null))).isNotInstanceOf(PermanentUploadException.class);
		assertThat(uploader.classify(SdkClientException.create("Unable to execute HTTP request: Connection refused")))
			.isNotInstanceOf(PermanentUploadException.class);
		assertThat(uploader.classify(SdkClientException.create("Unable to load credentials from any of the providers")))
			.isInstanceOf(PermanentUploadException.class);
	}

	private static S3Exception s3Error(int status, String code) {
		return (S3Exception) S3Exception.builder()
			.statusCode(status)
			.awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("answer").build())
			.build();
	}

}
