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

package io.github.blobupload.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.provider.s3.S3UploadOptions;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.viewer.BlobViewerServlet;
import io.github.blobupload.viewer.RedirectDelivery;
import io.github.blobupload.viewer.ViewerAccess;
import io.github.blobupload.viewer.ViewerDestinations;
import io.github.blobupload.viewer.ViewerReadListener;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * The viewer's redirect delivery ({@code blob.upload.viewer.delivery=redirect}) against a
 * direct signed GET of the same 100 MB object, in the same run, on S3 (s3proxy with its
 * in-memory store, in its own JVM, as {@link BenchmarkEmulators} starts it).
 * <p>
 * {@code baseline}: a GET of a presigned URL of the object (signed once, with the same
 * response overrides the viewer asks for), as a browser holding a signed URL would send
 * it. {@code redirect}: a GET of the object's viewer link, answered {@code 307} by the
 * viewer's servlet in an embedded Tomcat on 127.0.0.1 (after reading the object's content
 * type once and signing a fresh URL; no read listener, so no audit line), then followed
 * to the store. Both read every byte into a 64 KB buffer through the JDK's
 * {@code HttpURLConnection}. The ratio printed by {@link RatioReport} is the redirect's
 * share of the direct GET's throughput; {@code redirectAnswerOnly} measures the
 * {@code 307} alone. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.blobupload.benchmarks.RatioReport ViewerRedirectBenchmark}
 * (after {@code ./mvnw -B -Pbenchmarks -pl benchmarks -am package -DskipTests}).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx64m", "-Xms64m" })
@State(Scope.Benchmark)
public class ViewerRedirectBenchmark {

	private static final int SIZE = 100 * 1024 * 1024;

	private static final String NAME = "0000000000000000000000000000000000000000000000000000000000000100.wav";

	private static final String BUCKET = "redirect";

	private Path folder;

	private S3Emulator emulator;

	private S3Client s3;

	private S3Presigner presigner;

	private ManagedBlobUploader uploader;

	private Tomcat tomcat;

	private URL link;

	private URL signed;

	private final byte[] buffer = new byte[64 * 1024];

	/**
	 * Writes the object into a new s3proxy, signs its URL and starts the viewer.
	 * @throws IOException if the file cannot be written
	 * @throws LifecycleException if Tomcat cannot start
	 */
	@Setup
	public void setUp() throws IOException, LifecycleException {
		this.folder = Files.createTempDirectory("redirect-benchmark");
		Path object = this.folder.resolve(NAME);
		Random random = new Random(42);
		byte[] chunk = new byte[1024 * 1024];
		try (OutputStream out = Files.newOutputStream(object)) {
			for (int written = 0; written < SIZE; written += chunk.length) {
				random.nextBytes(chunk);
				out.write(chunk);
			}
		}
		this.emulator = BenchmarkEmulators.startS3(BUCKET);
		this.s3 = this.emulator.newClient();
		this.s3.putObject((request) -> request.bucket(BUCKET).key("blobs/" + NAME).contentType("audio/wav"),
				RequestBody.fromFile(object));
		Files.delete(object);
		this.presigner = S3Presigner.builder()
			.endpointOverride(this.emulator.endpoint())
			.region(Region.of(S3Emulator.REGION))
			.credentialsProvider(StaticCredentialsProvider
				.create(AwsBasicCredentials.create(S3Emulator.ACCESS_KEY, S3Emulator.SECRET_KEY)))
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
			.build();
		this.signed = this.presigner
			.presignGetObject((presign) -> presign.signatureDuration(Duration.ofHours(1))
				.getObjectRequest((get) -> get.bucket(BUCKET)
					.key("blobs/" + NAME)
					.responseContentType("audio/wav")
					.responseContentDisposition("inline; filename=\"" + NAME + "\"")))
			.url();
		String destination = "s3://" + BUCKET + "/blobs";
		S3BlobStorageProvider provider = new S3BlobStorageProvider(LazyClient.ofInstance("S3 client", this.s3),
				LazyClient.ofInstance("S3 presigner", this.presigner), S3UploadOptions.defaults());
		this.uploader = AsyncBlobUploader
			.builder(provider.createUploader(destination, BlobNamingStrategies.contentAddressed()))
			.build();
		DefaultBlobUploaderRegistry registry = DefaultBlobUploaderRegistry.builder()
			.defaultUploader(this.uploader)
			.destination(DefaultBlobUploaderRegistry.DEFAULT_USE_CASE, destination)
			.build();
		this.tomcat = new Tomcat();
		this.tomcat.setBaseDir(this.folder.resolve("tomcat").toString());
		this.tomcat.setHostname("127.0.0.1");
		this.tomcat.setPort(0);
		this.tomcat.getConnector().setProperty("address", "127.0.0.1");
		Context context = this.tomcat.addContext("", this.folder.toString());
		Tomcat.addServlet(context, "blobViewer",
				new BlobViewerServlet(ViewerDestinations.of(registry.destinations()), null, ViewerAccess.LOCAL,
						ViewerReadListener.NONE, BlobViewerServlet.DEFAULT_MAX_CONCURRENT_READS,
						new RedirectDelivery(Duration.ofMinutes(5))));
		context.addServletMappingDecoded("/blob-viewer/*", "blobViewer");
		this.tomcat.start();
		int port = this.tomcat.getConnector().getLocalPort();
		this.link = URI.create("http://127.0.0.1:" + port + "/blob-viewer/default/" + NAME).toURL();
	}

	/**
	 * Stops the viewer and the store, and deletes the folder.
	 * @throws Exception if Tomcat cannot stop or the files cannot be deleted
	 */
	@TearDown
	public void tearDown() throws Exception {
		this.tomcat.stop();
		this.tomcat.destroy();
		this.uploader.close();
		this.presigner.close();
		this.s3.close();
		this.emulator.close();
		try (Stream<Path> files = Files.walk(this.folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/**
	 * Reads the object with a direct GET of its presigned URL.
	 * @return the bytes read
	 * @throws IOException if it cannot be read
	 */
	@Benchmark
	public long baseline() throws IOException {
		return read(this.signed, false);
	}

	/**
	 * Reads the object through the viewer's redirect, followed to the store.
	 * @return the bytes read
	 * @throws IOException if it cannot be read
	 */
	@Benchmark
	public long redirect() throws IOException {
		return read(this.link, true);
	}

	/**
	 * Asks the viewer for the object's link without following the redirect: what one
	 * redirect costs (the loopback request, the access checks, a local signature).
	 * @return the length of the signed URL
	 * @throws IOException if the viewer cannot be reached
	 */
	@Benchmark
	public int redirectAnswerOnly() throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.link.openConnection();
		connection.setInstanceFollowRedirects(false);
		if (connection.getResponseCode() != 307) {
			throw new IllegalStateException("Answered " + connection.getResponseCode());
		}
		String location = connection.getHeaderField("Location");
		connection.getInputStream().close();
		return location.length();
	}

	/**
	 * Asks the viewer for the object's link without following it, then reads the
	 * {@code Location} it answered as a new request: a browser's two requests, without
	 * the client's own redirect handling.
	 * @return the bytes read
	 * @throws IOException if it cannot be read
	 */
	long readLocation() throws IOException {
		HttpURLConnection connection = (HttpURLConnection) this.link.openConnection();
		connection.setInstanceFollowRedirects(false);
		if (connection.getResponseCode() != 307) {
			throw new IllegalStateException("Answered " + connection.getResponseCode());
		}
		String location = connection.getHeaderField("Location");
		connection.getInputStream().close();
		return read(URI.create(location).toURL(), false);
	}

	private long read(URL url, boolean redirected) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) url.openConnection();
		connection.setInstanceFollowRedirects(true);
		if (connection.getResponseCode() != 200) {
			throw new IllegalStateException("Answered " + connection.getResponseCode());
		}
		if (redirected && connection.getURL().equals(url)) {
			throw new IllegalStateException("The viewer did not redirect");
		}
		try (InputStream body = connection.getInputStream()) {
			long total = 0;
			for (int read = body.read(this.buffer); read >= 0; read = body.read(this.buffer)) {
				total += read;
			}
			if (total != SIZE) {
				throw new IllegalStateException("Read " + total + " bytes");
			}
			return total;
		}
	}

}
