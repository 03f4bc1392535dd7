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

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.google.cloud.storage.Storage;
import io.github.blobupload.BlobLinks;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.AzureStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.GcsStorageAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.testsupport.EmulatorProcess;
import io.github.blobupload.viewer.TraceIndexWriter;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.tomcat.autoconfigure.servlet.TomcatServletWebServerAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application with the blob viewer on, run as production runs it: embedded Tomcat on a
 * free loopback port, {@code blob.upload.viewer.base-url} pointing at that server, the
 * starter and its storage auto-configurations, requests sent by the JDK's HTTP client.
 */
final class ViewerApplication implements AutoCloseable {

	static final Duration FLUSH = Duration.ofSeconds(30);

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private final ConfigurableApplicationContext context;

	private final String server;

	private ViewerApplication(ConfigurableApplicationContext context, String server) {
		this.context = context;
		this.server = server;
	}

	/**
	 * Starts an application.
	 * @param gcs Google's in-memory fake as the {@link Storage} bean, or {@code null}
	 * @param properties {@code key=value} pairs: the destination and the store's settings
	 * @return the running application, which the caller closes
	 */
	static ViewerApplication start(@Nullable Storage gcs, List<String> properties) {
		// base-url names the server, so the port is chosen before the server starts.
		int port = EmulatorProcess.freePort();
		String server = "http://127.0.0.1:" + port;
		List<String> all = new ArrayList<>(List.of("server.port=" + port, "server.address=127.0.0.1",
				"spring.main.banner-mode=off", "blob.upload.enabled=true", "blob.upload.viewer.enabled=true",
				"blob.upload.viewer.base-url=" + server + "/blob-viewer", "blob.upload.retry.initial-backoff=10ms",
				"blob.upload.retry.max-backoff=50ms"));
		all.addAll(properties);
		SpringApplicationBuilder builder = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.SERVLET)
			.properties(all.toArray(String[]::new));
		if (gcs != null) {
			builder.initializers((GenericApplicationContext context) -> context.registerBean(Storage.class, () -> gcs));
		}
		return new ViewerApplication(builder.run(), server);
	}

	BlobUploaderRegistry registry() {
		return this.context.getBean(BlobUploaderRegistry.class);
	}

	BlobLinks links() {
		return this.context.getBean(BlobLinks.class);
	}

	/**
	 * Waits until every blob handed over and every trace index entry is stored.
	 */
	void flush() {
		assertThat(registry().flush(FLUSH)).isTrue();
		assertThat(this.context.getBean(TraceIndexWriter.class).flush(FLUSH)).isTrue();
	}

	/**
	 * Sends a GET.
	 * @param target an absolute URL or a path on this server
	 * @param headers header names and values, alternating
	 * @return the response
	 */
	HttpResponse<byte[]> get(String target, String... headers) throws IOException, InterruptedException {
		String url = target.startsWith("/") ? this.server + target : target;
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
		if (headers.length > 0) {
			request.headers(headers);
		}
		return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * Returns a page of this server's viewer, which must answer 200.
	 * @param path the path on this server
	 * @return the page
	 */
	String page(String path) throws IOException, InterruptedException {
		HttpResponse<byte[]> response = get(path);
		assertThat(response.statusCode()).as(path).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		return new String(response.body(), StandardCharsets.UTF_8);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/** The application: a web server, the starter and the viewer, nothing else. */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ TomcatServletWebServerAutoConfiguration.class, BlobUploadAutoConfiguration.class,
			S3StorageAutoConfiguration.class, AzureStorageAutoConfiguration.class, GcsStorageAutoConfiguration.class,
			BlobUploadViewerAutoConfiguration.class })
	static class Application {

	}

}
