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
import java.util.List;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link BlobUploadViewerAutoConfiguration} with two running applications (two
 * contexts, two Tomcats) writing to one destination ({@code file:}, S3 on s3proxy, Azure
 * on Azurite): media of a trace recorded through either show on both trace pages and open
 * on both servers, and on a restarted one.
 */
class BlobViewerSharedStorageIntegrationTests {

	private static final String TRACE = "7a3c9e1b5d2f4a6c8e0b1d3f5a7c9e2b";

	@TempDir
	Path folder;

	@Test
	void fileTraceFromInstanceAShowsAndOpensOnB() throws Exception {
		sharedDestination(List.of("blob.upload.uri-prefix=file://" + this.folder + "/shared"));
	}

	@Test
	void twoServicesOnOneTraceIdShowEachSpansOrigin() throws Exception {
		// An outside caller's traceparent makes a service record media on the trace id it
		// names: here two services record on one trace id, as a caller of both could make
		// them.
		List<String> shared = List.of("blob.upload.uri-prefix=file://" + this.folder + "/shared");
		List<String> chat = new ArrayList<>(shared);
		chat.add("spring.application.name=chat-api");
		List<String> ingest = new ArrayList<>(shared);
		ingest.add("spring.application.name=ingest");
		try (ViewerApplication a = ViewerApplication.start(null, chat);
				ViewerApplication b = ViewerApplication.start(null, ingest)) {
			String pathA = record(a, SampleContent.randomPng(3000), "00f067aa0ba902b7");
			String pathB = record(b, SampleContent.randomPng(4000), "10f067aa0ba902b7");
			assertThat(a.page("/blob-viewer/traces/" + TRACE)).contains(href(pathA), href(pathB))
				.contains("Span <span class=\"mono\">00f067aa0ba902b7</span></h2><div class=\"what\">chat-api ·")
				.contains("Span <span class=\"mono\">10f067aa0ba902b7</span></h2><div class=\"what\">ingest ·")
				.contains("Recorded by 2 services");
		}
	}

	@ParameterizedTest
	@EnumSource(names = { "S3", "AZURE" })
	void cloudTraceFromInstanceAShowsAndOpensOnB(StorageTarget target) throws Exception {
		String bucket = UploadProbe.newBucketName("vs");
		target.shared().createBucket(bucket);
		List<String> properties = new ArrayList<>(target.properties(target.shared().port()));
		properties.add("blob.upload.uri-prefix=" + target.uriPrefix(bucket, "shared"));
		sharedDestination(properties);
	}

	private void sharedDestination(List<String> properties) throws Exception {
		byte[] fromA = SampleContent.randomPng(3000);
		byte[] fromB = SampleContent.randomPng(5000);
		String pathA;
		String pathB;
		try (ViewerApplication a = ViewerApplication.start(null, properties)) {
			try (ViewerApplication b = ViewerApplication.start(null, properties)) {
				// Opened before anything is recorded: whatever B caches must not hide
				// later media.
				assertThat(b.page("/blob-viewer/traces/" + TRACE)).doesNotContain("/blob-viewer/default/");
				pathA = record(a, fromA, "00f067aa0ba902b7");
				pathB = record(b, fromB, "10f067aa0ba902b7");
				assertThat(b.page("/blob-viewer/traces/" + TRACE)).contains(href(pathA), href(pathB));
				assertThat(a.page("/blob-viewer/traces/" + TRACE)).contains(href(pathA), href(pathB));
				assertOpens(b, pathA, fromA);
				assertOpens(a, pathB, fromB);
			}
			// B restarted: a new context, nothing left in memory.
			try (ViewerApplication b = ViewerApplication.start(null, properties)) {
				assertThat(b.page("/blob-viewer/traces/" + TRACE)).contains(href(pathA), href(pathB));
				assertOpens(b, pathA, fromA);
				assertOpens(b, pathB, fromB);
			}
		}
	}

	/** Records a blob of the trace through an instance and returns its link's path. */
	private static String record(ViewerApplication app, byte[] png, String spanId) {
		String uri = app.registry()
			.getBlobUploader(null)
			.uploadAsync(new Blob(png, "image/png", BlobLabels.forSpan(TRACE, spanId)));
		app.flush();
		String link = app.links().linkFor(uri);
		return link.substring(link.indexOf("/blob-viewer/"));
	}

	private static void assertOpens(ViewerApplication app, String path, byte[] content) throws Exception {
		HttpResponse<byte[]> response = app.get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.body()).isEqualTo(content);
	}

	private static String href(String path) {
		return "href=\"" + path + "\"";
	}

}
