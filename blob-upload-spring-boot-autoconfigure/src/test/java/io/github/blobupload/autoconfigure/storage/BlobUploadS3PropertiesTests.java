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
