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

package io.github.blobupload.provider.s3;

import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;

import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.UriPrefixes;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Provides {@code s3://BUCKET[/prefix]} prefixes. The {@link S3Client} (and, for signed
 * URLs, the {@link S3Presigner}) are obtained on first use, so an application that never
 * uploads to S3 needs no AWS region or credentials.
 */
public class S3BlobStorageProvider implements BlobStorageProvider, AutoCloseable {

	/** The scheme served. */
	public static final String SCHEME = "s3";

	private static final String EXAMPLE = "s3://my-bucket or s3://my-bucket/genai/blobs";

	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

	private final LazyClient<S3Client> client;

	private final @Nullable LazyClient<S3Presigner> presigner;

	private final S3UploadOptions options;

	private final LazyClient<S3Client> erasureClient;

	/**
	 * Creates a provider.
	 * @param client the S3 client, obtained on first upload
	 * @param presigner the presigner, needed when
	 * {@link S3UploadOptions#signedUrlExpiry()} is set; it also lets the readers sign GET
	 * URLs (the viewer's redirects), and is obtained on first use
	 * @param options how objects are written
	 */
	public S3BlobStorageProvider(LazyClient<S3Client> client, @Nullable LazyClient<S3Presigner> presigner,
			S3UploadOptions options) {
		this(client, presigner, options, null);
	}

	/**
	 * Creates a provider whose deleters (erasure) use a client of their own, so that the
	 * uploading client can stay write-only.
	 * @param client the S3 client, obtained on first upload
	 * @param presigner the presigner, needed when
	 * {@link S3UploadOptions#signedUrlExpiry()} is set; obtained on first use
	 * @param options how objects are written
	 * @param erasureClient the client that deletes and reads modification times, or
	 * {@code null} to use {@code client}; never closed by this provider unless it built
	 * it
	 */
	public S3BlobStorageProvider(LazyClient<S3Client> client, @Nullable LazyClient<S3Presigner> presigner,
			S3UploadOptions options, @Nullable LazyClient<S3Client> erasureClient) {
		this.erasureClient = (erasureClient != null) ? erasureClient : client;
		this.client = Objects.requireNonNull(client, "client must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		if (options.signedUrlExpiry() != null && presigner == null) {
			throw new IllegalArgumentException("a presigner is needed when signed URLs are enabled");
		}
		this.presigner = presigner;
	}

	@Override
	public String scheme() {
		return SCHEME;
	}

	/**
	 * {@inheritDoc}
	 * <p>
	 * When signed URLs are enabled, this starts preparing the presigner on a background
	 * thread (resolving region and credentials), so that {@code uploadAsync} never waits
	 * for it.
	 */
	@Override
	public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
		Location location = parse(uriPrefix);
		if (this.options.signedUrlExpiry() != null && this.presigner != null) {
			this.presigner.initializeInBackground();
		}
		return new S3BlobUploader(location.bucket(), location.keyPrefix(), naming, this.client, this.presigner,
				this.options, this.erasureClient);
	}

	/**
	 * Returns a future that completes when presigned URLs can be made, so that the first
	 * blobs are recorded with a presigned URL rather than an {@code s3://} URI.
	 * @return the future; completed at once when signed URLs are disabled
	 */
	public CompletableFuture<?> signedUrlsReady() {
		return (this.options.signedUrlExpiry() != null && this.presigner != null)
				? this.presigner.initializeInBackground() : CompletableFuture.completedFuture(null);
	}

	/**
	 * Returns the options objects are written with.
	 * @return the options
	 */
	public S3UploadOptions options() {
		return this.options;
	}

	/**
	 * Closes the client and presigner if this provider built them; the application's own
	 * are left open.
	 */
	@Override
	public void close() {
		if (this.presigner != null) {
			this.presigner.close();
		}
		this.client.close();
		if (this.erasureClient != this.client) {
			this.erasureClient.close();
		}
	}

	/**
	 * Parses an {@code s3://} prefix.
	 * @param uriPrefix the prefix
	 * @return the bucket and key prefix (empty, or ending with {@code /})
	 * @throws IllegalArgumentException if the prefix is not a usable {@code s3://} prefix
	 */
	static Location parse(String uriPrefix) {
		if (!uriPrefix.toLowerCase(Locale.ROOT).startsWith(SCHEME + "://")) {
			throw new IllegalArgumentException(
					"'" + uriPrefix + "' is not an s3:// prefix; use s3://BUCKET[/prefix], for example " + EXAMPLE);
		}
		String rest = uriPrefix.substring(SCHEME.length() + 3);
		int slash = rest.indexOf('/');
		String bucket = (slash < 0) ? rest : rest.substring(0, slash);
		if (bucket.isEmpty()) {
			throw new IllegalArgumentException(
					"'" + uriPrefix + "' names no bucket; use s3://BUCKET[/prefix], for example " + EXAMPLE);
		}
		if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")) {
			throw new IllegalArgumentException("'" + bucket + "' in '" + uriPrefix
					+ "' is not a valid S3 bucket name (3 to 63 characters: lower-case letters, digits, dots and "
					+ "hyphens, starting and ending with a letter or digit); for example " + EXAMPLE);
		}
		String path = (slash < 0) ? "" : rest.substring(slash + 1);
		return new Location(bucket, UriPrefixes.keyPrefix(path, uriPrefix, EXAMPLE));
	}

	/**
	 * A parsed prefix.
	 *
	 * @param bucket the bucket
	 * @param keyPrefix the key prefix, empty or ending with {@code /}
	 */
	record Location(String bucket, String keyPrefix) {
	}

}
