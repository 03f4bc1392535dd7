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

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.github.blobupload.testsupport.S3Emulator;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Starts the S3 emulator of the integration tests for the benchmarks: the same
 * {@link S3Emulator} (s3proxy with its in-memory store, run out of process on a free
 * loopback port), taken from the autoconfigure module's test-jar. The s3proxy jar is the
 * one the benchmarks build copies next to {@code benchmarks.jar}
 * ({@code benchmarks/target/emulators/s3proxy.jar}); the system property
 * {@value #S3PROXY_JAR_PROPERTY} points elsewhere.
 * <p>
 * The emulator keeps every object in a 256 MB heap, so benchmarks that write more than
 * that delete what they wrote as they go ({@link #emptyBucket}).
 */
public final class BenchmarkEmulators {

	/** The system property naming the s3proxy jar, as in the integration tests. */
	public static final String S3PROXY_JAR_PROPERTY = "blobupload.s3proxy.jar";

	private BenchmarkEmulators() {
	}

	/**
	 * Starts a new S3 emulator with one bucket.
	 * @param bucket the bucket to create (3 characters or more)
	 * @return the running emulator; the caller closes it
	 * @throws IllegalStateException if the s3proxy jar is missing
	 */
	public static S3Emulator startS3(String bucket) {
		if (System.getProperty(S3PROXY_JAR_PROPERTY) == null) {
			System.setProperty(S3PROXY_JAR_PROPERTY, s3proxyJar().toString());
		}
		S3Emulator emulator = S3Emulator.startNew();
		emulator.createBucket(bucket);
		return emulator;
	}

	/**
	 * Deletes every object of a bucket, so that the emulator's memory does not fill up.
	 * @param client the client
	 * @param bucket the bucket
	 */
	public static void emptyBucket(S3Client client, String bucket) {
		while (true) {
			List<ObjectIdentifier> keys = new ArrayList<>();
			for (S3Object object : client.listObjectsV2((request) -> request.bucket(bucket)).contents()) {
				keys.add(ObjectIdentifier.builder().key(object.key()).build());
			}
			if (keys.isEmpty()) {
				return;
			}
			client.deleteObjects((request) -> request.bucket(bucket).delete((delete) -> delete.objects(keys)));
		}
	}

	private static Path s3proxyJar() {
		Path location;
		try {
			location = Path.of(BenchmarkEmulators.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException("Cannot locate the benchmarks jar", ex);
		}
		// benchmarks/target/benchmarks.jar or benchmarks/target/classes: both sit in
		// target/.
		Path jar = location.toAbsolutePath().getParent().resolve("emulators").resolve("s3proxy.jar");
		if (!Files.isRegularFile(jar)) {
			throw new IllegalStateException("The S3 emulator is missing at " + jar
					+ ": build with ./mvnw -B -q -Pbenchmarks -pl benchmarks -am package -DskipTests, or set -D"
					+ S3PROXY_JAR_PROPERTY + "=PATH");
		}
		return jar;
	}

}
