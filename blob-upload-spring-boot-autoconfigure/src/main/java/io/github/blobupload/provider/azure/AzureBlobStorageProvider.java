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

package io.github.blobupload.provider.azure;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import com.azure.storage.blob.BlobServiceClient;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.internal.LazyClients;
import org.jspecify.annotations.Nullable;
import io.github.blobupload.provider.internal.UriPrefixes;

/**
 * Provides {@code azblob://ACCOUNT/CONTAINER[/prefix]} prefixes. The
 * {@link BlobServiceClient} of each account is obtained on first use, so an application
 * that never uploads to Azure needs no Azure account or credentials.
 */
public class AzureBlobStorageProvider implements BlobStorageProvider, AutoCloseable {

	/** The scheme served. */
	public static final String SCHEME = "azblob";

	private static final String EXAMPLE = "azblob://myaccount/my-container or azblob://myaccount/my-container/genai";

	private static final Pattern ACCOUNT = Pattern.compile("[a-z0-9]{3,24}");

	private static final Pattern CONTAINER = Pattern.compile("[a-z0-9](?!.*--)[a-z0-9-]{1,61}[a-z0-9]");

	private final LazyClients<BlobServiceClient> clients;

	private final Map<String, AzureBlobUploader> uploaders = new ConcurrentHashMap<>();

	private final AzureUploadOptions options;

	private final LazyClients<BlobServiceClient> erasureClients;

	/**
	 * Creates a provider.
	 * @param clients the client of each storage account, obtained on first upload
	 * @param options how blobs are written
	 */
	public AzureBlobStorageProvider(LazyClients<BlobServiceClient> clients, AzureUploadOptions options) {
		this(clients, options, null);
	}

	/**
	 * Creates a provider whose deleters (erasure) use clients of their own, so that the
	 * uploading client can stay write-only.
	 * @param clients the client of each storage account, obtained on first upload
	 * @param options how blobs are written
	 * @param erasureClients the client of each storage account that deletes and reads
	 * modification times, or {@code null} to use {@code clients}
	 */
	public AzureBlobStorageProvider(LazyClients<BlobServiceClient> clients, AzureUploadOptions options,
			@Nullable LazyClients<BlobServiceClient> erasureClients) {
		this.erasureClients = (erasureClients != null) ? erasureClients : clients;
		this.clients = Objects.requireNonNull(clients, "clients must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
	}

	@Override
	public String scheme() {
		return SCHEME;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * When signed URLs are enabled, this starts preparing the container client on a
	 * background thread, so that {@code uploadAsync} never waits for it.
	 */
	@Override
	public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
		Location location = parse(uriPrefix);
		AzureBlobUploader uploader = new AzureBlobUploader(location.account(), location.container(),
				location.blobPrefix(), naming, this.clients.forAccount(location.account()), this.options,
				this.erasureClients.forAccount(location.account()));
		this.uploaders.put(uriPrefix, uploader);
		if (this.options.signedUrlExpiry() != null) {
			uploader.prepareInBackground();
		}
		return uploader;
	}

	/**
	 * Returns a future that completes when every uploader created so far can make SAS
	 * URLs, so that the first blobs are recorded with a SAS URL rather than an
	 * {@code azblob://} URI.
	 * @return the future; completed at once when signed URLs are disabled
	 */
	public CompletableFuture<?> signedUrlsReady() {
		if (this.options.signedUrlExpiry() == null) {
			return CompletableFuture.completedFuture(null);
		}
		return CompletableFuture.allOf(this.uploaders.values()
			.stream()
			.map(AzureBlobUploader::prepareInBackground)
			.toArray(CompletableFuture[]::new));
	}

	/**
	 * Returns the options blobs are written with.
	 * @return the options
	 */
	public AzureUploadOptions options() {
		return this.options;
	}

	/** Releases the clients this provider built. */
	@Override
	public void close() {
		this.clients.close();
		if (this.erasureClients != this.clients) {
			this.erasureClients.close();
		}
	}

	/**
	 * Parses an {@code azblob://} prefix.
	 * @param uriPrefix the prefix
	 * @return the account, container and blob-name prefix (empty, or ending with
	 * {@code /})
	 * @throws IllegalArgumentException if the prefix is not a usable {@code azblob://}
	 * prefix
	 */
	static Location parse(String uriPrefix) {
		if (!uriPrefix.toLowerCase(Locale.ROOT).startsWith(SCHEME + "://")) {
			throw new IllegalArgumentException("'" + uriPrefix
					+ "' is not an azblob:// prefix; use azblob://ACCOUNT/CONTAINER[/prefix], for example " + EXAMPLE);
		}
		String[] parts = uriPrefix.substring(SCHEME.length() + 3).split("/", 3);
		String account = parts[0];
		String container = (parts.length > 1) ? parts[1] : "";
		if (account.isEmpty() || container.isEmpty()) {
			throw new IllegalArgumentException("'" + uriPrefix
					+ "' must name a storage account and a container: azblob://ACCOUNT/CONTAINER[/prefix], for example "
					+ EXAMPLE);
		}
		if (!ACCOUNT.matcher(account).matches()) {
			throw new IllegalArgumentException("'" + account + "' in '" + uriPrefix
					+ "' is not a valid storage account name (3 to 24 lower-case letters and digits); for example "
					+ EXAMPLE);
		}
		if (!CONTAINER.matcher(container).matches()) {
			throw new IllegalArgumentException("'" + container + "' in '" + uriPrefix
					+ "' is not a valid container name (3 to 63 lower-case letters, digits and single hyphens, "
					+ "starting and ending with a letter or digit); for example " + EXAMPLE);
		}
		String path = (parts.length > 2) ? parts[2] : "";
		return new Location(account, container, UriPrefixes.keyPrefix(path, uriPrefix, EXAMPLE));
	}

	/**
	 * A parsed prefix.
	 *
	 * @param account the storage account name
	 * @param container the container
	 * @param blobPrefix the blob-name prefix, empty or ending with {@code /}
	 */
	record Location(String account, String container, String blobPrefix) {
	}

}
