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

package io.github.blobupload.autoconfigure.erasure;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.github.blobupload.BlobDeleter;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.autoconfigure.BlobUploadAutoConfiguration;
import io.github.blobupload.autoconfigure.storage.S3StorageAutoConfiguration;
import io.github.blobupload.erasure.index.ReferenceIndexWriter;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The other instance of {@link ErasureAcrossInstancesIntegrationTests}, run as a child
 * JVM: the starter with erasure on, on the same S3 store and prefix as the parent, with
 * memos of its own. It says {@code READY} once started, waits for a {@code GO} line, then
 * uploads the shared image for conversation B again and again (asking the store for it
 * between two uploads), printing each URI it recorded; last it writes everything it holds
 * and says {@code DONE}.
 */
public final class ErasureRaceChild {

	private ErasureRaceChild() {
	}

	/**
	 * Runs the child.
	 * @param args the S3 endpoint port, the URI prefix, the grace period in milliseconds
	 * and how many uploads to make
	 * @throws Exception on any failure, which ends the JVM with a non-zero status
	 */
	public static void main(String[] args) throws Exception {
		Duration uploading = Duration.ofMillis(Long.parseLong(args[3]));
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
			.web(WebApplicationType.NONE)
			.properties("spring.main.banner-mode=off", "logging.level.root=WARN", "spring.application.name=race-app",
					"blob.upload.enabled=true", "blob.upload.uri-prefix=" + args[1],
					"blob.upload.s3.endpoint=http://127.0.0.1:" + args[0], "blob.upload.s3.region=us-east-1",
					"blob.upload.s3.path-style-access=true", "blob.upload.erasure.enabled=true",
					"blob.upload.erasure.grace-period=" + args[2] + "ms")
			.run()) {
			BlobUploaderRegistry registry = context.getBean(BlobUploaderRegistry.class);
			BlobUploader uploader = registry.getBlobUploader(null);
			BlobDeleter deleter = ErasureRaceIntegrationTests.deleter(context);
			System.out.println("READY");
			BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
			if (!"GO".equals(in.readLine())) {
				throw new IllegalStateException("no GO");
			}
			long end = System.nanoTime() + uploading.toNanos();
			for (int i = 0; System.nanoTime() < end; i++) {
				String uri = uploader.uploadAsync(ErasureRaceIntegrationTests.image("conversation-b", "child-" + i));
				System.out.println("URI " + uri);
				deleter.lastModified(uri);
			}
			boolean written = registry.flush(Duration.ofSeconds(20))
					&& context.getBean(ReferenceIndexWriter.class).flush(Duration.ofSeconds(20));
			System.out.println("DONE written=" + written);
		}
	}

	/** The starter on S3 with erasure. */
	@SpringBootConfiguration
	@ImportAutoConfiguration({ BlobUploadAutoConfiguration.class, S3StorageAutoConfiguration.class,
			BlobUploadErasureAutoConfiguration.class })
	static class Application {

	}

}
