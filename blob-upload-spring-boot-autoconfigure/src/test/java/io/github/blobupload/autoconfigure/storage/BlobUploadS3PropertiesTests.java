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

package io.github.blobupload.autoconfigure.storage;

import io.github.blobupload.provider.s3.S3UploadOptions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadS3Properties}.
 */
class BlobUploadS3PropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		BlobUploadS3Properties properties = new BlobUploadS3Properties();
		S3UploadOptions defaults = S3UploadOptions.defaults();
		assertThat(properties.getMultipartThreshold().toBytes()).isEqualTo(defaults.multipartThreshold());
		assertThat(properties.getPartSize().toBytes()).isEqualTo(defaults.partSize());
		assertThat(properties.getServerSideEncryption())
			.isEqualTo(BlobUploadS3Properties.ServerSideEncryption.BUCKET_DEFAULT);
		assertThat(defaults.serverSideEncryption()).isNull();
		assertThat(properties.getKmsKeyId()).isEqualTo(defaults.kmsKeyId()).isNull();
		assertThat(properties.isPathStyleAccess()).isFalse();
	}

}
