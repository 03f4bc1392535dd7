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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.file.FileBlobStorageProvider;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.provider.s3.S3UploadOptions;
import io.github.blobupload.registry.DefaultBlobUploaderRegistry;
import io.github.blobupload.testsupport.S3Emulator;
import io.github.blobupload.viewer.BlobViewerServlet;
import io.github.blobupload.viewer.ViewerAccess;
import io.github.blobupload.viewer.ViewerDestinations;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.Wrapper;
import org.apache.catalina.startup.Tomcat;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.Environment;
import org.springframework.web.context.support.AnnotationConfigWebApplicationContext;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Serving a 100 MB object through the blob viewer against the fair limit of the same
 * bytes over the same HTTP, in the same run, with the object on local disk
 * ({@code store=file}) or in S3 ({@code store=s3}: s3proxy with its in-memory store, in
 * its own JVM on this machine, as {@link BenchmarkEmulators} starts it for
 * {@link S3ThroughputRun}).
 * <p>
 * {@code viewer}: a GET of the object's link from the viewer's servlet in an embedded
 * Tomcat on 127.0.0.1, the response read through the JDK's {@code HttpURLConnection} (a
 * kept-alive connection) into a 64 KB buffer. {@code baseline} depends on the store:
 * <ul>
 * <li>{@code file}: a GET of the same file, over the same connector and with the same
 * client, from Spring's static-resource handling: the {@code ResourceHttpRequestHandler}
 * that Spring Boot registers for {@code spring.web.resources.static-locations} (here
 * {@code file:<folder>/}, registered the same way through {@code WebMvcConfigurer} behind
 * a {@code DispatcherServlet} in the same Tomcat). Both sides pay the loopback HTTP
 * stack; the ratio is what the viewer adds to it.</li>
 * <li>{@code s3}: the object read straight with {@code S3Client.getObject} (the client
 * the viewer's reader uses). The viewer reads the same bytes the same way and then sends
 * them over one more loopback HTTP connection, so the ratio includes that hop and the CPU
 * that Tomcat and the second client take from s3proxy on the same cores.</li>
 * </ul>
 * The score is throughput (objects per second), so the ratio printed by
 * {@link RatioReport} for each store is the viewer's share of the baseline's throughput.
 * The forked JVM has a 64 MB heap, smaller than the object: the run completes only if the
 * object is streamed, never held whole. Run with
 * {@code java -cp benchmarks/target/benchmarks.jar io.github.blobupload.benchmarks.RatioReport ViewerServingBenchmark}
 * (after {@code ./mvnw -B -Pbenchmarks -pl benchmarks -am package -DskipTests}, which
 * puts the s3proxy jar next to it).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgsAppend = { "-Xmx64m", "-Xms64m" })
@State(Scope.Benchmark)
public class ViewerServingBenchmark {

	private static final int SIZE = 100 * 1024 * 1024;

	private static final String NAME = "0000000000000000000000000000000000000000000000000000000000000100.wav";

	private static final String BUCKET = "viewer";

	/** Where the object is: {@code file} (local disk) or {@code s3} (s3proxy). */
	@Param({ "file", "s3" })
	public String store;

	private Path folder;

	private @Nullable S3Emulator emulator;

	private @Nullable S3Client s3;

	private ManagedBlobUploader uploader;

	private Tomcat tomcat;

	private URL link;

	private URL staticLink;

	private final byte[] buffer = new byte[64 * 1024];

	/**
	 * Writes the object (streamed to disk, with the sidecar the file provider writes, or
	 * from disk into a new s3proxy) and starts the viewer.
	 * @throws IOException if the file cannot be written
	 * @throws LifecycleException if Tomcat cannot start
	 */
	@Setup
	public void setUp() throws IOException, LifecycleException {
		this.folder = Files.createTempDirectory("viewer-benchmark");
		Path blobs = Files.createDirectories(this.folder.resolve("blobs"));
		Path object = blobs.resolve(NAME);
		Random random = new Random(42);
		byte[] chunk = new byte[1024 * 1024];
		try (OutputStream out = Files.newOutputStream(object)) {
			for (int written = 0; written < SIZE; written += chunk.length) {
				random.nextBytes(chunk);
				out.write(chunk);
			}
		}
		String destination;
		if (this.store.equals("s3")) {
			S3Emulator emulator = BenchmarkEmulators.startS3(BUCKET);
			this.emulator = emulator;
			S3Client s3 = emulator.newClient();
			this.s3 = s3;
			destination = "s3://" + BUCKET + "/blobs";
			s3.putObject((request) -> request.bucket(BUCKET).key("blobs/" + NAME).contentType("audio/wav"),
					RequestBody.fromFile(object));
			Files.delete(object);
			S3BlobStorageProvider provider = new S3BlobStorageProvider(LazyClient.ofInstance("S3 client", s3), null,
					S3UploadOptions.defaults());
			this.uploader = AsyncBlobUploader
				.builder(provider.createUploader(destination, BlobNamingStrategies.contentAddressed()))
				.build();
		}
		else {
			Files.writeString(
					blobs.resolve(NAME + FileBlobStorageProvider.SIDECAR_SUFFIX), "{\"uri\":\"" + blobs.toUri() + NAME
							+ "\",\"contentType\":\"audio/wav\",\"size\":" + SIZE + ",\"labels\":{}}\n",
					StandardCharsets.UTF_8);
			destination = blobs.toUri().toString();
			this.uploader = AsyncBlobUploader
				.builder(new FileBlobStorageProvider().createUploader(destination,
						BlobNamingStrategies.contentAddressed()))
				.build();
		}
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
				new BlobViewerServlet(ViewerDestinations.of(registry.destinations()), null, ViewerAccess.LOCAL));
		context.addServletMappingDecoded("/blob-viewer/*", "blobViewer");
		if (this.s3 == null) {
			Wrapper resources = Tomcat.addServlet(context, "staticResources", staticResources(blobs));
			resources.setLoadOnStartup(1);
			context.addServletMappingDecoded("/", "staticResources");
		}
		this.tomcat.start();
		int port = this.tomcat.getConnector().getLocalPort();
		this.link = URI.create("http://127.0.0.1:" + port + "/blob-viewer/default/" + NAME).toURL();
		this.staticLink = URI.create("http://127.0.0.1:" + port + "/static/" + NAME).toURL();
	}

	/**
	 * Stops the viewer and deletes the object.
	 * @throws Exception if Tomcat cannot stop or the files cannot be deleted
	 */
	@TearDown
	public void tearDown() throws Exception {
		this.tomcat.stop();
		this.tomcat.destroy();
		this.uploader.close();
		if (this.s3 != null) {
			this.s3.close();
		}
		if (this.emulator != null) {
			this.emulator.close();
		}
		try (Stream<Path> files = Files.walk(this.folder)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(file);
			}
		}
	}

	/**
	 * Reads the object at the fair limit: from Spring's static-resource handling over the
	 * same HTTP ({@code file}), or straight from the S3 client ({@code s3}).
	 * @return the bytes read
	 * @throws IOException if it cannot be read
	 */
	@Benchmark
	public long baseline() throws IOException {
		S3Client s3 = this.s3;
		if (s3 != null) {
			try (InputStream content = s3.getObject((request) -> request.bucket(BUCKET).key("blobs/" + NAME))) {
				return drain(content);
			}
		}
		return get(this.staticLink);
	}

	/**
	 * Reads the object through the viewer over HTTP.
	 * @return the bytes read
	 * @throws IOException if it cannot be read
	 */
	@Benchmark
	public long viewer() throws IOException {
		return get(this.link);
	}

	private long get(URL url) throws IOException {
		HttpURLConnection connection = (HttpURLConnection) url.openConnection();
		if (connection.getResponseCode() != 200) {
			throw new IllegalStateException(url.getPath() + " answered " + connection.getResponseCode());
		}
		try (InputStream body = connection.getInputStream()) {
			long read = drain(body);
			if (read != SIZE) {
				throw new IllegalStateException(url.getPath() + " sent " + read + " bytes");
			}
			return read;
		}
	}

	private long drain(InputStream content) throws IOException {
		long total = 0;
		for (int read = content.read(this.buffer); read >= 0; read = content.read(this.buffer)) {
			total += read;
		}
		return total;
	}

	/**
	 * A {@code DispatcherServlet} serving {@code /static/**} from a folder the way Spring
	 * Boot serves {@code spring.web.resources.static-locations}.
	 */
	private static DispatcherServlet staticResources(Path folder) {
		AnnotationConfigWebApplicationContext context = new AnnotationConfigWebApplicationContext();
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("benchmark", Map.of(StaticResources.LOCATION, folder.toUri().toString())));
		context.register(StaticResources.class);
		return new DispatcherServlet(context);
	}

	/**
	 * Spring MVC with one resource handler, as Spring Boot's auto-configuration adds it.
	 */
	@Configuration(proxyBeanMethods = false)
	@EnableWebMvc
	static class StaticResources implements WebMvcConfigurer {

		static final String LOCATION = "benchmark.static-location";

		private final String location;

		StaticResources(Environment properties) {
			this.location = properties.getRequiredProperty(LOCATION);
		}

		@Override
		public void addResourceHandlers(ResourceHandlerRegistry registry) {
			registry.addResourceHandler("/static/**").addResourceLocations(this.location);
		}

	}

}
