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

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.provider.internal.LazyClient;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for the requests {@link S3BlobUploader} sends, against a client that records
 * them: the blob's labels go with the object as user metadata, in the one request that
 * writes it. What a real store keeps of them is tested against the S3 emulator.
 */
class S3BlobUploaderTests {

	private final RecordingS3Client s3 = new RecordingS3Client();

	@Test
	void labelsAreWrittenAsObjectMetadata() throws Exception {
		S3BlobUploader uploader = uploader(S3UploadOptions.defaults());
		Blob blob = new Blob(new byte[] { 1, 2, 3 }, "image/png", labels());
		String uri = uploader.generateDestinationUri(blob);

		uploader.uploadSync(uri, blob);

		PutObjectRequest put = (PutObjectRequest) this.s3.requests.get(0);
		assertThat(put.bucket()).isEqualTo("bucket");
		assertThat(put.key()).startsWith("traces/").endsWith(".png");
		assertThat(put.contentType()).isEqualTo("image/png");
		assertThat(put.metadata()).containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
			.containsEntry("use_case", "chat-input")
			.hasSize(2);
	}

	@Test
	void aMultipartUploadCarriesTheLabelsInTheRequestThatCreatesIt() throws Exception {
		S3BlobUploader uploader = uploader(S3UploadOptions.builder()
			.multipartThreshold(S3UploadOptions.MIN_PART_SIZE)
			.partSize(S3UploadOptions.MIN_PART_SIZE)
			.build());
		Blob blob = new Blob(new byte[(int) S3UploadOptions.MIN_PART_SIZE + 1], "image/png", labels());

		uploader.uploadSync(uploader.generateDestinationUri(blob), blob);

		CreateMultipartUploadRequest create = (CreateMultipartUploadRequest) this.s3.requests.get(0);
		assertThat(create.metadata()).containsEntry("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736")
			.containsEntry("use_case", "chat-input");
		assertThat(create.contentType()).isEqualTo("image/png");
		assertThat(this.s3.requests).hasSize(4).last().isInstanceOf(CompleteMultipartUploadRequest.class);
	}

	@Test
	void aBlobWithoutLabelsHasNoMetadata() throws Exception {
		S3BlobUploader uploader = uploader(S3UploadOptions.defaults());
		Blob blob = new Blob(new byte[] { 1 }, "image/png", null);
		uploader.uploadSync(uploader.generateDestinationUri(blob), blob);
		assertThat(((PutObjectRequest) this.s3.requests.get(0)).metadata()).isEmpty();
	}

	private S3BlobUploader uploader(S3UploadOptions options) {
		return new S3BlobUploader("bucket", "traces/", BlobNamingStrategies.contentAddressed(),
				LazyClient.of("S3 client", () -> this.s3, () -> this.s3), null, options);
	}

	private static Map<String, String> labels() {
		Map<String, String> labels = new LinkedHashMap<>();
		labels.put("trace_id", "4bf92f3577b34da6a3ce929d0e0e4736");
		labels.put("use_case", "chat-input");
		return labels;
	}

	/**
	 * Records each request and answers as S3 does when all goes well.
	 */
	private static final class RecordingS3Client implements S3Client {

		final List<Object> requests = new CopyOnWriteArrayList<>();

		@Override
		public PutObjectResponse putObject(PutObjectRequest request, RequestBody body) {
			this.requests.add(request);
			return PutObjectResponse.builder().eTag("\"etag\"").build();
		}

		@Override
		public CreateMultipartUploadResponse createMultipartUpload(CreateMultipartUploadRequest request) {
			this.requests.add(request);
			return CreateMultipartUploadResponse.builder().uploadId("upload-1").build();
		}

		@Override
		public UploadPartResponse uploadPart(UploadPartRequest request, RequestBody body) {
			this.requests.add(request);
			return UploadPartResponse.builder().eTag("\"part-" + request.partNumber() + "\"").build();
		}

		@Override
		public CompleteMultipartUploadResponse completeMultipartUpload(CompleteMultipartUploadRequest request) {
			this.requests.add(request);
			return CompleteMultipartUploadResponse.builder().build();
		}

		@Override
		public String serviceName() {
			return "s3";
		}

		@Override
		public void close() {
		}

	}

}
