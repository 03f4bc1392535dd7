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

package io.github.blobupload.provider.internal;

import java.util.Objects;
import java.util.Optional;

import io.github.blobupload.Blob;
import io.github.blobupload.BlobNamingStrategy;
import io.github.blobupload.PermanentUploadException;
import io.github.blobupload.provider.ObjectKeys;
import org.jspecify.annotations.Nullable;

/**
 * The destination URIs an uploader records for the objects it writes under one prefix,
 * and the way back from a recorded URI to the object's key. Each object is named by the
 * naming strategy with one safe segment (see {@link ObjectKeys}); its recorded URI is
 * {@code <uriPrefix><name>} or, for a store that signs URLs, an {@code http(s)} URL whose
 * path ends with the object's key. Objects written by integrations (such as the trace
 * index) may sit in safe sub-folders of the prefix:
 * {@code <uriPrefix>_index/<trace>/<name>}.
 * <p>
 * For reading back, only the canonical storage URI is accepted ({@link #readableKeyOf}):
 * a signed URL is mapped to it first ({@link #storageUriOf}).
 */
public final class RecordedUris {

	private final String uriPrefix;

	private final String keyPrefix;

	private final @Nullable String signedPathPrefix;

	private final BlobNamingStrategy naming;

	/**
	 * Creates the URIs of one uploader.
	 * @param uriPrefix the uploader's canonical prefix, ending with {@code /}, such as
	 * {@code s3://bucket/traces/}
	 * @param keyPrefix what an object's key holds before its name: empty, or safe
	 * segments ending with {@code /}, such as {@code traces/}
	 * @param signedPathPrefix what the path of a signed URL holds just before the name,
	 * starting with {@code /} (such as {@code /container/traces/}), or {@code null} if
	 * the uploader records no signed URLs
	 * @param naming how objects are named
	 */
	public RecordedUris(String uriPrefix, String keyPrefix, @Nullable String signedPathPrefix,
			BlobNamingStrategy naming) {
		this.uriPrefix = Objects.requireNonNull(uriPrefix, "uriPrefix must not be null");
		this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
		this.signedPathPrefix = signedPathPrefix;
		this.naming = Objects.requireNonNull(naming, "naming must not be null");
	}

	/**
	 * Returns the canonical prefix of the recorded URIs.
	 * @return the prefix, ending with {@code /}
	 */
	public String uriPrefix() {
		return this.uriPrefix;
	}

	/**
	 * Returns the name of the object a blob is stored as.
	 * @param blob the blob
	 * @return the name given by the naming strategy, a single safe segment
	 * @throws IllegalArgumentException if the naming strategy returned an unsafe name
	 */
	public String name(Blob blob) {
		String name = this.naming.objectName(blob);
		if (!BlobNamingStrategy.isSafeName(name)) {
			throw new IllegalArgumentException("the naming strategy returned an unsafe object name");
		}
		return name;
	}

	/**
	 * Returns the canonical URI of an object.
	 * @param name the object's name
	 * @return {@code <uriPrefix><name>}
	 */
	public String uri(String name) {
		return this.uriPrefix + name;
	}

	/**
	 * Returns the key of an object.
	 * @param name the object's name
	 * @return {@code <keyPrefix><name>}
	 */
	public String key(String name) {
		return this.keyPrefix + name;
	}

	/**
	 * Returns the key of the object a recorded URI stands for.
	 * @param uri the recorded URI: the canonical prefix followed by the name, or, if the
	 * uploader signs URLs, an {@code http(s)} URL (its query is ignored)
	 * @return the key
	 * @throws IllegalArgumentException if the URI is not one of the uploader's, or the
	 * name is not made of safe segments (one only in a signed URL)
	 */
	public String keyOf(String uri) {
		String name;
		if (uri.startsWith(this.uriPrefix)) {
			name = uri.substring(this.uriPrefix.length());
			if (!ObjectKeys.isSafePath(name) || name.isEmpty()) {
				throw new IllegalArgumentException("'" + uri + "' holds an unsafe object name");
			}
			return key(name);
		}
		else if (this.signedPathPrefix != null && (uri.startsWith("https://") || uri.startsWith("http://"))) {
			int query = uri.indexOf('?');
			String path = (query < 0) ? uri : uri.substring(0, query);
			name = path.substring(path.lastIndexOf('/') + 1);
			if (!path.endsWith(this.signedPathPrefix + name)) {
				throw new IllegalArgumentException("'" + path + "' is not under " + this.uriPrefix);
			}
		}
		else {
			throw new IllegalArgumentException("'" + uri + "' is not under " + this.uriPrefix);
		}
		if (!BlobNamingStrategy.isSafeName(name)) {
			throw new IllegalArgumentException("'" + uri + "' holds an unsafe object name");
		}
		return key(name);
	}

	/**
	 * Returns the key of the object to write for a recorded URI: the first step of each
	 * upload.
	 * @param uri the URI the upload was recorded with
	 * @return the key
	 * @throws PermanentUploadException if the URI is not one of the uploader's, which
	 * retrying cannot change
	 */
	public String keyToUpload(String uri) throws PermanentUploadException {
		try {
			return keyOf(uri);
		}
		catch (IllegalArgumentException ex) {
			throw new PermanentUploadException(ex.getMessage());
		}
	}

	/**
	 * Returns the key of the object a storage URI names, for reading it back. Only the
	 * canonical form is accepted: the prefix followed by safe segments (see
	 * {@link ObjectKeys#isSafePath}); anything else (another bucket, a signed URL,
	 * {@code ..}, {@code %2e}, backslashes, a trailing slash) names nothing.
	 * @param storageUri the URI
	 * @return the key, or empty if the URI names no object under the prefix
	 */
	public Optional<String> readableKeyOf(String storageUri) {
		if (!storageUri.startsWith(this.uriPrefix)) {
			return Optional.empty();
		}
		String path = storageUri.substring(this.uriPrefix.length());
		return (!path.isEmpty() && ObjectKeys.isSafePath(path)) ? Optional.of(key(path)) : Optional.empty();
	}

	/**
	 * Returns the key prefix to list for a URI prefix under the canonical prefix.
	 * @param uriPrefix the canonical prefix itself, or it followed by safe segments,
	 * optionally ending with {@code /} (the last segment may be the start of a name)
	 * @return the key prefix, or empty if the URI prefix is not under the canonical one
	 */
	public Optional<String> listableKeyPrefixOf(String uriPrefix) {
		if (!uriPrefix.startsWith(this.uriPrefix)) {
			return Optional.empty();
		}
		String path = uriPrefix.substring(this.uriPrefix.length());
		String segments = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
		if (path.equals("/") || !ObjectKeys.isSafePath(segments)) {
			return Optional.empty();
		}
		return Optional.of(key(path));
	}

	/**
	 * Returns the storage URI of a key listed by the store.
	 * @param key an object key
	 * @return the URI, or empty if the key is not under the key prefix or is not made of
	 * safe segments (an object this uploader could not have written)
	 */
	public Optional<String> uriOfKey(String key) {
		if (!key.startsWith(this.keyPrefix)) {
			return Optional.empty();
		}
		String path = key.substring(this.keyPrefix.length());
		return (!path.isEmpty() && ObjectKeys.isSafePath(path)) ? Optional.of(this.uriPrefix + path) : Optional.empty();
	}

	/**
	 * Returns the storage URI a recorded URI stands for: itself when it is a canonical
	 * URI, or the canonical URI of the object a signed URL points at.
	 * @param recordedUri a URI recorded by the uploader
	 * @return the storage URI, or empty if the URI is not one of the uploader's
	 */
	public Optional<String> storageUriOf(String recordedUri) {
		try {
			return uriOfKey(keyOf(recordedUri));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
