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

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.testsupport.SampleContent;
import io.github.blobupload.testsupport.StorageTarget;
import io.github.blobupload.testsupport.UploadProbe;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link BlobUploadViewerAutoConfiguration}'s read bound against stalled
 * readers: 60 raw sockets with a small receive buffer ask the viewer on a real Tomcat for
 * a 64 MB object on s3proxy and never read it, while uploads run through the same S3
 * client.
 */
class BlobViewerStalledReadersIntegrationTests {

	private static final int READERS = 60;

	private static final int LARGE = 64 * 1024 * 1024;

	private static final int MAX_CONCURRENT_READS = 8;

	private static final String TRACE = "5b8c1d9e2f3a4b5c6d7e8f9a0b1c2d3e";

	@Test
	void stalledReadersStarveNeitherUploadsNorTheTracePage() throws Exception {
		S3Emulator s3 = S3Emulator.shared();
		String bucket = UploadProbe.newBucketName("stall");
		s3.createBucket(bucket);
		byte[] large = new byte[LARGE];
		new Random(20).nextBytes(large);
		s3.client()
			.putObject((put) -> put.bucket(bucket).key("stall/large.bin").contentType("application/octet-stream"),
					RequestBody.fromBytes(large));
		large = null;
		List<String> properties = new ArrayList<>(StorageTarget.S3.properties(s3.port()));
		properties.add("blob.upload.uri-prefix=" + StorageTarget.S3.uriPrefix(bucket, "stall"));
		properties.add("blob.upload.viewer.max-concurrent-reads=" + MAX_CONCURRENT_READS);
		// The cut-off of a blocked write (Tomcat's write timeout), as docs/viewer.md
		// says.
		properties.add("server.tomcat.connection-timeout=5s");
		List<Socket> readers = new ArrayList<>();
		try (ViewerApplication app = ViewerApplication.start(null, properties)) {
			BlobUploader uploader = app.registry().getBlobUploader(null);
			String small = uploader
				.uploadAsync(new Blob(SampleContent.png(), "image/png", BlobLabels.forSpan(TRACE, "00f067aa0ba902b7")));
			app.flush();
			String smallPath = URI.create(app.links().linkFor(small)).getPath();
			URI server = URI.create(app.links().linkFor(small));
			long submittedBefore = stats(uploader).uploaded();
			assertThat(app.get(smallPath).statusCode()).isEqualTo(200);

			List<Integer> statuses = new ArrayList<>();
			for (int i = 0; i < READERS; i++) {
				readers.add(stalledReader(server, "/blob-viewer/default/large.bin"));
			}
			for (Socket reader : readers) {
				statuses.add(status(reader));
			}
			assertThat(statuses).filteredOn((status) -> status == 200).hasSize(MAX_CONCURRENT_READS);
			assertThat(statuses).filteredOn((status) -> status == 503).hasSize(READERS - MAX_CONCURRENT_READS);

			// While they stall, the trace page (which needs a permit of the one
			// destination) is refused at once, not after the pool's 10 s wait.
			long start = System.nanoTime();
			HttpResponse<byte[]> tracePage = app.get("/blob-viewer/traces/" + TRACE);
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(tracePage.statusCode()).isEqualTo(503);
			assertThat(tracePage.headers().firstValue("Retry-After")).hasValue("1");
			assertThat(took).isLessThan(Duration.ofSeconds(2));

			// Uploads go on: done before the cut-off, none retried, none parked.
			start = System.nanoTime();
			for (int i = 0; i < 20; i++) {
				uploader.uploadAsync(new Blob(SampleContent.randomPng(2000 + i), "image/png",
						BlobLabels.forSpan(TRACE, "10f067aa0ba902b7")));
			}
			assertThat(app.registry().flush(Duration.ofSeconds(20))).isTrue();
			took = Duration.ofNanos(System.nanoTime() - start);
			BlobUploadStats after = stats(uploader);
			assertThat(after.uploaded() - submittedBefore).isEqualTo(20);
			assertThat(after.failed()).isZero();
			assertThat(after.retries()).isZero();
			assertThat(after.parked().total()).isZero();
			assertThat(took).isLessThan(Duration.ofSeconds(4));

			// The stalled readers are cut off after Tomcat's write timeout: their permits
			// come back, and what they can still read ends short of the object.
			await().atMost(Duration.ofSeconds(15))
				.pollInterval(Duration.ofMillis(200))
				.until(() -> app.get(smallPath).statusCode() == 200);
			assertThat(app.get("/blob-viewer/traces/" + TRACE).statusCode()).isEqualTo(200);
			for (Socket reader : readers) {
				assertThat(drain(reader)).isLessThan(LARGE);
			}
		}
		finally {
			for (Socket reader : readers) {
				reader.close();
			}
			s3.client().deleteObject((delete) -> delete.bucket(bucket).key("stall/large.bin"));
		}
	}

	private static BlobUploadStats stats(BlobUploader uploader) {
		return ((ManagedBlobUploader) uploader).stats();
	}

	/** Opens a connection with a tiny receive buffer and sends a GET it never reads. */
	private static Socket stalledReader(URI server, String path) throws IOException {
		Socket socket = new Socket();
		socket.setReceiveBufferSize(4096);
		socket.setSoTimeout(30_000);
		socket.connect(new InetSocketAddress(server.getHost(), server.getPort()), 5000);
		socket.getOutputStream()
			.write(("GET " + path + " HTTP/1.1\r\nHost: " + server.getHost() + "\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
		return socket;
	}

	/** Reads the status line only: the rest of the answer stays unread. */
	private static int status(Socket socket) throws IOException {
		InputStream in = socket.getInputStream();
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int b;
		while ((b = in.read()) >= 0 && b != '\n') {
			line.write(b);
		}
		return Integer.parseInt(line.toString(StandardCharsets.US_ASCII).split(" ")[1]);
	}

	/** Reads what is left until the server closes the connection. */
	private static long drain(Socket socket) throws IOException {
		long total = 0;
		byte[] buffer = new byte[64 * 1024];
		try (InputStream in = socket.getInputStream()) {
			int read;
			while ((read = in.read(buffer)) >= 0) {
				total += read;
			}
		}
		catch (IOException ex) {
			// A reset is a cut-off as well.
		}
		return total;
	}

}
