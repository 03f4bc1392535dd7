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

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlockListType;

/**
 * Azurite's blob service (installed from npm by the build into {@code target/azurite}),
 * in memory on a loopback port. {@link #shared()} starts one per test run;
 * {@link #startNew()} starts a private one that a test may stop, {@link #startOn(int)}
 * one on a given port (to restart a stopped one).
 */
public final class AzuriteEmulator implements StorageEmulator {

	/** Azurite's well-known development account. */
	public static final String ACCOUNT = "devstoreaccount1";

	/** Azurite's well-known development account key (public, documented by Microsoft). */
	public static final String ACCOUNT_KEY = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

	private static AzuriteEmulator shared;

	private final EmulatorProcess process;

	private final BlobServiceClient client;

	private AzuriteEmulator(EmulatorProcess process) {
		this.process = process;
		this.client = new BlobServiceClientBuilder().connectionString(connectionString()).buildClient();
	}

	/**
	 * Returns the emulator shared by all tests of this run, starting it on first use.
	 * @return the shared emulator
	 */
	public static synchronized AzuriteEmulator shared() {
		if (shared == null) {
			shared = startNew();
		}
		return shared;
	}

	/**
	 * Starts a new emulator that the caller owns and closes.
	 * @return the running emulator
	 */
	public static AzuriteEmulator startNew() {
		return startOn(EmulatorProcess.freePort());
	}

	/**
	 * Starts a new emulator on the given port, such as the port of one that was stopped.
	 * @param port the loopback port
	 * @return the running emulator, with an empty store
	 */
	public static AzuriteEmulator startOn(int port) {
		Path dir = Path.of(EmulatorProcess.requiredProperty("blobupload.azurite.dir")).toAbsolutePath();
		Path main = dir.resolve("node_modules/azurite/dist/src/blob/main.js");
		if (!Files.isRegularFile(main)) {
			throw new IllegalStateException(main + " is missing: the build installs Azurite with npm in "
					+ "pre-integration-test; run ./mvnw verify");
		}
		return new AzuriteEmulator(EmulatorProcess.start("azurite",
				List.of("node", main.toString(), "--inMemoryPersistence", "--blobHost", "127.0.0.1", "--blobPort",
						Integer.toString(port), "--disableTelemetry", "--skipApiVersionCheck", "--loose", "--silent"),
				port, Duration.ofSeconds(60)));
	}

	@Override
	public int port() {
		return this.process.port();
	}

	/**
	 * Returns the account's blob endpoint.
	 * @return {@code http://127.0.0.1:PORT/devstoreaccount1}
	 */
	public String endpoint() {
		return "http://127.0.0.1:" + this.process.port() + "/" + ACCOUNT;
	}

	/**
	 * Returns a connection string for the development account.
	 * @return the connection string
	 */
	public String connectionString() {
		return connectionString(this.process.port(), ACCOUNT_KEY);
	}

	/**
	 * Returns a connection string for the development account at any loopback port, such
	 * as the port of a proxy in front of the emulator.
	 * @param port the port
	 * @param accountKey the account key to sign with ({@link #ACCOUNT_KEY} or a wrong
	 * one)
	 * @return the connection string
	 */
	public static String connectionString(int port, String accountKey) {
		return "DefaultEndpointsProtocol=http;AccountName=" + ACCOUNT + ";AccountKey=" + accountKey
				+ ";BlobEndpoint=http://127.0.0.1:" + port + "/" + ACCOUNT + ";";
	}

	/**
	 * Returns a client of this emulator for checking what was stored.
	 * @return the client
	 */
	public BlobServiceClient client() {
		return this.client;
	}

	/**
	 * Creates a container.
	 * @param container the container name
	 */
	public void createContainer(String container) {
		this.client.createBlobContainer(container);
	}

	@Override
	public void createBucket(String name) {
		createContainer(name);
	}

	@Override
	public byte[] read(String container, String blobName) {
		return this.client.getBlobContainerClient(container).getBlobClient(blobName).downloadContent().toBytes();
	}

	@Override
	public StoredObject readObject(String container, String blobName) {
		BlobClient blob = this.client.getBlobContainerClient(container).getBlobClient(blobName);
		BlobProperties properties = blob.getProperties();
		int blocks = blob.getBlockBlobClient().listBlocks(BlockListType.COMMITTED).getCommittedBlocks().size();
		return new StoredObject(blob.downloadContent().toBytes(), properties.getContentType(), properties.getMetadata(),
				Math.max(1, blocks));
	}

	@Override
	public String objectUrl(String container, String blobName) {
		return endpoint() + "/" + container + "/" + blobName;
	}

	@Override
	public void kill() {
		this.process.kill();
	}

	/** Stops the emulator. */
	@Override
	public void close() {
		this.process.close();
	}

}
