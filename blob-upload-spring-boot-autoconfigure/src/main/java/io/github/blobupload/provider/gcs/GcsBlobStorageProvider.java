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

package io.github.blobupload.provider.gcs;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

import com.google.cloud.storage.Storage;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.SimpleBlobUploader;
import io.github.blobupload.provider.BlobStorageProvider;
import io.github.blobupload.provider.internal.LazyClient;
import io.github.blobupload.provider.internal.UriPrefixes;
import org.jspecify.annotations.Nullable;

/**
 * Provides {@code gs://BUCKET[/prefix]} prefixes: Google Cloud Storage. Creating an
 * uploader checks the prefix (and, for signed URLs, obtains the signer); the
 * {@link Storage} client is obtained on the first upload.
 */
public class GcsBlobStorageProvider implements BlobStorageProvider, AutoCloseable {

	/** The scheme served. */
	public static final String SCHEME = "gs";

	private static final String EXAMPLE = "gs://my-bucket or gs://my-bucket/genai/blobs";

	// Bucket naming rules: 3-63 characters (up to 222 with dots), lower-case letters,
	// digits, '-', '_' and '.', starting and ending with a letter or digit.
	private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]");

	private final LazyClient<Storage> storage;

	private final GcsUploadOptions options;

	private final @Nullable LazyClient<GcsUrlSigner> signer;

	private final @Nullable LazyClient<GcsUrlSigner> readSigner;

	private final LazyClient<Storage> erasureStorage;

	/**
	 * Creates a provider.
	 * @param storage the client, obtained on first upload
	 * @param options how objects are written
	 * @param signer the signer of the URLs returned as destinations, obtained when the
	 * first uploader is created (so that credentials that cannot sign fail at startup);
	 * {@code null} to return {@code gs://} URIs
	 */
	public GcsBlobStorageProvider(LazyClient<Storage> storage, GcsUploadOptions options,
			@Nullable LazyClient<GcsUrlSigner> signer) {
		this(storage, options, signer, null);
	}

	/**
	 * Creates a provider whose readers also sign GET URLs (the viewer's redirects).
	 * @param storage the client, obtained on first upload
	 * @param options how objects are written
	 * @param signer the signer of the URLs returned as destinations, obtained when the
	 * first uploader is created; {@code null} to return {@code gs://} URIs
	 * @param readSigner the signer of the readers' GET URLs, obtained on first use (so
	 * that credentials that cannot sign only fail a redirect, which then streams); may be
	 * {@code null}
	 */
	public GcsBlobStorageProvider(LazyClient<Storage> storage, GcsUploadOptions options,
			@Nullable LazyClient<GcsUrlSigner> signer, @Nullable LazyClient<GcsUrlSigner> readSigner) {
		this(storage, options, signer, readSigner, null);
	}

	/**
	 * Creates a provider whose deleters (erasure) use a client of their own, so that the
	 * uploading client can stay write-only.
	 * @param storage the client, obtained on first upload
	 * @param options how objects are written
	 * @param signer the signer of the URLs returned as destinations, obtained when the
	 * first uploader is created; {@code null} to return {@code gs://} URIs
	 * @param readSigner the signer of the readers' GET URLs, obtained on first use; may
	 * be {@code null}
	 * @param erasureStorage the client that deletes and reads update times, or
	 * {@code null} to use {@code storage}
	 */
	public GcsBlobStorageProvider(LazyClient<Storage> storage, GcsUploadOptions options,
			@Nullable LazyClient<GcsUrlSigner> signer, @Nullable LazyClient<GcsUrlSigner> readSigner,
			@Nullable LazyClient<Storage> erasureStorage) {
		this.erasureStorage = (erasureStorage != null) ? erasureStorage : storage;
		this.storage = Objects.requireNonNull(storage, "storage must not be null");
		this.options = Objects.requireNonNull(options, "options must not be null");
		this.signer = signer;
		this.readSigner = readSigner;
	}

	@Override
	public String scheme() {
		return SCHEME;
	}

	/**
	 * Creates an uploader for a {@code gs://} prefix.
	 * @throws IllegalArgumentException if the prefix is malformed, or if signed URLs are
	 * on and the credentials cannot sign
	 */
	@Override
	public SimpleBlobUploader createUploader(String uriPrefix, BlobNamingStrategy naming) {
		Location location = parse(uriPrefix);
		GcsUrlSigner urlSigner = (this.signer != null) ? this.signer.get() : null;
		return new GcsBlobUploader(location.bucket(), location.keyPrefix(), naming, this.storage, this.options,
				urlSigner, this.readSigner, this.erasureStorage);
	}

	/**
	 * Forgets the signed URLs reused for the given objects, so that each is signed anew
	 * (see {@link GcsUrlSigner#forget(Collection)}); nothing to do when URLs are not
	 * signed or none was signed yet.
	 * @param uris the objects, as their signed URLs or as {@code gs://} URIs
	 */
	@Override
	public void forget(Collection<String> uris) {
		GcsUrlSigner urlSigner = (this.signer != null) ? this.signer.getIfReady() : null;
		if (urlSigner != null) {
			urlSigner.forget(uris);
		}
	}

	/**
	 * Closes the client if this provider built it; the application's own is left open.
	 */
	@Override
	public void close() {
		if (this.signer != null) {
			this.signer.close();
		}
		if (this.readSigner != null && this.readSigner != this.signer) {
			this.readSigner.close();
		}
		this.storage.close();
		if (this.erasureStorage != this.storage) {
			this.erasureStorage.close();
		}
	}

	/**
	 * Parses a {@code gs://} prefix.
	 * @param uriPrefix the prefix
	 * @return the bucket and the object-name prefix (empty, or ending with {@code /})
	 * @throws IllegalArgumentException if the prefix is not a usable {@code gs://} prefix
	 */
	static Location parse(String uriPrefix) {
		String scheme = SCHEME + "://";
		if (!uriPrefix.toLowerCase(Locale.ROOT).startsWith(scheme)) {
			throw new IllegalArgumentException("'" + uriPrefix + "' is not a gs:// prefix; use for example " + EXAMPLE);
		}
		String rest = uriPrefix.substring(scheme.length());
		if (rest.contains("?") || rest.contains("#")) {
			throw new IllegalArgumentException(
					"'" + uriPrefix + "' must not have a query or fragment; use for example " + EXAMPLE);
		}
		int slash = rest.indexOf('/');
		String bucket = (slash < 0) ? rest : rest.substring(0, slash);
		if (bucket.isEmpty()) {
			throw new IllegalArgumentException("'" + uriPrefix + "' names no bucket; use for example " + EXAMPLE);
		}
		if (!BUCKET.matcher(bucket).matches() || bucket.contains("..")
				|| (bucket.length() > 63 && !bucket.contains("."))) {
			throw new IllegalArgumentException("'" + bucket + "' in '" + uriPrefix + "' is not a valid bucket name: "
					+ "use 3 to 63 lower-case letters, digits, '-', '_' or '.', starting and ending with a letter or "
					+ "digit; for example " + EXAMPLE);
		}
		String path = (slash < 0) ? "" : rest.substring(slash + 1);
		return new Location(bucket, UriPrefixes.keyPrefix(path, uriPrefix, EXAMPLE));
	}

	/**
	 * A parsed prefix.
	 *
	 * @param bucket the bucket
	 * @param keyPrefix the object-name prefix, empty or ending with {@code /}
	 */
	record Location(String bucket, String keyPrefix) {
	}

}
