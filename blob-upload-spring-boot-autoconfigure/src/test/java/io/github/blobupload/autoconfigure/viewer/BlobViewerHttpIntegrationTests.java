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

package io.github.blobupload.autoconfigure.viewer;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.google.cloud.storage.Storage;
import com.google.cloud.storage.contrib.nio.testing.LocalStorageHelper;
import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadViewerAutoConfiguration} over HTTP, per provider: a blob
 * recorded with a trace id through a running application ({@code file:}, S3 on s3proxy,
 * Azure on Azurite, Google Cloud Storage on Google's in-memory fake), its link taken from
 * the {@code BlobLinks} bean and opened with the JDK's HTTP client: exact bytes, headers,
 * a range, the blob page and the trace page.
 */
class BlobViewerHttpIntegrationTests {

	private static final String TRACE = "5e1f0a9c3b7d4e2f8a6b1c0d9e8f7a6b";

	private static final String SPAN = "c3d2e1f0a9b8c7d6";

	@TempDir
	Path folder;

	@Test
	void fileLinkOpensOverHttpWithRangeAndPages() throws Exception {
		opensOverHttp(null, List.of("blob.upload.uri-prefix=file://" + this.folder + "/media"));
	}

	@ParameterizedTest
	@EnumSource(StorageTarget.class)
	void cloudLinkOpensOverHttpWithRangeAndPages(StorageTarget target) throws Exception {
		String bucket = UploadProbe.newBucketName("vw");
		List<String> properties = new ArrayList<>();
		properties.add("blob.upload.uri-prefix=" + target.uriPrefix(bucket, "media"));
		Storage gcs = null;
		if (target.emulated()) {
			target.shared().createBucket(bucket);
			properties.addAll(target.properties(target.shared().port()));
		}
		else {
			gcs = LocalStorageHelper.customOptions(false).getService();
		}
		opensOverHttp(gcs, properties);
	}

	private void opensOverHttp(@Nullable Storage gcs, List<String> properties) throws Exception {
		try (ViewerApplication app = ViewerApplication.start(gcs, properties)) {
			byte[] png = SampleContent.randomPng(4096);
			String uri = app.registry()
				.getBlobUploader(null)
				.uploadAsync(new Blob(png, "image/png", BlobLabels.forSpan(TRACE, SPAN)));
			app.flush();
			String link = app.links().linkFor(uri);
			assertThat(link).startsWith("http://127.0.0.1:").contains("/blob-viewer/default/");
			String path = link.substring(link.indexOf("/blob-viewer/"));

			HttpResponse<byte[]> whole = app.get(link);
			assertThat(whole.statusCode()).isEqualTo(200);
			assertThat(whole.body()).isEqualTo(png);
			assertThat(whole.headers().firstValue("Content-Type")).hasValue("image/png");
			assertThat(whole.headers().firstValueAsLong("Content-Length")).hasValue(png.length);
			String etag = whole.headers().firstValue("ETag").orElseThrow();
			assertThat(etag).matches("\"[^\"]+\"");

			HttpResponse<byte[]> range = app.get(link, "Range", "bytes=10-99");
			assertThat(range.statusCode()).isEqualTo(206);
			assertThat(range.body()).isEqualTo(Arrays.copyOfRange(png, 10, 100));
			assertThat(range.headers().firstValue("Content-Range")).hasValue("bytes 10-99/" + png.length);
			assertThat(range.headers().firstValueAsLong("Content-Length")).hasValue(90);
			assertThat(range.headers().firstValue("ETag")).hasValue(etag);

			String details = "/blob-viewer/blobs/" + path.substring("/blob-viewer/".length());
			assertThat(app.page(details)).contains(uri, TRACE, SPAN, "href=\"" + path + "\"");
			assertThat(app.page("/blob-viewer/traces/" + TRACE)).contains("href=\"" + path + "\"",
					"href=\"" + details + "\"");
		}
	}

}
