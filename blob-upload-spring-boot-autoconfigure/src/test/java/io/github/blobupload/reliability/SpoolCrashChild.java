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

package io.github.blobupload.reliability;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategies;
import io.github.blobupload.BlobUploadStats;
import io.github.blobupload.BlobUploader;
import io.github.blobupload.ManagedBlobUploader;
import io.github.blobupload.engine.AsyncBlobUploader;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.s3.S3BlobStorageProvider;
import io.github.blobupload.provider.s3.S3UploadOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The application of {@link SpoolCrashIntegrationTests}, run as a child JVM so that it
 * can be killed with {@code kill -9}: an uploader writing to S3 (s3proxy) with its spool
 * on. In {@code offer} mode it offers blobs, says how many were accepted, waits the
 * documented window and says {@code READY}, then waits to be killed. In {@code replay}
 * mode it starts on the spool, uploads what it finds, and reports its counts.
 */
public final class SpoolCrashChild {

	/** How long after acceptance a blob is promised to be in the spool. */
	static final Duration WINDOW = Duration.ofSeconds(1);

	private SpoolCrashChild() {
	}

	/**
	 * Runs the child.
	 * @param args the mode ({@code offer} or {@code replay}), the S3 endpoint, the
	 * bucket, the spool folder, and in {@code offer} mode the number of blobs
	 * @throws Exception on any failure, which ends the JVM with a non-zero status
	 */
	public static void main(String[] args) throws Exception {
		String mode = args[0];
		S3Client client = S3Client.builder()
			.endpointOverride(URI.create(args[1]))
			.region(Region.US_EAST_1)
			.forcePathStyle(true)
			.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials
				.create(System.getProperty("aws.accessKeyId"), System.getProperty("aws.secretAccessKey"))))
			.build();
		S3BlobStorageProvider provider = new S3BlobStorageProvider(LazyClient.ofInstance("S3 client", client), null,
				S3UploadOptions.defaults());
		ManagedBlobUploader uploader = AsyncBlobUploader
			.builder(provider.createUploader("s3://" + args[2], BlobNamingStrategies.contentAddressed()))
			.name(mode)
			.workers(mode.equals("offer") ? 2 : 8)
			.spoolDirectory(Path.of(args[3]))
			.build();
		if (mode.equals("offer")) {
			int count = Integer.parseInt(args[4]);
			int accepted = 0;
			for (int i = 0; i < count; i++) {
				if (!BlobUploader.NOT_UPLOADED.equals(uploader.uploadAsync(blob(i)))) {
					accepted++;
				}
			}
			System.out.println("ACCEPTED " + accepted);
			TimeUnit.MILLISECONDS.sleep(WINDOW.toMillis());
			System.out.println("READY backlog=" + uploader.stats().spool().writeBacklog());
			TimeUnit.MINUTES.sleep(5);
			return;
		}
		boolean flushed = uploader.flush(Duration.ofSeconds(90));
		BlobUploadStats stats = uploader.stats();
		System.out.println("REPLAYED flushed=" + flushed + " active=" + stats.spool().active() + " recovered="
				+ stats.spool().recovered() + " uploaded=" + stats.uploaded() + " failed=" + stats.failed()
				+ " corrupt=" + stats.spool().corrupt());
		uploader.shutdown(Duration.ofSeconds(5));
		client.close();
	}

	/**
	 * Returns the blob the child offers with the given number: 2 KB, unique.
	 * @param index the number
	 * @return the blob
	 */
	static Blob blob(int index) {
		byte[] content = Arrays.copyOf(("crash blob " + index + " ").getBytes(StandardCharsets.UTF_8), 2048);
		return new Blob(content, "application/octet-stream", null);
	}

}
