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

package io.github.blobupload.sample.azure;

import java.util.Map;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobUploader;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * An application that uploads to Azure Blob Storage, set up as the "Azure Blob Storage"
 * section of {@code docs/storage-providers.md} says: its {@code pom.xml} holds that
 * section's dependency snippet (checked by {@code DocSnippetTests}). {@code POST /blobs}
 * uploads the request body and answers with the URI to record in its place.
 */
@SpringBootApplication
public class AzureSampleApplication {

	/**
	 * Starts the application.
	 * @param args Spring Boot arguments, such as
	 * {@code --blob.upload.uri-prefix=azblob://account/container/prefix}
	 */
	public static void main(String[] args) {
		SpringApplication.run(AzureSampleApplication.class, args);
	}

	/** Uploads the request body and answers with the URI to record in its place. */
	@RestController
	static class BlobController {

		private final BlobUploader uploader;

		BlobController(BlobUploader uploader) {
			this.uploader = uploader;
		}

		@PostMapping(path = "/blobs", produces = MediaType.TEXT_PLAIN_VALUE)
		String upload(@RequestBody byte[] content, @RequestHeader("Content-Type") String contentType) {
			return this.uploader.uploadAsync(new Blob(content, contentType, Map.of()));
		}

	}

}
