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

package io.github.blobupload.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * An S3-compatible server (s3proxy with the in-memory {@code transient} store) run out of
 * process on a loopback port. {@link #shared()} starts one per test run;
 * {@link #startNew()} starts a private one that a test may stop, {@link #startOn(int)}
 * one on a given port (to restart a stopped one), and
 * {@link #startWithCredentials(String, String)} one that accepts other keys than the ones
 * the build gives the SDK's default credential chain.
 */
public final class S3Emulator implements StorageEmulator {

	/**
	 * The access key the emulator accepts; the build passes it as
	 * {@code aws.accessKeyId}.
	 */
	public static final String ACCESS_KEY = "blob-upload-test";

	/**
	 * The secret key the emulator accepts; the build passes it as
	 * {@code aws.secretAccessKey}.
	 */
	public static final String SECRET_KEY = "blob-upload-test-secret";

	/** The region clients are configured with. */
	public static final String REGION = "us-east-1";

	private static final Pattern MULTIPART_ETAG = Pattern.compile("\"?[0-9a-f]+-([0-9]+)\"?");

	private static S3Emulator shared;

	private final EmulatorProcess process;

	private final String accessKey;

	private final String secretKey;

	private final S3Client client;

	private S3Emulator(EmulatorProcess process, String accessKey, String secretKey) {
		this.process = process;
		this.accessKey = accessKey;
		this.secretKey = secretKey;
		this.client = newClient();
	}

	/**
	 * Returns the emulator shared by all tests of this run, starting it on first use.
	 * @return the shared emulator
	 */
	public static synchronized S3Emulator shared() {
		if (shared == null) {
			shared = startNew();
		}
		return shared;
	}

	/**
	 * Starts a new emulator that the caller owns and closes.
	 * @return the running emulator
	 */
	public static S3Emulator startNew() {
		return startOn(EmulatorProcess.freePort());
	}

	/**
	 * Starts a new emulator on the given port, such as the port of one that was stopped.
	 * @param port the loopback port
	 * @return the running emulator, with an empty store
	 */
	public static S3Emulator startOn(int port) {
		return start(port, ACCESS_KEY, SECRET_KEY, List.of(), "256m");
	}

	/**
	 * Starts a new emulator on the given port that keeps its buckets and objects in a
	 * folder (s3proxy's {@code filesystem} store), so that one started again on the same
	 * folder finds them: storage that comes back from an outage with its data, as a real
	 * store does, and answers for its buckets from its first request.
	 * @param port the loopback port
	 * @param folder where the buckets and objects are kept
	 * @return the running emulator
	 */
	public static S3Emulator startOn(int port, Path folder) {
		return start(port, ACCESS_KEY, SECRET_KEY,
				List.of("jclouds.provider=filesystem", "jclouds.filesystem.basedir=" + folder.toAbsolutePath()),
				"256m");
	}

	/**
	 * Starts a new emulator that accepts only the given keys: the keys the build gives
	 * the SDK's default chain ({@link #ACCESS_KEY}) are then refused with a 403.
	 * @param accessKey the access key to accept
	 * @param secretKey its secret
	 * @return the running emulator
	 */
	public static S3Emulator startWithCredentials(String accessKey, String secretKey) {
		return start(EmulatorProcess.freePort(), accessKey, secretKey, List.of(), "256m");
	}

	/**
	 * Starts a new emulator, owned by the caller, whose storage is slow for real: every
	 * object written (each PUT and each part of a multipart upload) waits the given time
	 * in s3proxy's latency middleware before it is stored. It may hold up to 768 MB.
	 * @param putLatency how long each write takes at least
	 * @return the running emulator
	 */
	public static S3Emulator startSlow(Duration putLatency) {
		String millis = Long.toString(putLatency.toMillis());
		return start(EmulatorProcess.freePort(), ACCESS_KEY, SECRET_KEY,
				List.of("s3proxy.latency-blobstore.put.latency=" + millis,
						"s3proxy.latency-blobstore.upload-part.latency=" + millis),
				"768m");
	}

	/**
	 * Starts a new emulator, owned by the caller, that ignores the request headers it
	 * does not implement (such as {@code x-amz-tagging}) instead of answering 501, so
	 * that requests using them can be recorded on their way and still be stored.
	 * @return the running emulator
	 */
	public static S3Emulator startIgnoringUnknownHeaders() {
		return start(EmulatorProcess.freePort(), ACCESS_KEY, SECRET_KEY, List.of("s3proxy.ignore-unknown-headers=true"),
				"256m");
	}

	private static S3Emulator start(int port, String accessKey, String secretKey, List<String> extraProperties,
			String maxHeap) {
		String jar = EmulatorProcess.requiredProperty("blobupload.s3proxy.jar");
		try {
			Path properties = Files.createTempFile("s3proxy", ".properties");
			properties.toFile().deleteOnExit();
			List<String> lines = new ArrayList<>(
					List.of("s3proxy.endpoint=http://127.0.0.1:" + port, "s3proxy.authorization=aws-v2-or-v4",
							"s3proxy.identity=" + accessKey, "s3proxy.credential=" + secretKey,
							"jclouds.provider=transient", "jclouds.identity=unused", "jclouds.credential=unused"));
			lines.addAll(extraProperties);
			Files.writeString(properties, String.join("\n", lines) + "\n");
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			return new S3Emulator(EmulatorProcess.start("s3proxy",
					List.of(java, "-Xmx" + maxHeap, "-XX:TieredStopAtLevel=1", "-jar",
							Path.of(jar).toAbsolutePath().toString(), "--properties", properties.toString()),
					port, Duration.ofSeconds(60)), accessKey, secretKey);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public int port() {
		return this.process.port();
	}

	/**
	 * Returns the endpoint.
	 * @return {@code http://127.0.0.1:PORT}
	 */
	public URI endpoint() {
		return URI.create("http://127.0.0.1:" + this.process.port());
	}

	/**
	 * Returns the {@code blob.upload.s3.*} properties that point the starter's own S3
	 * client at this emulator (credentials come from the system properties set by the
	 * build).
	 * @return {@code key=value} pairs for a context runner
	 */
	public String[] starterProperties() {
		return StorageTarget.S3.properties(port()).toArray(String[]::new);
	}

	/**
	 * Returns a client of this emulator for checking what was stored.
	 * @return the client
	 */
	public S3Client client() {
		return this.client;
	}

	/**
	 * Creates a new S3 client of this emulator (path-style, static credentials).
	 * @return a client the caller closes
	 */
	public S3Client newClient() {
		return S3Client.builder()
			.endpointOverride(endpoint())
			.region(Region.of(REGION))
			.forcePathStyle(true)
			.credentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create(this.accessKey, this.secretKey)))
			.build();
	}

	/**
	 * Creates a bucket.
	 * @param bucket the bucket name
	 */
	@Override
	public void createBucket(String bucket) {
		this.client.createBucket((request) -> request.bucket(bucket));
	}

	/**
	 * Lists every key in a bucket, page by page.
	 * @param bucket the bucket
	 * @return the keys, in the store's order
	 */
	public List<String> listKeys(String bucket) {
		return this.client.listObjectsV2Paginator((request) -> request.bucket(bucket))
			.contents()
			.stream()
			.map(S3Object::key)
			.toList();
	}

	@Override
	public byte[] read(String bucket, String key) {
		return this.client.getObjectAsBytes((request) -> request.bucket(bucket).key(key)).asByteArray();
	}

	@Override
	public StoredObject readObject(String bucket, String key) {
		ResponseBytes<GetObjectResponse> object = this.client
			.getObjectAsBytes((request) -> request.bucket(bucket).key(key));
		// A multipart upload's ETag is "<md5 of part md5s>-<number of parts>".
		Matcher parts = MULTIPART_ETAG.matcher(object.response().eTag());
		return new StoredObject(object.asByteArray(), object.response().contentType(), object.response().metadata(),
				parts.matches() ? Integer.parseInt(parts.group(1)) : 1);
	}

	@Override
	public String objectUrl(String bucket, String key) {
		return endpoint() + "/" + bucket + "/" + key;
	}

	@Override
	public void kill() {
		this.process.kill();
	}

	/** Stops the emulator. */
	@Override
	public void close() {
		this.client.close();
		this.process.close();
	}

}
