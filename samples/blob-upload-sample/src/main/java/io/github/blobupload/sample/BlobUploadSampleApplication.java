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

package io.github.blobupload.sample;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobLabels;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.BlobUploaderRegistry;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.provider.file.FileBlobStorageProvider;

import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * Uploads an image, a PDF, a {@code data:} URI and an oversized blob, flushes, and prints
 * each destination URI and the file it became (with its sidecar). Runs with the
 * {@code file:} default: no cloud account needed.
 */
@SpringBootApplication
public class BlobUploadSampleApplication {

	private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

	private static final String SPAN_ID = "00f067aa0ba902b7";

	/**
	 * Starts the sample; it exits when done.
	 * @param args Spring Boot arguments, such as
	 * {@code --blob.upload.uri-prefix=file:///tmp/blobs}
	 */
	public static void main(String[] args) {
		SpringApplication.run(BlobUploadSampleApplication.class, args).close();
	}

	@Bean
	ApplicationRunner uploadSomeBlobs(BlobUploaderRegistry registry) {
		return (args) -> {
			Map<String, String> uris = new LinkedHashMap<>();
			BlobUploader chatInput = registry.getBlobUploader("chat.input");
			uris.put("PNG image (chat.input)", chatInput.uploadAsync(new Blob(png(), "image/png", labels(0))));
			uris.put("PDF document (chat.input, type detected)",
					chatInput.uploadAsync(new Blob(pdf(), null, labels(1))));
			uris.put("data: URI (default use case)", registry.getBlobUploader(null)
				.uploadAsync(Blob.fromDataUri("data:text/plain;charset=utf-8,Hello%2C%20blob%20uploader!", labels(2))));
			uris.put("same PNG again (deduplicated)", chatInput.uploadAsync(new Blob(png(), "image/png", labels(3))));
			uris.put("3 MB blob over max-blob-size (refused)",
					chatInput.uploadAsync(new Blob(new byte[3 * 1024 * 1024], "application/octet-stream", null)));

			boolean flushed = registry.flush(Duration.ofSeconds(10));
			System.out.println();
			System.out.println("Uploaded with blob-upload-spring-boot-starter (flushed: " + flushed + ")");
			uris.forEach((what, uri) -> {
				System.out.println("  " + what);
				System.out.println("    URI:  " + uri);
				if (uri.startsWith("file:")) {
					Path file = Path.of(URI.create(uri));
					System.out.println("    file: " + file + " (" + size(file) + " bytes)");
					System.out.println("    meta: "
							+ read(file.resolveSibling(file.getFileName() + FileBlobStorageProvider.SIDECAR_SUFFIX)));
				}
			});
			registry.destinations().forEach((destination) -> {
				if (destination.uploader() instanceof ManagedBlobUploader managed) {
					var stats = managed.stats();
					System.out.println("  [" + destination.useCase() + "] submitted=" + stats.submitted() + " uploaded="
							+ stats.uploaded() + " deduplicated=" + stats.deduplicated() + " failed=" + stats.failed()
							+ " dropped=" + stats.droppedTotal());
				}
			});
			System.out.println();
		};
	}

	private static Map<String, String> labels(int eventIndex) {
		return BlobLabels.forSpanEvent(TRACE_ID, SPAN_ID, "gen_ai.user.message", eventIndex);
	}

	private static long size(Path file) {
		try {
			return Files.size(file);
		}
		catch (java.io.IOException ex) {
			return -1;
		}
	}

	private static String read(Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).strip();
		}
		catch (java.io.IOException ex) {
			return "(not found: " + ex.getMessage() + ")";
		}
	}

	private static byte[] png() {
		return Base64.getDecoder()
			.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");
	}

	private static byte[] pdf() {
		return ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
				+ "trailer<</Root 1 0 R>>\n%%EOF\n")
			.getBytes(StandardCharsets.US_ASCII);
	}

}
